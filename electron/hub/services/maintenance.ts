/**
 * Housekeeping, every 30 seconds: the day's counter rolled over at local midnight (and pushed,
 * since no call announced it), old changes, ops and sessions pruned, the WAL checkpointed; privacy
 * retention hourly.
 */
import { checkpoint } from '../db/connection';
import type { LogError } from '../options';
import type { Broadcaster } from '../sockets/broadcaster';
import { pruneChanges } from '../store/changes';
import type { LiveConfig } from '../store/config';
import { pruneOps } from '../store/ops';
import { pruneSessions } from '../store/sessions';
import { applyRetention } from '../store/retention';
import { counterOf, rollDay } from '../store/state';
import type { Writer } from '../store/writer';
import type { Service } from './service';

const EVERY_MS = 30_000;
const RETENTION_EVERY_MS = 3_600_000;
/** How long an opId is remembered: far longer than any outbox waits offline. */
const OPS_KEPT_DAYS = 30;
/** Sessions are rows for a month after their sign-in (they last hours); the security log keeps their story. */
const SESSIONS_KEPT_DAYS = 30;

export type MaintenanceDeps = { writer: Writer; config: LiveConfig; broadcaster: Broadcaster; timeZone: string; log: (line: string) => void; logError: LogError };

export class Maintenance implements Service {
  readonly name = 'housekeeping';
  private timer: NodeJS.Timeout | undefined;
  private lastRetention = 0;
  private round: Promise<void> | null = null;

  constructor(private readonly deps: MaintenanceDeps) {}

  start(): void {
    this.timer = setInterval(() => {
      this.round ??= this.run()
        .catch((err) => this.deps.logError('maintenance failed', err))
        .finally(() => (this.round = null));
    }, EVERY_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.round;
  }

  /** One round; `force` runs privacy retention now whenever it last ran. */
  async run(force = false): Promise<void> {
    const { writer, timeZone } = this.deps;
    const rolled = await writer.write(async (tx) => {
      const before = tx.state.dayKey;
      rollDay(tx.state, tx.now, timeZone);
      await pruneChanges(tx.db, tx.state.seq);
      await pruneOps(tx.db, new Date(tx.now.getTime() - OPS_KEPT_DAYS * 86_400_000));
      await pruneSessions(tx.db, new Date(tx.now.getTime() - SESSIONS_KEPT_DAYS * 86_400_000));
      return before !== tx.state.dayKey ? counterOf(tx.state, tx.now, timeZone) : null;
    });
    if (rolled) this.deps.broadcaster.counter(rolled);
    await writer.read((_state, db) => checkpoint(db, 'PASSIVE'));
    if (force || Date.now() - this.lastRetention > RETENTION_EVERY_MS) {
      this.lastRetention = Date.now();
      const masked = await applyRetention(writer, this.deps.config.current.privacy.maskClosedAfterDays);
      if (masked.tickets + masked.calls > 0) this.deps.log(`privacy retention: masked ${masked.tickets} closed tickets and ${masked.calls} calls`);
    }
  }
}
