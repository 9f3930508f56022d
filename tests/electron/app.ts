/**
 * Launching the desktop app for a test: its own profile folder (--user-data) and machine file
 * (--config) under a temporary folder, so tests never read this PC's configuration or each
 * other's, and a hub of the test's own on a free loopback port.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import { startHub, type Hub } from '../../electron/hub/index';
import { launchable } from './env';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const KEYS = { operator: 'electron-test-operator', supervisor: 'electron-test-supervisor', wall: 'electron-test-wall' };

export type Launched = { app: ElectronApplication; window: Page; dir: string; stderr: () => string; close: () => Promise<void> };

const cleanups: (() => Promise<void> | void)[] = [];

export async function cleanup(): Promise<void> {
  for (const c of cleanups.splice(0).reverse()) await c();
}

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hcr-electron-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }));
  return dir;
}

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

export async function testHub(port = 0): Promise<Hub & { origin: string }> {
  const hub = await startHub({ dataDir: tempDir(), keys: KEYS, port, host: '127.0.0.1', rendererDir: join(ROOT, 'dist/renderer'), backup: { everyMinutes: 0 }, log: () => undefined });
  cleanups.push(() => hub.close());
  return Object.assign(hub, { origin: `http://127.0.0.1:${hub.port}` });
}

/** `machine`: the machine file's content (an object as JSON, a string as is, null for none). */
export async function launch(opts: { machine?: object | string | null; args?: string[]; dir?: string } = {}): Promise<Launched> {
  const can = launchable();
  if (!can.ok) throw new Error(can.reason);
  const dir = opts.dir ?? tempDir();
  const machineFile = join(dir, 'machine-config.json');
  if (opts.machine != null) writeFileSync(machineFile, typeof opts.machine === 'string' ? opts.machine : JSON.stringify(opts.machine));
  // --no-discovery: a test must never send mDNS on this machine's real network.
  const args = [ROOT, '--user-data', join(dir, 'profile'), '--config', machineFile, '--no-discovery', ...(opts.args ?? [])];
  // Chromium's own sandbox cannot start as root (a CI container): the renderer keeps its
  // Electron sandbox (no Node, isolated preload), only the OS-level one is off.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const app = await electron.launch({ executablePath: can.executablePath, args, env: { ...(process.env as Record<string, string>), HELPLINE_LOG_STDERR: '1' }, timeout: 60_000 });
  let err = '';
  app.process().stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const close = async () => {
    await app.close().catch(() => undefined);
  };
  cleanups.push(close);
  const window = await app.firstWindow();
  return { app, window, dir, stderr: () => err, close };
}
