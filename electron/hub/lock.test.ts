import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, LOCK_FILE, lockDataDir } from './lock';

const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hub-lock-test-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const LOCK_MODULE = fileURLToPath(new URL('./lock.ts', import.meta.url));

describe('the data folder lock', () => {
  it('refuses a second hub while the first holds it, and is free again once released', async () => {
    const dir = dataDir();
    const release = await lockDataDir(dir, 0);
    await expect(lockDataDir(dir, 0)).rejects.toThrow(DataDirLockedError);
    await expect(lockDataDir(dir, 0)).rejects.toThrow(`(process ${process.pid} on`);
    await release();
    const again = await lockDataDir(dir, 0);
    await again();
    expect(statSync(join(dir, LOCK_FILE)).mode & 0o777).toBe(0o600);
  });

  it('waits for a hub that is shutting down', async () => {
    const dir = dataDir();
    const release = await lockDataDir(dir, 0);
    setTimeout(() => void release(), 300);
    const second = await lockDataDir(dir, 3_000);
    await second();
  });

  it('an old process-id file naming a live process (an id reused after a reboot) does not block a start', async () => {
    const dir = dataDir();
    // Earlier versions trusted any live process with the id in hub.lock: here, this very process.
    writeFileSync(join(dir, 'hub.lock'), String(process.pid));
    const release = await lockDataDir(dir, 0);
    await release();
  });

  it('is free at once when the process holding it is killed', async () => {
    const dir = dataDir();
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', `import(${JSON.stringify(LOCK_MODULE)}).then(async (m) => { await m.lockDataDir(${JSON.stringify(dir)}, 0); console.log('locked'); setInterval(() => {}, 1000); })`], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
      child.once('exit', (code) => reject(new Error(`the child exited (${code}) before locking`)));
    });
    await expect(lockDataDir(dir, 0)).rejects.toThrow(/another hub \(process \d+ on .*\) is already using the data folder/);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const release = await lockDataDir(dir, 0);
    await release();
  });
});
