/**
 * One hub per data folder. Two hubs writing one database would each believe they own the
 * change sequence; the second is refused with a clear message.
 *
 * The lock is an operating-system file lock, held by a SQLite connection in exclusive locking
 * mode on a small file of its own (fcntl on Linux, LockFileEx on Windows, through SQLite's own
 * file layer). The system drops it when its process ends in any way: a crash, kill -9, a
 * power cut, a reboot. An earlier version wrote its process id to `hub.lock` and trusted any
 * live process with that id; after a reboot another program could hold the same id and every
 * start was refused. A lock owned by the system cannot be left behind.
 *
 * The lock file is never deleted: deleting it while another hub opens it would let a third
 * one lock a fresh file beside it. `hub-lock.owner` says, for the message only, who holds it.
 */
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { Db } from './db/connection';
import { takeExclusiveLock } from './db/fileLock';

export const LOCK_FILE = 'hub-lock.sqlite';
const OWNER_FILE = 'hub-lock.owner';
/** The process-id file of earlier versions; removed once the new lock is held. */
const LEGACY_LOCK_FILE = 'hub.lock';

export class DataDirLockedError extends Error {
  constructor(dir: string, owner: string | null) {
    super(`another hub${owner ? ` (${owner})` : ''} is already using the data folder ${dir}; stop it first, or use another --data folder`);
  }
}

/**
 * Takes the data folder's lock; the returned function releases it. A hub that is still
 * shutting down (for example the one a restart replaces) is given `waitMs` to finish before
 * this one gives up.
 */
export async function lockDataDir(dir: string, waitMs = 5_000): Promise<() => Promise<void>> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      return await tryLock(dir);
    } catch (err) {
      if (!(err instanceof DataDirLockedError) || Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

function isBusy(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

async function tryLock(dir: string): Promise<() => Promise<void>> {
  const file = join(dir, LOCK_FILE);
  const db = await Db.open(file);
  try {
    chmodSync(file, 0o600);
    await takeExclusiveLock(db, { pid: process.pid, host: hostname(), since: new Date().toISOString() });
  } catch (err) {
    await db.close().catch(() => undefined);
    if (isBusy(err)) throw new DataDirLockedError(dir, owner(dir));
    throw err;
  }
  writeFileSync(join(dir, OWNER_FILE), `process ${process.pid} on ${hostname()}, since ${new Date().toISOString()}\n`, { mode: 0o600 });
  if (existsSync(join(dir, LEGACY_LOCK_FILE))) rmSync(join(dir, LEGACY_LOCK_FILE), { force: true });
  let released: Promise<void> | undefined;
  return () => (released ??= db.close());
}

function owner(dir: string): string | null {
  try {
    return readFileSync(join(dir, OWNER_FILE), 'utf8').trim() || null;
  } catch {
    return null;
  }
}
