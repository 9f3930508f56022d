/**
 * Online backups and restore. A backup is `VACUUM INTO` on a connection of its own: it reads
 * one consistent snapshot of the live database while the writer goes on (WAL), and writes a
 * compact, self-contained file, never a copy of the main file alone (which would miss what
 * is still in the WAL). Every backup is checked with `PRAGMA integrity_check` before it
 * counts, and the newest `keep` are kept.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import sqlite3 from 'sqlite3';
import { Db } from './connection';
import { checkDatabaseFile } from './check';
import { MAX_CATCH_UP } from '../store/changes';

export type BackupInfo = { file: string; bytes: number; at: string; ms: number };

const PREFIX = 'hub-backup-';

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15) + '-' + String(d.getMilliseconds()).padStart(3, '0');
}

export async function backupNow(dbFile: string, dir: string, keep: number, now = new Date()): Promise<BackupInfo> {
  mkdirSync(dir, { recursive: true });
  const started = Date.now();
  const final = join(dir, `${PREFIX}${stamp(now)}.sqlite`);
  const partial = `${final}.partial`;
  rmSync(partial, { force: true });
  const source = await Db.open(dbFile, sqlite3.OPEN_READONLY);
  try {
    await source.exec('PRAGMA busy_timeout = 5000');
    await source.run('VACUUM INTO ?', [partial]);
  } finally {
    await source.close();
  }
  const problem = await checkDatabaseFile(partial);
  if (problem) {
    rmSync(partial, { force: true });
    throw new Error(`the backup failed its check: ${problem}`);
  }
  renameSync(partial, final);
  pruneBackups(dir, keep);
  return { file: final, bytes: statSync(final).size, at: now.toISOString(), ms: Date.now() - started };
}

export function listBackups(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.startsWith(PREFIX) && f.endsWith('.sqlite'))
    .sort()
    .map((f) => join(dir, f));
}

function pruneBackups(dir: string, keep: number): void {
  const all = listBackups(dir);
  for (const old of all.slice(0, Math.max(0, all.length - keep))) rmSync(old, { force: true });
}

/**
 * Puts `backup` in place of the data folder's database after checking it. The replaced
 * database (with its WAL) is kept beside it, renamed, never deleted. Run only while no hub
 * holds the folder.
 */
export async function restoreBackup(backup: string, dataDir: string, now = new Date()): Promise<{ replaced: string | null }> {
  const problem = await checkDatabaseFile(backup);
  if (problem) throw new Error(`not restoring: ${problem}`);
  const live = join(dataDir, 'hub.sqlite');
  let replaced: string | null = null;
  if (existsSync(live)) {
    replaced = join(dataDir, `hub.sqlite.replaced-${stamp(now)}`);
    mkdirSync(replaced);
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(live + suffix)) renameSync(live + suffix, join(replaced, basename(live + suffix)));
    }
  }
  copyFileSync(backup, `${live}.restoring`);
  // Clients that saw the replaced history must not take the restored one for a continuation:
  // the next seq jumps past both, so every such client gets a fresh snapshot.
  const oldSeq = replaced ? await maxSeq(join(replaced, 'hub.sqlite')) : 0;
  const restored = await Db.open(`${live}.restoring`);
  try {
    const newSeq = (await restored.get<{ s: number | null }>('SELECT MAX(seq) AS s FROM changes'))?.s ?? 0;
    const floor = Math.max(oldSeq, newSeq) + MAX_CATCH_UP + 1;
    await restored.run("INSERT INTO meta (key, value) VALUES ('seq_floor', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", [String(floor)]);
  } finally {
    await restored.close();
  }
  renameSync(`${live}.restoring`, live);
  return { replaced };
}

async function maxSeq(file: string): Promise<number> {
  const db = await Db.open(file, sqlite3.OPEN_READONLY).catch(() => null);
  if (!db) return 0;
  try {
    const seq = (await db.get<{ s: number | null }>('SELECT MAX(seq) AS s FROM changes').catch(() => undefined))?.s ?? 0;
    const floor = Number((await db.get<{ value: string }>("SELECT value FROM meta WHERE key = 'seq_floor'").catch(() => undefined))?.value ?? 0);
    return Math.max(seq, floor);
  } finally {
    await db.close().catch(() => undefined);
  }
}
