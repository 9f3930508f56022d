/**
 * Hostile starts: each refused with a clear message and a non-zero exit, never a silent reset
 * to an empty database. Also the backup/restore path from the command line.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { operatorAuth, supervisorAuth } from '../helpers/client';
import { REPO_ROOT } from '../helpers/child';
import { startTestHub } from '../helpers/hub';
import { TEST_KEYS } from '../helpers/keys';
import { Resources } from '../helpers/resources';

const res = new Resources();
afterEach(() => res.cleanup());

const env = { ...process.env, HUB_OPERATOR_KEY: TEST_KEYS.operator, HUB_SUPERVISOR_KEY: TEST_KEYS.supervisor, HUB_WALL_KEY: TEST_KEYS.wall };

/** Runs the CLI until it prints its listening line (then stops it) or exits by itself. */
function runCli(args: string[], timeoutMs = 20_000): Promise<{ code: number | null; out: string; listened: boolean }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--import', 'tsx', 'electron/hub/cli.ts', '--host', '127.0.0.1', ...args], { cwd: REPO_ROOT, env });
    let out = '';
    let listened = false;
    const timer = setTimeout(() => p.kill('SIGKILL'), timeoutMs);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (!listened && out.includes('listening on http://')) {
        listened = true;
        p.kill('SIGTERM');
      }
    };
    p.stdout.on('data', onData);
    p.stderr.on('data', onData);
    p.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out, listened });
    });
  });
}

async function seededDataDir(): Promise<string> {
  const dataDir = await res.dataDir();
  const hub = await startTestHub(res, { dataDir });
  const op = await res.ready(hub.url, operatorAuth(1));
  for (let i = 0; i < 5; i++) await op.emit('ticket:create', { opId: randomUUID(), ticket: { phone: '9876543210', category: 'other', description: `Ticket ${i}` } });
  op.close();
  await hub.close();
  return dataDir;
}

describe('hostile starts', () => {
  it('a corrupt database file', async () => {
    const dataDir = await seededDataDir();
    const file = join(dataDir, 'hub.sqlite');
    const fd = await import('node:fs/promises').then((f) => f.open(file, 'r+'));
    await fd.write(Buffer.alloc(4096, 0x5a), 0, 4096, 4096); // overwrite the second page
    await fd.close();
    const r = await runCli(['--port', '0', '--data', dataDir]);
    expect(r.listened).toBe(false);
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/damaged|cannot be read/);
    expect(r.out).toMatch(/--restore/);
  });

  it('a database that vanished from a folder that had one', async () => {
    const dataDir = await seededDataDir();
    for (const f of readdirSync(dataDir)) if (f.startsWith('hub.sqlite')) rmSync(join(dataDir, f));
    const r = await runCli(['--port', '0', '--data', dataDir]);
    expect(r.listened).toBe(false);
    expect(r.out).toMatch(/hub\.sqlite is gone/);
    expect(existsSync(join(dataDir, 'hub.sqlite'))).toBe(false);
  });

  it('a data folder that cannot be created', async () => {
    const base = await res.dataDir();
    writeFileSync(join(base, 'a-file'), 'not a folder');
    const r = await runCli(['--port', '0', '--data', join(base, 'a-file', 'hub')]);
    expect(r.listened).toBe(false);
    expect(r.out).toMatch(/data folder .* cannot be created or written/);
  });

  it('a data folder on a disk that became read-only', async () => {
    const mountPoint = join(await res.dataDir(), 'ro');
    mkdirSync(mountPoint);
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mountPoint]).status !== 0) {
      console.warn('skipped: mounting a tmpfs needs root');
      return;
    }
    res.defer(() => void spawnSync('umount', ['-l', mountPoint]));
    const dataDir = join(mountPoint, 'hub');
    const hub = await startTestHub(res, { dataDir });
    await hub.close();
    expect(spawnSync('mount', ['-o', 'remount,ro', mountPoint]).status).toBe(0);
    const r = await runCli(['--port', '0', '--data', dataDir]);
    expect(r.listened).toBe(false);
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/cannot be created or written \(EROFS\)/);
  });

  it('a database from a newer version of the app', async () => {
    const dataDir = await seededDataDir();
    const db = new sqlite3.Database(join(dataDir, 'hub.sqlite'));
    await new Promise<void>((r, j) => db.exec('PRAGMA user_version = 99', (e) => (e ? j(e) : r())));
    await new Promise((r) => db.close(r));
    const r = await runCli(['--port', '0', '--data', dataDir]);
    expect(r.listened).toBe(false);
    expect(r.out).toMatch(/newer than this hub knows/);
  });

  it('a second hub on the same data folder', async () => {
    const dataDir = await res.dataDir();
    await startTestHub(res, { dataDir });
    const r = await runCli(['--port', '0', '--data', dataDir], 30_000);
    expect(r.listened).toBe(false);
    expect(r.out).toMatch(/another hub .* is already using the data folder/);
  }, 40_000);

  it('the port already in use', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    res.defer(() => new Promise<void>((r) => blocker.close(() => r())));
    const port = (blocker.address() as { port: number }).port;
    const r = await runCli(['--port', String(port), '--data', await res.dataDir()], 30_000);
    expect(r.listened).toBe(false);
    expect(r.out).toMatch(new RegExp(`port ${port} is already in use`));
  }, 40_000);

  it('a full disk while running: writes refused with a typed error, recovery when space returns', async () => {
    const mountPoint = join(await res.dataDir(), 'small');
    mkdirSync(mountPoint);
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', mountPoint]);
    if (mounted.status !== 0) {
      console.warn('skipped: mounting a small tmpfs needs root');
      return;
    }
    res.defer(() => void spawnSync('umount', ['-l', mountPoint]));
    const hub = await startTestHub(res, { dataDir: join(mountPoint, 'hub') });
    const op = await res.ready(hub.url, operatorAuth(1));
    const filler = join(mountPoint, 'filler');
    writeFileSync(filler, Buffer.alloc(0));
    // Fill the disk with a file, leaving almost nothing.
    spawnSync('sh', ['-c', `dd if=/dev/zero of=${filler} bs=64k 2>/dev/null; true`]);
    let refused = null;
    for (let i = 0; i < 200 && !refused; i++) {
      const ack = await op.emit('ticket:create', { opId: randomUUID(), ticket: { phone: '9876543210', category: 'other', description: 'x'.repeat(3000) } });
      if (!ack.ok) refused = ack;
    }
    expect(refused?.error?.code).toBe('internal');
    expect(refused?.error?.message).toMatch(/disk is full/);
    rmSync(filler);
    const after = await op.emit('ticket:create', { opId: randomUUID(), ticket: { phone: '9876543210', category: 'other', description: 'after space returned' } });
    expect(after.ok).toBe(true);
  }, 60_000);
});

describe('backups', () => {
  it('a supervisor takes a backup under load; it restores to a consistent state and the replaced database is kept', async () => {
    const dataDir = await res.dataDir();
    const hub = await startTestHub(res, { dataDir });
    const sup = await res.ready(hub.url, supervisorAuth());
    const seats = await Promise.all(Array.from({ length: 10 }, (_, i) => res.ready(hub.url, operatorAuth(i + 1))));
    let stop = false;
    let longestAck = 0;
    const acked: string[] = [];
    const load = seats.map(async (op, i) => {
      for (let n = 0; !stop; n++) {
        const t0 = performance.now();
        const ack = await op.emit('ticket:create', { opId: `${i}-${n}`, ticket: { phone: '9876543210', category: 'other', description: `load ${i}-${n}` } });
        longestAck = Math.max(longestAck, performance.now() - t0);
        if (ack.ok) acked.push(ack.ticket!.id);
      }
    });
    await new Promise((r) => setTimeout(r, 300));
    const backup = await sup.emit('backup:now', {});
    stop = true;
    await Promise.all(load);
    expect(backup.ok).toBe(true);
    const file = (backup as unknown as { backup: { file: string } }).backup.file;
    console.info(`backup under load: longest ack ${Math.round(longestAck)} ms`);
    expect(existsSync(file)).toBe(true);
    await hub.close();

    const r = await runCli(['--port', '0', '--data', dataDir, '--restore', file]);
    expect(r.out).toMatch(/Restored/);
    expect(r.listened).toBe(true);
    const replaced = readdirSync(dataDir).filter((f) => f.startsWith('hub.sqlite.replaced-'));
    expect(replaced).toHaveLength(1);
    // The restored database is a consistent prefix of what was acknowledged: every ticket in it
    // was acknowledged, numbers run 1..n without a gap.
    const db = new sqlite3.Database(join(dataDir, 'hub.sqlite'), sqlite3.OPEN_READONLY);
    const rows = await new Promise<{ id: string; number: number }[]>((ok, no) => db.all('SELECT id, number FROM tickets ORDER BY number', (e, x) => (e ? no(e) : ok(x as never))));
    db.close();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((x) => x.number)).toEqual(rows.map((_, i) => i + 1));
    const ackedSet = new Set(acked);
    expect(rows.every((x) => ackedSet.has(x.id))).toBe(true);
  }, 60_000);

  it('refuses to restore a file that is not a sound hub database', async () => {
    const dataDir = await seededDataDir();
    const bogus = join(dataDir, 'bogus.sqlite');
    writeFileSync(bogus, 'not a database at all');
    const r = await runCli(['--port', '0', '--data', dataDir, '--restore', bogus]);
    expect(r.listened).toBe(false);
    expect(r.out).toMatch(/not restoring/);
    expect(readdirSync(dataDir).some((f) => f.startsWith('hub.sqlite.replaced-'))).toBe(false);
  });
});
