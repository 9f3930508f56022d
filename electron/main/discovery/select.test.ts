import { describe, expect, it } from 'vitest';
import { addressRank, candidateFromService, defaultHubName, type HubCandidate, hubTxt, pickAddress, selectHub } from './select';

/** What bonjour-service's browser reports for a hub (fields as in its Service objects). */
function service(over: Record<string, unknown> = {}) {
  return {
    name: 'Helpline hub (HUB-PC)',
    type: 'helpline-hub',
    protocol: 'tcp',
    port: 4950,
    host: 'HUB-PC.local',
    addresses: ['fe80::1c2b:3a4d:5e6f:7081', '10.0.0.5'],
    txt: { txtvers: '1', proto: '1' },
    referer: { address: '10.0.0.5', family: 'IPv4', port: 5353, size: 200 },
    ...over,
  };
}

describe('candidateFromService', () => {
  it('a hub: its name and an origin on its best address', () => {
    expect(candidateFromService(service())).toEqual({ name: 'Helpline hub (HUB-PC)', origin: 'http://10.0.0.5:4950', address: '10.0.0.5', port: 4950 });
  });
  it('no A record (a hub on loopback only): the address the answer came from', () => {
    expect(candidateFromService(service({ addresses: [], referer: { address: '127.0.0.1' } }))?.origin).toBe('http://127.0.0.1:4950');
  });
  it('only a global IPv6 address: bracketed', () => {
    expect(candidateFromService(service({ addresses: ['2001:db8::5'], referer: undefined }))?.origin).toBe('http://[2001:db8::5]:4950');
  });
  it.each([
    ['no name', { name: '' }],
    ['another service type', { type: 'http' }],
    ['udp', { protocol: 'udp' }],
    ['a bad port', { port: 0 }],
    ['a port as text', { port: '4950' }],
    ['a later record format', { txt: { txtvers: '2' } }],
    ['only a link-local IPv6 address', { addresses: ['fe80::1'], referer: { address: 'fe80::1%eth0' } }],
    ['only multicast nonsense', { addresses: ['224.0.0.251'], referer: undefined }],
  ])('skips a record with %s', (_what, over) => {
    expect(candidateFromService(service(over))).toBeNull();
  });
  it('tolerates missing optional fields', () => {
    expect(candidateFromService({ name: 'hub', port: 4950, referer: { address: '192.168.1.4' } })?.origin).toBe('http://192.168.1.4:4950');
  });
});

describe('pickAddress', () => {
  it('private IPv4 before other IPv4, link-local, loopback and IPv6', () => {
    expect(pickAddress(['::1', '169.254.3.4', '127.0.0.1', '2001:db8::1', '100.64.0.9', '192.168.1.20'], undefined)).toBe('192.168.1.20');
    expect(pickAddress(['169.254.3.4', '127.0.0.1'], undefined)).toBe('169.254.3.4');
    expect(addressRank('172.16.0.1')).toBe(1);
    expect(addressRank('172.32.0.1')).toBe(2);
  });
  it('of equals, the one the answer came from', () => {
    expect(pickAddress(['10.0.0.5', '10.1.0.5'], '10.1.0.5')).toBe('10.1.0.5');
  });
});

const a: HubCandidate = { name: 'Floor A', origin: 'http://10.0.0.5:4950', address: '10.0.0.5', port: 4950 };
const b: HubCandidate = { name: 'Floor B', origin: 'http://10.0.0.6:4950', address: '10.0.0.6', port: 4950 };

describe('selectHub', () => {
  it('none, one, several', () => {
    expect(selectHub([], {})).toEqual({ kind: 'none' });
    expect(selectHub([a], {})).toEqual({ kind: 'one', hub: a });
    expect(selectHub([b, a], {})).toEqual({ kind: 'several', hubs: [a, b] });
  });
  it('the name IT pinned, and no other', () => {
    expect(selectHub([a, b], { hubName: 'floor b' })).toEqual({ kind: 'one', hub: b });
    expect(selectHub([a], { hubName: 'Floor B' })).toEqual({ kind: 'none' });
  });
  it('the hub remembered from last time, when several answer', () => {
    expect(selectHub([a, b], { rememberedName: 'Floor B' })).toEqual({ kind: 'one', hub: b });
    expect(selectHub([a, b], { rememberedName: 'Floor C' }).kind).toBe('several');
  });
  it('one hub heard on two interfaces counts once, on its better address', () => {
    const loop = { ...a, origin: 'http://127.0.0.1:4950', address: '127.0.0.1' };
    expect(selectHub([loop, a], {})).toEqual({ kind: 'one', hub: a });
  });
});

describe('hubTxt and defaultHubName', () => {
  it('advertises the record format and protocol', () => {
    expect(hubTxt(1)).toEqual({ txtvers: '1', proto: '1' });
  });
  it('a readable name from the PC name, with no dots', () => {
    expect(defaultHubName('HUB-PC.corp.example')).toBe('Helpline hub (HUB-PC)');
    expect(defaultHubName('...')).toBe('Helpline hub (hub)');
  });
});
