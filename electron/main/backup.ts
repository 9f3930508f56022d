/**
 * Backups of the hub's database on the hub PC: a consistent copy (SQLite `VACUUM INTO`, taken
 * from a read-only connection while the hub keeps writing) into DATA/backups once a day, the
 * newest `keep` kept. Runs in the hub's process beside the hub; it never writes the database.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';

const NAME = /^hub-(\d{8})-(\d{6})Z\.sqlite$/;

/** `hub-20200602-153000Z.sqlite`: sorts by time as text, and says it is UTC. */
export function backupFileName(at: Date): string {
  const iso = at.toISOString(); // 2020-06-02T15:30:00.000Z
  return `hub-${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}Z.sqlite`;
}

export function backupTime(name: string): Date | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [d, t] = [m[1]!, m[2]!];
  const at = new Date(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}Z`);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** The backups to delete so that the newest `keep` remain. Files of other names are never touched. */
export function backupsToDelete(names: readonly string[], keep: number): string[] {
  const ours = names.filter((n) => backupTime(n) !== null).sort();
  return ours.slice(0, Math.max(0, ours.length - keep));
}

/** When the next backup is due: now if there is none or the newest is older than `everyMs`. */
export function nextBackupDelay(names: readonly string[], now: Date, everyMs: number): number {
  const times = names.map(backupTime).filter((t): t is Date => t !== null);
  if (times.length === 0) return 0;
  const newest = Math.max(...times.map((t) => t.getTime()));
  return Math.max(0, newest + everyMs - now.getTime());
}

function run(db: sqlite3.Database, sql: string, params: unknown[]): Promise<void> {
  return new Promise((resolve, reject) => db.run(sql, params, (err) => (err ? reject(err) : resolve())));
}

function close(db: sqlite3.Database): Promise<void> {
  return new Promise((resolve) => db.close(() => resolve()));
}

/** Writes one backup and returns its path. The copy appears under its final name only when complete. */
export async function backupDatabase(dbFile: string, dir: string, at = new Date()): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const final = join(dir, backupFileName(at));
  const partial = `${final}.partial`;
  rmSync(partial, { force: true });
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const d = new sqlite3.Database(dbFile, sqlite3.OPEN_READONLY, (err) => (err ? reject(err) : resolve(d)));
  });
  try {
    await run(db, 'PRAGMA busy_timeout = 5000', []);
    await run(db, 'VACUUM INTO ?', [partial]);
  } finally {
    await close(db);
  }
  renameSync(partial, final);
  return final;
}

export function pruneBackups(dir: string, keep: number): string[] {
  if (!existsSync(dir)) return [];
  const doomed = backupsToDelete(readdirSync(dir), keep);
  for (const name of doomed) rmSync(join(dir, name), { force: true });
  return doomed;
}

export type BackupSchedule = { stop(): Promise<void> };

export function scheduleBackups(opts: { dbFile: string; dir: string; keep: number; everyMs: number; log: (line: string) => void }): BackupSchedule {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  const names = () => (existsSync(opts.dir) ? readdirSync(opts.dir) : []);
  const arm = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(tick, Math.min(ms, 2 ** 31 - 1));
    timer.unref();
  };
  const tick = () => {
    running = backupDatabase(opts.dbFile, opts.dir)
      .then((file) => {
        const removed = pruneBackups(opts.dir, opts.keep);
        opts.log(`backup written: ${file}${removed.length ? ` (removed ${removed.length} older)` : ''}`);
        arm(opts.everyMs);
      })
      .catch((err: Error) => {
        opts.log(`backup failed: ${err.message}; trying again in an hour`);
        arm(Math.min(opts.everyMs, 3_600_000));
      });
  };
  // Not in the first minute: a hub that was just restarted has a backlog of seats to serve first.
  arm(Math.max(60_000, nextBackupDelay(names(), new Date(), opts.everyMs)));
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}
