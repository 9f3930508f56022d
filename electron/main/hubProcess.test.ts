/**
 * The hub's process entry, run for real: forked with Node's IPC as Electron's utilityProcess
 * would fork it, once from source and once bundled the way scripts/build-electron.mjs bundles
 * it, and driven through its messages: start, ready (the hub answers), stop (clean exit), and
 * through signals: SIGTERM and SIGINT close it as cleanly as `stop`.
 * Also the supervisor with a real process: killed outright, it is started again.
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterEach, describe, expect, it } from 'vitest';
import { backupNow } from '../hub/db/backup';
import { lockDataDir } from '../hub/lock';
import type { FromHub, HubStartOptions } from './hubMessages';
import { type HubChild, type HubReady, HubSupervisor } from './hubSupervisor';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ENTRY = join(root, 'electron/main/hubProcess.ts');
const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0).reverse()) c();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hcr-hubproc-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function options(dir: string, over: Partial<HubStartOptions> = {}): HubStartOptions {
  return {
    dataDir: join(dir, 'hub'),
    port: 0,
    host: '127.0.0.1',
    rendererDir: join(root, 'dist/renderer'),
    keys: { operator: 'op-key-1', supervisor: 'sup-key-1' },
    advertiseAs: null,
    backup: { everyMinutes: 0 },
    ...over,
  };
}

function start(entry: string, execArgv: string[], env: Record<string, string> = {}): { child: ChildProcess; messages: FromHub[]; next: (type: FromHub['type']) => Promise<FromHub>; exited: Promise<number | null> } {
  const child = fork(entry, [], { execArgv, stdio: ['ignore', 'pipe', 'pipe', 'ipc'], env: { ...process.env, ...env } });
  cleanup.push(() => child.kill('SIGKILL'));
  const messages: FromHub[] = [];
  const waiters: { type: FromHub['type']; resolve: (m: FromHub) => void }[] = [];
  child.on('message', (m) => {
    const msg = m as FromHub;
    messages.push(msg);
    for (const w of waiters.filter((w) => w.type === msg.type)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(msg);
    }
  });
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const next = (type: FromHub['type']) =>
    new Promise<FromHub>((resolve, reject) => {
      const seen = messages.find((m) => m.type === type);
      if (seen) return resolve(seen);
      waiters.push({ type, resolve });
      void exited.then((code) => reject(new Error(`hub process exited (${code}) before "${type}"; got ${JSON.stringify(messages)}`)));
    });
  return { child, messages, next, exited };
}

async function runLifecycle(entry: string, execArgv: string[], env: Record<string, string> = {}): Promise<void> {
  const dir = tempDir();
  const p = start(entry, execArgv, env);
  p.child.send({ type: 'start', options: options(dir) });
  const ready = (await p.next('ready')) as HubReady;
  expect(ready.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(ready.keys).toMatchObject({ operator: 'op-key-1', supervisor: 'sup-key-1' });
  // The wall key was not configured: generated once, kept in hub.json beside the database.
  expect(ready.generated).toEqual(['wall']);
  expect(JSON.parse(readFileSync(join(dir, 'hub', 'hub.json'), 'utf8')).wallKey).toBe(ready.keys.wall);
  const health = (await (await fetch(`${ready.url}/healthz`)).json()) as { ok: boolean };
  expect(health.ok).toBe(true);
  p.child.send({ type: 'stop' });
  await p.next('stopped');
  expect(await p.exited).toBe(0);
  // The data folder's lock went with the hub: another hub may take it at once.
  await (await lockDataDir(join(dir, 'hub'), 0))();
}

describe('the hub process entry', () => {
  it('from source: start, serve, stop cleanly', async () => {
    await runLifecycle(ENTRY, ['--import', 'tsx']);
  });

  it('bundled as in the app: start, serve, stop cleanly', async () => {
    const out = join(tempDir(), 'hub.cjs');
    const result = await build({ entryPoints: [ENTRY], outfile: out, bundle: true, format: 'cjs', platform: 'node', target: 'node20', external: ['sqlite3', 'bufferutil', 'utf-8-validate'], logLevel: 'silent', metafile: true });
    // The hub must run the same code under Node and Electron: nothing of electron in its graph.
    expect(Object.keys(result.metafile.inputs).filter((f) => /(^|\/)electron(\/|$)/.test(f) && !f.startsWith('electron/'))).toEqual([]);
    // sqlite3 is left out of the bundle, as in the app, and found in node_modules as the app finds it.
    await runLifecycle(out, [], { NODE_PATH: join(root, 'node_modules') });
  });

  it('restores a backup before starting, once asked', async () => {
    const dir = tempDir();
    const first = start(ENTRY, ['--import', 'tsx']);
    first.child.send({ type: 'start', options: options(dir, { dataDir: join(dir, 'a') }) });
    await first.next('ready');
    first.child.send({ type: 'stop' });
    expect(await first.exited).toBe(0);
    const backup = await backupNow(join(dir, 'a', 'hub.sqlite'), join(dir, 'backups'), 5);

    const second = start(ENTRY, ['--import', 'tsx']);
    second.child.send({ type: 'start', options: options(dir, { dataDir: join(dir, 'b'), restoreFrom: backup.file }) });
    await second.next('ready');
    expect(second.messages.some((m) => m.type === 'log' && m.line.startsWith(`restored ${backup.file} into ${join(dir, 'b')}`))).toBe(true);
    second.child.send({ type: 'stop' });
    expect(await second.exited).toBe(0);
  });

  it('SIGTERM closes the hub cleanly: exit 0, the lock released, a new hub starts on the same folder at once', async () => {
    // Linux sends SIGTERM to every process of the session at shutdown, the hub's included.
    const dir = tempDir();
    const first = start(ENTRY, ['--import', 'tsx']);
    first.child.send({ type: 'start', options: options(dir) });
    await first.next('ready');
    first.child.kill('SIGTERM');
    await first.next('stopped');
    expect(await first.exited).toBe(0);
    // The data folder's lock went with the hub: another hub may take it at once.
  await (await lockDataDir(join(dir, 'hub'), 0))();

    const second = start(ENTRY, ['--import', 'tsx']);
    const t0 = Date.now();
    second.child.send({ type: 'start', options: options(dir) });
    const ready = (await second.next('ready')) as HubReady;
    // Not after waiting out a lock held by a process that is still closing (lockDataDir waits 5 s).
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(((await (await fetch(`${ready.url}/healthz`)).json()) as { ok: boolean }).ok).toBe(true);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
    // The data folder's lock went with the hub: another hub may take it at once.
  await (await lockDataDir(join(dir, 'hub'), 0))();
  });

  it('reports a start that fails, and exits', async () => {
    const dir = tempDir();
    const p = start(ENTRY, ['--import', 'tsx']);
    p.child.send({ type: 'start', options: options(dir, { keys: { operator: 'same', supervisor: 'same' } }) });
    const failed = await p.next('failed');
    expect(failed).toMatchObject({ type: 'failed', message: expect.stringMatching(/must be set and all different/) });
    expect(await p.exited).toBe(1);
  });

  it('refuses to run when not started by the app', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], { stdio: ['ignore', 'pipe', 'pipe'] });
    cleanup.push(() => child.kill('SIGKILL'));
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise((r) => child.on('exit', r));
    expect(code).toBe(2);
    expect(err).toMatch(/started by the app/);
  });
});

describe('HubSupervisor with a real hub process', () => {
  it('a hub killed outright is started again on the same data, and answers', async () => {
    const dir = tempDir();
    const readies: HubReady[] = [];
    const pids: number[] = [];
    const supervisor = new HubSupervisor({
      fork: (): HubChild => {
        const child = fork(ENTRY, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
        pids.push(child.pid!);
        cleanup.push(() => child.kill('SIGKILL'));
        return {
          postMessage: (m) => child.send(m),
          kill: () => child.kill('SIGKILL'),
          onMessage: (l) => child.on('message', l),
          onExit: (l) => child.on('exit', (code) => l(code)),
        };
      },
      options: () => options(dir, { keys: { operator: 'o-1', supervisor: 's-1', wall: 'w-1' } }),
      log: () => undefined,
      onReady: (r) => readies.push(r),
      onDown: () => undefined,
      backoff: { baseMs: 100, maxMs: 100, jitter: 0 },
    });
    supervisor.start();
    await waitFor(() => readies.length === 1);
    process.kill(pids[0]!, 'SIGKILL');
    await waitFor(() => readies.length === 2);
    const health = (await (await fetch(`${readies[1]!.url}/healthz`)).json()) as { ok: boolean };
    expect(health.ok).toBe(true);
    await supervisor.stop();
    expect(supervisor.state).toBe('stopped');
  });
});

async function waitFor(cond: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}
