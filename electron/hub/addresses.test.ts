import { describe, expect, it } from 'vitest';
import { addressesWithKeys, startLines, type AddressInput } from './addresses';

const base: AddressInput = {
  url: 'http://127.0.0.1:4950',
  port: 4950,
  lanAddresses: ['10.0.0.5'],
  keys: { operator: 'op-KEY-1', supervisor: 'sup-KEY-2', wall: 'wall-KEY-3' },
  generated: [],
  keysFile: '/var/lib/hub/hub.json',
  dataDir: '/var/lib/hub',
  service: false,
};

describe('what the hub prints at start', () => {
  it('the first start: the new keys once, and the addresses ready to open, the wall with its key', () => {
    const text = startLines({ ...base, generated: ['operator', 'supervisor', 'wall'] }).join('\n');
    expect(text).toContain('http://10.0.0.5:4950/supervisor');
    expect(text).toContain('http://10.0.0.5:4950/wall?key=wall-KEY-3');
    for (const key of Object.values(base.keys)) expect(text).toContain(key);
    expect(text).toMatch(/operator key on every seat PC/);
  });

  it('later starts: the addresses, no key, and where to read them', () => {
    const text = startLines(base).join('\n');
    expect(text).toContain('http://10.0.0.5:4950/');
    for (const key of Object.values(base.keys)) expect(text).not.toContain(key);
    expect(text).toContain('--print-addresses');
  });

  it('as a service: no key in the log even on the start that made them', () => {
    const text = startLines({ ...base, generated: ['operator', 'supervisor', 'wall'], service: true }).join('\n');
    for (const key of Object.values(base.keys)) expect(text).not.toContain(key);
    expect(text).toContain('/var/lib/hub/hub.json');
  });

  it('the start that made the first supervisor: its username and one-time PIN once, never as a service', () => {
    const firstSupervisor = { username: 'supervisor', pin: '73920461', file: '/var/lib/hub/first-supervisor.txt' };
    const text = startLines({ ...base, firstSupervisor }).join('\n');
    expect(text).toMatch(/username\s+supervisor/);
    expect(text).toContain('73920461');
    const service = startLines({ ...base, firstSupervisor, service: true }).join('\n');
    expect(service).not.toContain('73920461');
    expect(service).toContain('/var/lib/hub/first-supervisor.txt');
    expect(startLines(base).join('\n')).not.toMatch(/first supervisor/);
  });

  it('--print-addresses: every screen’s address and the keys, for a terminal', () => {
    const text = addressesWithKeys(['http://10.0.0.5:4950'], base.keys).join('\n');
    expect(text).toContain('http://10.0.0.5:4950/wall?key=wall-KEY-3');
    expect(text).toContain('op-KEY-1');
  });
});
