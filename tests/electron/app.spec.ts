/**
 * The desktop app as IT and operators meet it: the first-run setup, each role, the hub in its
 * own process, a hub that is not there yet, a bad configuration, one copy per PC, a system
 * proxy, shutdown by signal, and the security settings as seen from inside a window. Page code
 * is passed as strings: these files are type-checked without the DOM library.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { lockDataDir } from '../../electron/hub/lock';
import { cleanup, freePort, KEYS, launch, type Launched, ROOT, tempDir, testHub } from './app';
import { launchable } from './env';

const can = launchable();
test.skip(!can.ok, can.ok ? '' : can.reason);
test.afterEach(cleanup);

test('first run: the setup screen; setting up a seat opens the console on the hub', async () => {
  const hub = await testHub();
  const { window, dir } = await launch({ machine: null });
  await expect(window).toHaveURL(/^helpline-setup:\/\/app\//);
  await expect(window.getByRole('heading', { name: 'Set up this PC' })).toBeVisible();
  // The setup page runs no script and has no Node.
  expect(await window.evaluate('typeof require')).toBe('undefined');
  expect(await window.evaluate('typeof process')).toBe('undefined');

  await window.getByLabel(/Operator seat/).check();
  await window.getByLabel(/Hub address/).fill(hub.origin);
  await window.getByLabel(/Seat number/).fill('7');
  await window.getByRole('button', { name: 'Save and start' }).click();
  await window.waitForURL(`${hub.origin}/`);
  // The seat number just set is filled in on the operator's sign-in form.
  await expect(window.getByLabel('Seat', { exact: true })).toHaveValue('7');

  const saved = JSON.parse(readFileSync(join(dir, 'profile', 'config.json'), 'utf8')) as Record<string, unknown>;
  expect(saved).toMatchObject({ role: 'seat', hub: hub.origin, seat: 7 });
});

test("a seat's console: isolated, sandboxed, no Node, nothing else loaded or opened", async () => {
  const hub = await testHub();
  const { app, window } = await launch({ machine: { role: 'seat', hub: hub.origin, seat: 12, key: KEYS.operator, discovery: false } });
  await window.waitForURL(`${hub.origin}/`);

  expect(await window.evaluate('typeof require')).toBe('undefined');
  expect(await window.evaluate('typeof process')).toBe('undefined');
  expect(await window.evaluate('typeof module')).toBe('undefined');
  expect(await window.evaluate('Object.keys(window.helplineDesktop).sort()')).toEqual(['getInfo', 'notifyUrgent', 'printToPdf', 'saveExport']);
  expect(await window.evaluate('Object.isFrozen(window.helplineDesktop)')).toBe(true);
  expect(await window.evaluate("'ipcRenderer' in window || 'electron' in window")).toBe(false);

  const info = (await window.evaluate('window.helplineDesktop.getInfo()')) as { ok: boolean; value: Record<string, unknown> };
  expect(info).toMatchObject({ ok: true, value: { role: 'seat', window: 'operator', seat: 12, signInKey: KEYS.operator, hubUrl: hub.origin } });
  // What IT set for this PC is filled in on the sign-in form; the key it holds is never asked for.
  await expect(window.getByLabel('Seat', { exact: true })).toHaveValue('12');
  await expect(window.getByLabel('User', { exact: true })).toBeVisible();
  await expect(window.getByLabel('Access key', { exact: true })).toHaveCount(0);
  const bad = await window.evaluate("window.helplineDesktop.saveExport({ fileName: 'x', format: 'exe', content: '', path: 'C:/Windows' })");
  expect(bad).toMatchObject({ ok: false, error: { code: 'invalid' } });

  // New windows are denied; navigation away from the hub is refused; other origins are not fetched.
  expect(await window.evaluate("window.open('https://example.com/') === null")).toBe(true);
  expect(await window.evaluate(`window.open('${hub.origin}/wall') === null`)).toBe(true);
  await window.evaluate("location.href = 'https://example.com/'");
  await window.waitForTimeout(1000);
  expect(window.url()).toBe(`${hub.origin}/`);
  expect(app.windows()).toHaveLength(1);
  expect(await window.evaluate("fetch('https://example.com/').then(() => 'loaded', () => 'refused')")).toBe('refused');
  expect(await window.evaluate("navigator.permissions.query({ name: 'geolocation' }).then((p) => p.state)")).toBe('denied');

  // Electron 45 no longer reports a window's web preferences to the main process; the checks
  // above, made from inside the page, are what isolation and the sandbox actually guarantee.
});

test('a wall: full-screen kiosk, no menu, the wall display with its key', async () => {
  const hub = await testHub();
  const { app, window } = await launch({ machine: { role: 'wall', hub: hub.origin, wallKey: KEYS.wall, discovery: false, autoStart: false } });
  await window.waitForURL(`${hub.origin}/wall?key=${KEYS.wall}`);
  const state = await app.evaluate(({ BrowserWindow, Menu }) => ({ kiosk: BrowserWindow.getAllWindows()[0]!.isKiosk(), menu: Menu.getApplicationMenu() === null }));
  expect(state).toEqual({ kiosk: true, menu: true });
});

test('the hub PC: the hub runs in its own process, serves the console, and stops cleanly with the app', async () => {
  const port = await freePort();
  const dir = tempDir();
  const dataDir = join(dir, 'hub-data');
  const { app, window, close } = await launch({
    dir,
    machine: { role: 'hub', hubPort: port, hubHost: '127.0.0.1', hubData: dataDir, discovery: false, hubKeys: KEYS, hubBackupEveryMinutes: 0 },
  });
  const origin = `http://127.0.0.1:${port}`;
  // The hub PC's window is the supervisor's console, which the hub serves at /supervisor.
  await window.waitForURL(`${origin}/supervisor`);
  await expect(window.getByLabel('PIN', { exact: true })).toBeVisible();
  await expect(window.getByLabel('Access key', { exact: true })).toHaveCount(0);
  expect(await (await fetch(`${origin}/healthz`)).json()).toMatchObject({ ok: true });
  const types = await app.evaluate(({ app: a }) => a.getAppMetrics().map((m) => m.type));
  expect(types).toContain('Utility');
  const info = (await window.evaluate('window.helplineDesktop.getInfo()')) as { value: Record<string, unknown> };
  expect(info.value).toMatchObject({ role: 'hub', window: 'supervisor', signInKey: KEYS.supervisor, hubUrl: origin });

  await close();
  expect(existsSync(join(dataDir, 'hub.sqlite'))).toBe(true);
  // The data folder's lock went with the hub: another hub may take it at once.
  await (await lockDataDir(dataDir, 0))();
  await expect(fetch(`${origin}/healthz`)).rejects.toThrow();
});

test('the hub PC sent SIGTERM (a Linux shutdown): the hub closes cleanly before the app ends', async () => {
  test.skip(process.platform === 'win32', 'Windows has no SIGTERM; its shutdown comes as a window\'s session-end');
  const port = await freePort();
  const dir = tempDir();
  const dataDir = join(dir, 'hub-data');
  const { app, window } = await launch({
    dir,
    machine: { role: 'hub', hubPort: port, hubHost: '127.0.0.1', hubData: dataDir, discovery: false, hubKeys: KEYS, hubBackupEveryMinutes: 0 },
  });
  await window.waitForURL(`http://127.0.0.1:${port}/supervisor`);
  expect(existsSync(join(dataDir, 'hub.lock'))).toBe(true);
  const main = app.process();
  const exited = new Promise<void>((resolve) => main.once('exit', () => resolve()));
  main.kill('SIGTERM');
  await exited;
  expect(existsSync(join(dataDir, 'hub.sqlite'))).toBe(true);
  expect(existsSync(join(dataDir, 'hub.lock'))).toBe(false);
});

test('a system proxy that cannot reach the LAN: the console still goes straight to the hub', async () => {
  test.skip(process.platform !== 'linux', 'the proxy is set here through the environment, which Chromium reads on Linux');
  const hub = await testHub();
  // Chromium on Linux without a desktop's own settings takes the system proxy from these.
  const saved = { http_proxy: process.env.http_proxy, all_proxy: process.env.all_proxy, no_proxy: process.env.no_proxy, NO_PROXY: process.env.NO_PROXY };
  Object.assign(process.env, { http_proxy: 'http://127.0.0.1:9', all_proxy: 'http://127.0.0.1:9' });
  delete process.env.no_proxy;
  delete process.env.NO_PROXY;
  let launched: Launched;
  try {
    launched = await launch({ machine: { role: 'seat', hub: hub.origin, seat: 3, discovery: false } });
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  const { app, window } = launched;
  await window.waitForURL(`${hub.origin}/`);
  // Loopback is exempt from any proxy anyway; a hub on the LAN is what the proxy would have taken.
  const routes = await app.evaluate(async ({ session }, urls) => Promise.all(urls.map((u) => session.fromPartition('persist:helpline').resolveProxy(u))), [`${hub.origin}/`, 'http://10.0.0.5:4950/', 'ws://10.0.0.5:4950/socket.io/']);
  expect(routes).toEqual(['DIRECT', 'DIRECT', 'DIRECT']);
});

test('a hub that is not up yet: the waiting page, then the console as soon as it answers', async () => {
  const port = await freePort();
  const { window } = await launch({ machine: { role: 'seat', hub: `127.0.0.1:${port}`, discovery: false } });
  await expect(window).toHaveURL(/^helpline-setup:\/\/app\/waiting/);
  await expect(window.getByRole('heading')).toContainText(`Cannot reach the hub at http://127.0.0.1:${port}`);
  const hub = await testHub(port);
  await window.waitForURL(`${hub.origin}/`, { timeout: 30_000 });
});

test('a bad configuration: the app says what is wrong, on screen, and starts nothing', async () => {
  const { window } = await launch({ machine: '{ "role": "kiosk", "hubb": "x" }' });
  await expect(window.locator('h1')).toContainText('cannot start: its configuration is not valid');
  await expect(window.locator('pre')).toContainText('role: role must be one of hub, seat, wall');
  await expect(window.locator('pre')).toContainText('unknown setting "hubb"');
});

test('one copy per PC, even one showing a configuration error: a second start only brings it forward', async () => {
  const first = await launch({ machine: '{ "role": "kiosk" }' });
  await expect(first.window.locator('h1')).toContainText('cannot start');
  // Counts the calls that bring the window forward (focus is not observable without a window manager).
  await first.app.evaluate(({ BrowserWindow }) => {
    const counter = globalThis as unknown as { hcrFocusCalls: number };
    counter.hcrFocusCalls = 0;
    const win = BrowserWindow.getAllWindows()[0]!;
    const focus = win.focus.bind(win);
    win.focus = () => {
      counter.hcrFocusCalls++;
      focus();
    };
  });
  if (!can.ok) return;
  const args = [ROOT, '--user-data', join(first.dir, 'profile'), '--config', join(first.dir, 'machine-config.json'), '--no-discovery', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])];
  const second = spawn(can.executablePath, args, { stdio: 'ignore' });
  expect(await new Promise<number | null>((resolve) => second.on('exit', resolve))).toBe(0);
  expect(first.app.windows()).toHaveLength(1);
  await expect.poll(() => first.app.evaluate(() => (globalThis as unknown as { hcrFocusCalls: number }).hcrFocusCalls)).toBe(1);
});

test('one copy per PC: a second start only brings the first forward', async () => {
  const hub = await testHub();
  const first = await launch({ machine: { role: 'seat', hub: hub.origin, discovery: false } });
  await first.window.waitForURL(`${hub.origin}/`);
  if (!can.ok) return;
  const args = [ROOT, '--user-data', join(first.dir, 'profile'), '--config', join(first.dir, 'machine-config.json'), '--no-discovery', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])];
  const second = spawn(can.executablePath, args, { stdio: 'ignore' });
  const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
  expect(code).toBe(0);
  expect(first.app.windows()).toHaveLength(1);
});
