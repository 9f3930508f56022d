import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMachineConfig, mergeUserFile, writeFileAtomic } from './config';
import { parseFlags } from './flags';

const MACHINE = '/etc/helpline-control-room/config.json';
const USER = '/home/op/.config/Helpline Control Room/config.json';

function load(files: Record<string, string | Error>, argv: string[] = []) {
  return loadMachineConfig({
    machineFile: MACHINE,
    userFile: USER,
    flags: parseFlags(argv),
    readText: (p) => {
      const v = files[p];
      if (v instanceof Error) throw v;
      return v ?? null;
    },
  });
}

describe('loadMachineConfig', () => {
  it('runs with no files at all (the setup screen then asks)', () => {
    const r = load({});
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.config.role).toBeUndefined();
      expect(r.machine.state).toBe('absent');
    }
  });

  it('layers machine file < user file < flags', () => {
    const r = load(
      {
        [MACHINE]: JSON.stringify({ role: 'seat', hub: '10.0.0.5', seat: 3, key: 'k1' }),
        [USER]: JSON.stringify({ seat: 7 }),
      },
      ['--hub', '10.0.0.9:5000'],
    );
    expect(r.ok && r.config).toMatchObject({ role: 'seat', hub: 'http://10.0.0.9:5000', seat: 7, key: 'k1' });
  });

  it('reads a file saved by Notepad (UTF-8 with a byte-order mark) and an empty file', () => {
    const r = load({ [MACHINE]: '\uFEFF{ "role": "wall", "wallKey": "w" }', [USER]: '  \n' });
    expect(r.ok && r.config.role).toBe('wall');
  });

  it('ignores the user file where IT locked the machine', () => {
    const r = load({ [MACHINE]: JSON.stringify({ role: 'wall', wallKey: 'w', allowUserOverride: false }), [USER]: JSON.stringify({ role: 'seat' }) });
    expect(r.ok && r.config.role).toBe('wall');
    expect(r.ok && r.user.state).toBe('ignored');
  });

  it('refuses a user file that tries to unlock itself', () => {
    const r = load({ [USER]: JSON.stringify({ allowUserOverride: true }) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/allowUserOverride can only be set in the machine file/);
  });

  it('bad configuration: one clear message naming every file, flag and setting at fault', () => {
    const r = load({ [MACHINE]: '{ "role": "seat", "hub": "10.0.0.5:4950/wall" ', [USER]: JSON.stringify({ seat: 0, colour: 'blue' }) }, ['--role', 'kiosk', '--hub-port', 'x']);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(/^Helpline Control Room cannot start: its configuration is not valid\./);
    expect(r.message).toContain(`${MACHINE}: not valid JSON`);
    expect(r.message).toContain(`${USER}: seat: seat must be at least 1`);
    expect(r.message).toContain(`${USER}: unknown setting "colour"`);
    expect(r.message).toContain('command line: --hub-port must be a whole number (got "x")');
    expect(r.message).toMatch(/docs\/install\.md/);
  });

  it('names the flag when a flag value is wrong', () => {
    const r = load({}, ['--role', 'kiosk', '--hub', 'ftp://x']);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toContain('command line: --role: role must be one of hub, seat, wall');
      expect(r.problems.join('\n')).toMatch(/command line: --hub: the hub address must start with http/);
    }
  });

  it('reports a file that cannot be read', () => {
    const r = load({ [MACHINE]: Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(`${MACHINE}: cannot be read (EACCES: permission denied)`);
  });

  it('refuses a file that is not one object', () => {
    const r = load({ [MACHINE]: '["seat"]' });
    expect(!r.ok && r.problems[0]).toMatch(/must hold one JSON object/);
  });
});

describe('mergeUserFile', () => {
  it('keeps what the file held, applies changes, removes cleared fields', () => {
    const r = mergeUserFile(JSON.stringify({ role: 'seat', seat: 3, key: 'k' }), { role: 'wall', seat: undefined, wallKey: 'w' });
    expect(r.ok && JSON.parse(r.text)).toEqual({ role: 'wall', key: 'k', wallKey: 'w' });
  });

  it('refuses what would not load', () => {
    const r = mergeUserFile(null, { seat: -1 } as never);
    expect(r.ok).toBe(false);
  });
});

describe('writeFileAtomic', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  it('creates the folder and writes the whole file', () => {
    dir = mkdtempSync(join(tmpdir(), 'hcr-config-'));
    const file = join(dir, 'a', 'b', 'config.json');
    writeFileAtomic(file, '{"role":"seat"}\n');
    expect(readFileSync(file, 'utf8')).toBe('{"role":"seat"}\n');
  });
});
