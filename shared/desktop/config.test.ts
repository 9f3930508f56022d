import { describe, expect, it } from 'vitest';
import { describeIssues, MachineConfigSource, mergeSources, normalizeHubAddress, resolveConfig } from './config';

describe('normalizeHubAddress', () => {
  it.each([
    ['10.0.0.5', 'http://10.0.0.5:4950'],
    ['10.0.0.5:4950', 'http://10.0.0.5:4950'],
    [' http://10.0.0.5:5000/ ', 'http://10.0.0.5:5000'],
    ['hub.local', 'http://hub.local:4950'],
    ['HTTP://Hub.Local:4950', 'http://hub.local:4950'],
    ['http://10.0.0.5:80', 'http://10.0.0.5'],
    ['https://hub.example:443', 'https://hub.example'],
    ['[fd00::5]:4950', 'http://[fd00::5]:4950'],
  ])('%s → %s', (input, origin) => {
    expect(normalizeHubAddress(input)).toEqual({ ok: true, origin });
  });

  it.each([
    ['', /empty/],
    ['ftp://10.0.0.5', /http/],
    ['file:///etc/passwd', /http/],
    ['http://10.0.0.5:4950/wall', /without a path/],
    ['http://10.0.0.5:4950/?key=x', /without a path/],
    ['http://user:pw@10.0.0.5', /user name/],
    ['http://10.0.0.5:99999', /not an address|port/],
    ['http://', /not an address|no host/],
  ])('refuses %j', (input, reason) => {
    const r = normalizeHubAddress(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('MachineConfigSource', () => {
  it('accepts a full machine file', () => {
    const r = MachineConfigSource.safeParse({
      $comment: 'seat 12, second floor',
      role: 'seat',
      hub: '10.0.0.5',
      seat: 12,
      key: 'abc-DEF_123',
      discovery: false,
      hubName: 'Gurugram control room',
      hubKeys: { operator: 'a1', supervisor: 'b2', wall: 'c3' },
    });
    expect(r.success).toBe(true);
    expect(r.data?.hub).toBe('http://10.0.0.5:4950');
  });

  it('names an unknown (misspelt) setting and lists the known ones', () => {
    const r = MachineConfigSource.safeParse({ role: 'seat', hubb: '10.0.0.5' });
    expect(r.success).toBe(false);
    const lines = describeIssues(r.error!.issues);
    expect(lines[0]).toMatch(/unknown setting "hubb"/);
    expect(lines[0]).toMatch(/known: .*role, hub, seat/);
  });

  it('says what is wrong with each field', () => {
    const r = MachineConfigSource.safeParse({ role: 'operator', seat: 12.5, key: 'has space', hubTimeZone: 'Mars/Base', hubName: 'a.b' });
    const lines = describeIssues(r.error!.issues).join('\n');
    expect(lines).toMatch(/role: role must be one of hub, seat, wall/);
    expect(lines).toMatch(/seat: seat must be a whole number/);
    expect(lines).toMatch(/key: a key has no spaces/);
    expect(lines).toMatch(/hubTimeZone: .*not a time zone/);
    expect(lines).toMatch(/hubName: .*dots/);
  });

  it('rejects a seat given as text', () => {
    const r = MachineConfigSource.safeParse({ seat: '12' });
    expect(describeIssues(r.error!.issues)[0]).toMatch(/seat: seat must be a number/);
  });
});

describe('mergeSources and resolveConfig', () => {
  it('later sources win field by field; hub keys merge', () => {
    const merged = mergeSources([
      { role: 'seat', hub: 'http://10.0.0.5:4950', hubKeys: { operator: 'o1' } },
      { seat: 4, hubKeys: { wall: 'w1' } },
      { role: 'wall', wallKey: 'w' },
    ]);
    expect(merged).toMatchObject({ role: 'wall', hub: 'http://10.0.0.5:4950', seat: 4, wallKey: 'w', hubKeys: { operator: 'o1', wall: 'w1' } });
  });

  it('applies defaults by role', () => {
    const wall = resolveConfig({ role: 'wall' });
    expect(wall.ok && wall.config).toMatchObject({ window: 'wall', autoStart: true, discovery: true, hubPort: 4950, devTools: false });
    const hub = resolveConfig({ role: 'hub' });
    expect(hub.ok && hub.config).toMatchObject({ window: 'supervisor', autoStart: false, hubHost: '0.0.0.0' });
    const seat = resolveConfig({ role: 'seat', autoStart: true });
    expect(seat.ok && seat.config).toMatchObject({ window: 'operator', autoStart: true });
  });

  it('refuses equal hub keys and a wall told to show another console', () => {
    const r = resolveConfig({ role: 'wall', window: 'operator', hubKeys: { operator: 'same', wall: 'same' } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.join('\n')).toMatch(/must all be different/);
      expect(r.problems.join('\n')).toMatch(/a wall always shows the wall/);
    }
  });
});
