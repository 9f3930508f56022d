/**
 * Turning what mDNS reports into one hub address. mDNS answers are unauthenticated and often
 * untidy (several addresses per host, IPv6 link-local ones, a service seen from two interfaces),
 * so this is where they are judged: pure functions, tested without any network.
 */
import { HUB_SERVICE_TYPE } from '../../../shared/desktop/config';

/** The fields of a resolved DNS-SD service that are used here (bonjour-service's `Service`). */
export type ServiceRecord = {
  name?: unknown;
  type?: unknown;
  protocol?: unknown;
  port?: unknown;
  addresses?: unknown;
  txt?: unknown;
  referer?: unknown;
};

export type HubCandidate = { name: string; origin: string; address: string; port: number };

/** The TXT record the hub publishes: `txtvers` of this record's format, `proto` the hub's protocol. */
export const TXT_VERSION = '1';
export function hubTxt(protocolVersion: number): Record<string, string> {
  return { txtvers: TXT_VERSION, proto: String(protocolVersion) };
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function ipv4Parts(address: string): number[] | null {
  const m = IPV4.exec(address);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts : null;
}

/** Lower is better: an address every PC on the floor can reach comes first. */
export function addressRank(address: string): number {
  const v4 = ipv4Parts(address);
  if (v4) {
    const [a, b] = v4 as [number, number, number, number];
    if (a === 0 || a >= 224) return 99; // unspecified, multicast, reserved: never a host
    if (a === 127) return 5; // only useful when the hub is this very PC (or in a test namespace)
    if (a === 169 && b === 254) return 4; // link-local: the hub's DHCP failed
    if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 1;
    return 2;
  }
  if (address.includes(':')) {
    const lower = address.toLowerCase();
    if (lower.startsWith('fe80') || lower.includes('%')) return 98; // needs a zone id that cannot go into a URL here
    if (lower === '::1') return 6;
    return 3;
  }
  return 99;
}

/** The address to use: the one the answer came from when it is a good one, else the best listed. */
export function pickAddress(addresses: readonly string[], refererAddress: string | undefined): string | null {
  const all = [...addresses];
  if (refererAddress && !all.includes(refererAddress)) all.push(refererAddress);
  const usable = all.filter((a) => addressRank(a) < 90);
  if (usable.length === 0) return null;
  return usable.sort((x, y) => addressRank(x) - addressRank(y) || (x === refererAddress ? -1 : y === refererAddress ? 1 : 0) || x.localeCompare(y))[0]!;
}

export function originFor(address: string, port: number): string {
  return `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
}

/** A candidate from one resolved service, or null when the record is not a usable hub. */
export function candidateFromService(service: ServiceRecord): HubCandidate | null {
  if (typeof service.name !== 'string' || !service.name.trim() || service.name.length > 63) return null;
  if (service.type !== undefined && service.type !== HUB_SERVICE_TYPE) return null;
  if (service.protocol !== undefined && service.protocol !== 'tcp') return null;
  const port = service.port;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) return null;
  const txt = (service.txt && typeof service.txt === 'object' ? service.txt : {}) as Record<string, unknown>;
  // A later format of the record may mean something else by the same fields: skip it.
  if (txt.txtvers !== undefined && String(txt.txtvers) !== TXT_VERSION) return null;
  const addresses = Array.isArray(service.addresses) ? service.addresses.filter((a): a is string => typeof a === 'string') : [];
  const referer = service.referer && typeof service.referer === 'object' ? (service.referer as { address?: unknown }).address : undefined;
  const address = pickAddress(addresses, typeof referer === 'string' ? referer : undefined);
  if (!address) return null;
  return { name: service.name.trim(), origin: originFor(address, port), address, port };
}

export type HubSelection = { kind: 'one'; hub: HubCandidate } | { kind: 'several'; hubs: HubCandidate[] } | { kind: 'none' };

/**
 * Which hub a seat should use. With `hubName` set (IT's choice for this floor) only that one;
 * otherwise the one remembered from last time if it is still there; otherwise the only one on
 * the LAN. Two or more and no way to tell: a person chooses on the setup screen.
 */
export function selectHub(candidates: readonly HubCandidate[], opts: { hubName?: string | undefined; rememberedName?: string | undefined }): HubSelection {
  const byName = new Map<string, HubCandidate>();
  for (const c of candidates) {
    const key = c.name.toLowerCase();
    const seen = byName.get(key);
    // The same hub heard on two interfaces: keep its better address.
    if (!seen || addressRank(c.address) < addressRank(seen.address)) byName.set(key, c);
  }
  let hubs = [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  if (opts.hubName) hubs = hubs.filter((h) => sameName(h.name, opts.hubName!));
  if (hubs.length === 0) return { kind: 'none' };
  if (opts.rememberedName) {
    const remembered = hubs.find((h) => sameName(h.name, opts.rememberedName!));
    if (remembered) return { kind: 'one', hub: remembered };
  }
  if (hubs.length === 1) return { kind: 'one', hub: hubs[0]! };
  return { kind: 'several', hubs };
}

/** The name a hub advertises when IT has not set one: unique per PC, readable on the setup screen. */
export function defaultHubName(hostname: string): string {
  const host = hostname.split('.')[0]!.replace(/[^A-Za-z0-9 _-]/g, '').slice(0, 40) || 'hub';
  return `Helpline hub (${host})`;
}

/** Hub names as people type them: case does not matter, accents do. */
export function sameName(a: string, b: string): boolean {
  return a.localeCompare(b, 'en', { sensitivity: 'accent' }) === 0;
}
