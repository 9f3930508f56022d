/**
 * Online backups as a service: on a schedule (every `everyMinutes`, 0 for none) and on a
 * supervisor's request, one at a time; a request while one runs gets that one's result.
 */
import { backupNow, type BackupInfo } from '../db/backup';
import type { LogError } from '../options';
import type { Service } from './service';

export type BackupsDeps = { dbFile: string; dir: string; keep: number; everyMinutes: number; log: (line: string) => void; logError: LogError };

export class Backups implements Service {
  readonly name = 'scheduled backups';
  private running: Promise<BackupInfo> | null = null;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: BackupsDeps) {}

  run(): Promise<BackupInfo> {
    this.running ??= backupNow(this.deps.dbFile, this.deps.dir, this.deps.keep).finally(() => (this.running = null));
    return this.running;
  }

  start(): void {
    const everyMs = this.deps.everyMinutes * 60_000;
    if (everyMs <= 0) return;
    this.timer = setInterval(() => {
      this.run().then(
        (b) => this.deps.log(`backup written: ${b.file} (${Math.round(b.bytes / 1024)} KiB, ${b.ms} ms)`),
        (err) => this.deps.logError('scheduled backup failed', err),
      );
    }, everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }
}
