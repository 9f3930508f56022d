/**
 * Real multicast, safely: the advertiser and the browser run inside a network namespace this
 * test creates, whose only interface is loopback (multicast on, 224.0.0.0/4 routed to it), so
 * not one packet reaches the machine's real network. Skipped, with the reason in the test's
 * name, where that cannot be arranged (not Linux, not root, no `ip`, no bonjour-service).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const ns = `hcr-mdns-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

function ip(...args: string[]): void {
  execFileSync('ip', args, { stdio: 'pipe' });
}

function whyNot(): string | null {
  if (process.platform !== 'linux') return 'network namespaces need Linux';
  if (process.getuid?.() !== 0) return 'creating a network namespace needs root';
  if (spawnSync('ip', ['-V']).status !== 0) return 'the `ip` tool (iproute2) is not installed';
  try {
    createRequire(join(root, 'package.json')).resolve('bonjour-service');
  } catch {
    return 'bonjour-service is not installed';
  }
  try {
    ip('netns', 'add', ns);
  } catch (err) {
    return `cannot create a network namespace here (${(err as Error).message.split('\n')[0]})`;
  }
  try {
    ip('netns', 'exec', ns, 'ip', 'link', 'set', 'lo', 'up');
    ip('netns', 'exec', ns, 'ip', 'link', 'set', 'lo', 'multicast', 'on');
    ip('netns', 'exec', ns, 'ip', 'route', 'add', '224.0.0.0/4', 'dev', 'lo');
  } catch (err) {
    ip('netns', 'del', ns);
    return `cannot set up loopback multicast in the namespace (${(err as Error).message.split('\n')[0]})`;
  }
  return null;
}

const reason = whyNot();
const created = reason === null;

afterAll(() => {
  if (created) ip('netns', 'del', ns);
});

describe.skipIf(!created)(`mDNS inside a private network namespace${reason ? ` (skipped: ${reason})` : ''}`, () => {
  function runChild(mode: 'adapter' | 'hub') {
    const child = spawnSync('ip', ['netns', 'exec', ns, process.execPath, '--import', 'tsx', join(root, 'electron/main/discovery/netnsChild.ts'), mode], {
      cwd: root,
      encoding: 'utf8',
      timeout: 45_000,
      env: process.env,
    });
    expect(child.status, child.stderr).toBe(0);
    return JSON.parse(child.stdout.trim().split('\n').pop()!) as {
      candidates: { name: string; origin: string }[];
      selection: { kind: string; hub?: { name: string; origin: string } };
      health: { ok?: boolean } | null;
      hubPort: number | null;
      logs: string[];
    };
  }

  it('a seat finds an advertised hub and selects it', () => {
    const result = runChild('adapter');
    expect(result.candidates).toEqual([{ name: 'Netns hub', origin: 'http://127.0.0.1:4950', address: '127.0.0.1', port: 4950 }]);
    expect(result.selection).toMatchObject({ kind: 'one', hub: { name: 'Netns hub' } });
    expect(result.logs).toContain('mDNS: advertising "Netns hub" (_helpline-hub._tcp, port 4950)');
  });

  it("the hub's process advertises itself, and the hub answers at the address a seat finds", () => {
    const result = runChild('hub');
    expect(result.hubPort).toBeGreaterThan(0);
    expect(result.selection).toMatchObject({ kind: 'one', hub: { name: 'Netns hub', origin: `http://127.0.0.1:${result.hubPort}` } });
    expect(result.health).toMatchObject({ ok: true });
  }, 60_000);
});
