/**
 * An operating-system lock on a file of its own, taken through SQLite's file layer (fcntl on
 * Linux, LockFileEx on Windows): a connection in exclusive locking mode that has written once
 * holds the file's lock until it is closed, or its process ends in any way.
 */
import type { Db } from './connection';

/**
 * Takes the lock on `db`'s file without waiting (the caller decides how long to retry) and
 * records who holds it. Rejects with SQLite's SQLITE_BUSY or SQLITE_LOCKED while another
 * process holds it.
 */
export async function takeExclusiveLock(db: Db, holder: { pid: number; host: string; since: string }): Promise<void> {
  await db.exec('PRAGMA busy_timeout = 0; PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = DELETE');
  // The first write in exclusive locking mode takes the file's lock and keeps it until close.
  await db.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS holder (pid INTEGER, host TEXT, since TEXT); DELETE FROM holder;');
  await db.run('INSERT INTO holder (pid, host, since) VALUES (?, ?, ?)', [holder.pid, holder.host, holder.since]);
  await db.exec('COMMIT');
}
