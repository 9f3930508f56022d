/** Pushing the floor statistics to the wall and supervisors, as a service of the hub. */
import type { FloorStats } from '../../../shared/protocol/stats';
import type { LogError } from '../options';
import type { Service } from './service';

/**
 * Recomputes when the state has moved on (at most once per `minMs`) and every `maxMs`
 * regardless. "Moved on" is a new `version()`, the seq of the last committed change, so the
 * statistics follow every change without anyone having to say so.
 */
export class StatsPublisher implements Service {
  readonly name = 'the floor statistics';
  private seen: number | null = null;
  private last = 0;
  /** The round in progress, if any. */
  private round: Promise<void> | null = null;
  private timer: NodeJS.Timeout | undefined;
  latest: FloorStats | null = null;

  constructor(
    private readonly deps: { compute: () => Promise<FloorStats>; publish: (s: FloorStats) => void; version: () => number; logError: LogError },
    private readonly minMs = 1000,
    private readonly maxMs = 5000,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.tick(), 250);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.round;
  }

  private tick(): void {
    const since = Date.now() - this.last;
    const version = this.deps.version();
    if (this.round || since < this.minMs || (version === this.seen && since < this.maxMs)) return;
    this.seen = version;
    this.last = Date.now();
    this.round = this.publishNow().finally(() => (this.round = null));
  }

  private async publishNow(): Promise<void> {
    try {
      this.latest = await this.deps.compute();
      this.deps.publish(this.latest);
    } catch (err) {
      this.deps.logError('computing the floor statistics failed', err);
    }
  }

  /** The latest statistics, computed now if there are none yet (a client connecting first). */
  async current(): Promise<FloorStats> {
    return this.latest ?? (this.latest = await this.deps.compute());
  }
}
