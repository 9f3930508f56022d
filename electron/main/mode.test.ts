import { describe, expect, it } from 'vitest';
import { type MachineConfig, resolveConfig } from '../../shared/desktop/config';
import type { HubCandidate } from './discovery/select';
import { afterDiscovery, chooseStart, consoleUrl, shouldRediscover } from './mode';

function config(src: Parameters<typeof resolveConfig>[0]): MachineConfig {
  const r = resolveConfig(src);
  if (!r.ok) throw new Error(r.problems.join('; '));
  return r.config;
}
const none = { remembered: null, forceSetup: false };
const hubA: HubCandidate = { name: 'Floor A', origin: 'http://10.0.0.5:4950', address: '10.0.0.5', port: 4950 };

describe('chooseStart', () => {
  it('nothing configured: the setup screen', () => {
    expect(chooseStart(config({}), none)).toEqual({ kind: 'setup', reason: 'no-role' });
  });
  it('asked for with --setup, whatever is configured', () => {
    expect(chooseStart(config({ role: 'seat', hub: 'http://10.0.0.5:4950' }), { remembered: null, forceSetup: true })).toEqual({ kind: 'setup', reason: 'asked' });
  });
  it('the hub PC runs the hub', () => {
    expect(chooseStart(config({ role: 'hub' }), none)).toEqual({ kind: 'hub' });
  });
  it('a wall without its key asks for it', () => {
    expect(chooseStart(config({ role: 'wall', hub: 'http://10.0.0.5:4950' }), none)).toEqual({ kind: 'setup', reason: 'no-wall-key' });
  });
  it('a configured address wins over anything remembered', () => {
    expect(chooseStart(config({ role: 'seat', hub: 'http://10.0.0.9:4950' }), { remembered: { name: 'x', origin: 'http://10.0.0.5:4950' }, forceSetup: false })).toEqual({ kind: 'connect', origin: 'http://10.0.0.9:4950', source: 'config' });
  });
  it('otherwise the hub found last time, then a fresh search', () => {
    const seat = config({ role: 'seat' });
    expect(chooseStart(seat, { remembered: { name: 'Floor A', origin: hubA.origin }, forceSetup: false })).toMatchObject({ kind: 'connect', source: 'remembered' });
    expect(chooseStart(seat, none)).toEqual({ kind: 'discover' });
  });
  it('a remembered hub of another name than the pinned one is not used', () => {
    const seat = config({ role: 'seat', hubName: 'Floor B' });
    expect(chooseStart(seat, { remembered: { name: 'Floor A', origin: hubA.origin }, forceSetup: false })).toEqual({ kind: 'discover' });
  });
  it('discovery off and no address: the setup screen asks for one', () => {
    expect(chooseStart(config({ role: 'wall', wallKey: 'w', discovery: false }), none)).toEqual({ kind: 'setup', reason: 'no-hub' });
  });
});

describe('afterDiscovery', () => {
  it('one hub: connect; several: ask; none: ask for an address', () => {
    expect(afterDiscovery({ kind: 'one', hub: hubA })).toEqual({ kind: 'connect', origin: hubA.origin, source: 'discovered', hubName: 'Floor A' });
    expect(afterDiscovery({ kind: 'several', hubs: [hubA, hubA] })).toEqual({ kind: 'setup', reason: 'several-hubs' });
    expect(afterDiscovery({ kind: 'none' })).toEqual({ kind: 'setup', reason: 'no-hub' });
  });
});

describe('shouldRediscover', () => {
  it('never gives up a configured address; a found one after three failures', () => {
    expect(shouldRediscover({ kind: 'connect', origin: 'x', source: 'config' }, 10, true)).toBe(false);
    expect(shouldRediscover({ kind: 'connect', origin: 'x', source: 'remembered' }, 2, true)).toBe(false);
    expect(shouldRediscover({ kind: 'connect', origin: 'x', source: 'remembered' }, 3, true)).toBe(true);
    expect(shouldRediscover({ kind: 'connect', origin: 'x', source: 'discovered' }, 3, false)).toBe(false);
  });
});

describe('consoleUrl', () => {
  it("the operator's sign-in at /, the supervisor's console at /supervisor, the wall at /wall with its key", () => {
    expect(consoleUrl('http://10.0.0.5:4950', 'operator', 'w')).toBe('http://10.0.0.5:4950/');
    // The hub PC's default window: the hub serves the supervisor's console at /supervisor, not at /.
    expect(consoleUrl('http://10.0.0.5:4950', 'supervisor', undefined)).toBe('http://10.0.0.5:4950/supervisor');
    expect(consoleUrl('http://10.0.0.5:4950', 'wall', 'a+b/c')).toBe('http://10.0.0.5:4950/wall?key=a%2Bb%2Fc');
  });
});
