/**
 * Closes the calls of seats that went offline during them and stayed away past the grace period
 * (handlers/abandonedCalls.ts). It looks at the live seats a few times a second, in memory, and
 * asks the writer for nothing until a call is due.
 */
import { closeAbandonedCalls } from '../handlers/abandonedCalls';
import type { LogError } from '../options';
import { offlinePastGrace } from '../store/seats';
import type { Writer } from '../store/writer';
import type { Service } from './service';

export type CallGraceDeps = { writer: Writer; graceMs: number; log: (line: string) => void; logError: LogError };

export class CallGrace implements Service {
  readonly name = 'closing calls left open';
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> | null = null;

  constructor(private readonly deps: CallGraceDeps) {}

  start(): void {
    // A short grace (tests) is watched closely; a long one needs no more than a look a second.
    this.timer = setInterval(() => this.tick(), Math.min(1000, Math.max(50, this.deps.graceMs / 4)));
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.round;
  }

  private tick(): void {
    if (this.round) return;
    const { writer, graceMs, log, logError } = this.deps;
    const now = new Date();
    const due = [...writer.state.seats.values()].filter((s) => s.callId !== undefined && offlinePastGrace(s, graceMs, now)).map((s) => s.seat);
    if (due.length === 0) return;
    this.round = closeAbandonedCalls(writer, graceMs, due)
      .then((closed) => {
        for (const c of closed) log(`seat ${c.seat} stayed offline past the grace period: its call ${c.id} was closed as disconnected, ended ${c.endedAt}`);
      })
      .catch((err) => logError('closing calls left open failed', err))
      .finally(() => (this.round = null));
  }
}
