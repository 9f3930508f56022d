/**
 * The hub as a service: the systemd unit IT installs (deploy/systemd/helpline-hub.service) is
 * valid, and its command keeps the hub running when whatever started it is gone, writes no
 * key into the log, and stops cleanly on SIGTERM. Started from a terminal or `npm run` without
 * `--service`, the hub still goes with the command that started it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/child';
import { healthz, Resources } from '../helpers/resources';
import { waitUntil } from '../helpers/wait';

const res = new Resources();
afterEach(() => res.cleanup());

const UNIT = join(REPO_ROOT, 'deploy/systemd/helpline-hub.service');

/** The unit's ExecStart, as words. */
function execStart(): string[] {
  const line = readFileSync(UNIT, 'utf8').split('\n').find((l) => l.startsWith('ExecStart='))!;
  return line.slice('ExecStart='.length).trim().split(/\s+/);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `words` (node and its arguments) from a shell that starts it in the background and
 * exits at once, as a script or a service manager's helper would; returns the hub's pid and
 * a reader of its output.
 */
async function startDetached(words: string[]): Promise<{ pid: number; url: () => string | null; output: () => string }> {
  const dir = await res.dataDir();
  const log = join(dir, 'hub.log');
  const quoted = words.map((w) => `'${w.replace(/'/g, "'\\''")}'`).join(' ');
  const sh = spawnSync('sh', ['-c', `${quoted} >'${log}' 2>&1 & echo $!`], { cwd: REPO_ROOT, encoding: 'utf8' });
  const pid = Number(sh.stdout.trim());
  res.defer(() => {
    if (alive(pid)) process.kill(pid, 'SIGKILL');
  });
  const output = () => {
    try {
      return readFileSync(log, 'utf8');
    } catch {
      return '';
    }
  };
  return { pid, output, url: () => /listening on (http:\/\/\S+)/.exec(output())?.[1] ?? null };
}

describe('the systemd unit', () => {
  const verify = spawnSync('systemd-analyze', ['--version'], { stdio: 'ignore' }).status === 0;
  it.skipIf(!verify)(`is a valid unit${verify ? '' : ' (skipped: systemd-analyze is not installed)'}`, async () => {
    const dir = await res.dataDir();
    copyFileSync(UNIT, join(dir, 'helpline-hub.service'));
    const r = spawnSync('systemd-analyze', ['verify', join(dir, 'helpline-hub.service')], { encoding: 'utf8' });
    expect(r.stderr + r.stdout).toBe('');
    expect(r.status).toBe(0);
  });

  it('runs the hub with --service, which outlives what started it, logs no key, and stops cleanly on SIGTERM', async () => {
    const dataDir = await res.dataDir();
    const words = execStart();
    expect(words.slice(0, 5)).toEqual(['/usr/bin/node', '--import', 'tsx', 'electron/hub/cli.ts', '--service']);
    // The unit's command, with this test's folder and a free port.
    const args = words.slice(1).map((w, i, all) => (all[i - 1] === '--data' ? dataDir : all[i - 1] === '--port' ? '0' : w));
    const hub = await startDetached([process.execPath, ...args, '--backup-every', '0']);
    await waitUntil(() => hub.url() !== null, 'the hub to listen', 30_000);
    // The shell that started it is long gone; the hub is still there a moment later.
    await new Promise((r) => setTimeout(r, 1500));
    expect(alive(hub.pid)).toBe(true);
    expect(await healthz(hub.url()!)).toMatchObject({ ok: true });
    const keys = JSON.parse(readFileSync(join(dataDir, 'hub.json'), 'utf8')) as Record<string, string>;
    for (const key of Object.values(keys)) expect(hub.output()).not.toContain(key);
    expect(hub.output()).toContain(`The keys are in ${join(dataDir, 'hub.json')}`);
    process.kill(hub.pid, 'SIGTERM');
    await waitUntil(() => !alive(hub.pid), 'the hub to stop', 15_000);
    expect(hub.output()).toContain('finishing queued writes and closing the database');
    // IT reads the wall's address with its key at the terminal, from the stored keys.
    const printed = spawnSync(process.execPath, ['--import', 'tsx', 'electron/hub/cli.ts', '--data', dataDir, '--print-addresses'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(printed.stdout).toContain(`/wall?key=${keys.wallKey}`);
  }, 60_000);
});

it('without --service, the hub stops with the command that started it', async () => {
  const dataDir = await res.dataDir();
  // `npm run hub` puts npm between the terminal and the hub; a parent that goes away stands for it.
  const parent = spawn(process.execPath, ['-e', `require('node:child_process').spawn(process.execPath, ['--import', 'tsx', 'electron/hub/cli.ts', '--port', '0', '--data', ${JSON.stringify(dataDir)}, '--backup-every', '0'], { stdio: 'inherit' }); setTimeout(() => process.exit(0), 6000)`], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  parent.stdout.on('data', (d: Buffer) => (out += d.toString()));
  parent.stderr.on('data', (d: Buffer) => (out += d.toString()));
  await waitUntil(() => /listening on (http:\/\/\S+)/.test(out), 'the hub to listen', 30_000);
  const url = /listening on (http:\/\/\S+)/.exec(out)![1]!;
  await new Promise((r) => parent.once('exit', r));
  const deadline = Date.now() + 15_000;
  while ((await healthz(url).catch(() => null)) !== null) {
    if (Date.now() > deadline) throw new Error('the hub kept running after the command that started it was gone');
    await new Promise((r) => setTimeout(r, 250));
  }
}, 60_000);
