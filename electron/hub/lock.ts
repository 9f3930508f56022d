/**
 * One hub per data folder. Two hubs writing one database would each believe they own the
 * change sequence; the second is refused with a clear message. A lock left by a hub that was
 * killed (its process is gone) is taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(`another hub (process ${pid}) is already using the data folder ${dir}; stop it first, or use another --data folder`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the data folder's lock. A hub that is still shutting down (for example the one a
 * restart replaces) is given `waitMs` to finish before this one gives up.
 */
export async function lockDataDir(dir: string, waitMs = 5_000): Promise<() => void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      return tryLock(dir);
    } catch (err) {
      if (!(err instanceof DataDirLockedError) || Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

function tryLock(dir: string): () => void {
  const file = join(dir, 'hub.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) throw new DataDirLockedError(dir, pid);
      rmSync(file, { force: true });
    }
  }
  throw new Error(`could not lock the data folder ${dir}`);
}
