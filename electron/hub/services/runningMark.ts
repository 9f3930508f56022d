/**
 * Notes in the database, every few seconds and as the hub stops, that the hub is running. After
 * a crash or a power cut, the next start reads it as the last moment its seats were known to be
 * there: the grace period of the calls they left open runs from then (handlers/seats.ts).
 */
import type { LogError } from '../options';
import { markRunning } from '../store/meta';
import type { Writer } from '../store/writer';
import type { Service } from './service';

const EVERY_MS = 10_000;

export class RunningMark implements Service {
  readonly name = 'the running mark';
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> | null = null;

  constructor(private readonly deps: { writer: Writer; logError: LogError }) {}

  start(): void {
    this.mark();
    this.timer = setInterval(() => this.mark(), EVERY_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.round;
    // A clean stop is known to the moment.
    await this.write();
  }

  private mark(): void {
    this.round ??= this.write().finally(() => (this.round = null));
  }

  private write(): Promise<void> {
    return this.deps.writer.write((tx) => markRunning(tx.db, tx.now)).catch((err) => this.deps.logError('could not note that the hub is running', err));
  }
}
