/**
 * The handshake: the key a client presents decides its role; an operator names its seat.
 * The identity is kept in socket.data and is the only source of "who" for every later request.
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { Socket } from 'socket.io';
import { CONNECT_ERRORS, Handshake, type Role } from '../../shared/protocol/handshake';
import { MIN_CLIENT_PROTOCOL } from '../../shared/protocol/version';
import type { Caller } from './handlers/context';

export type Keys = Record<Role, string>;

function sameKey(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function roleOf(keys: Keys, key: unknown): Role | undefined {
  if (typeof key !== 'string') return undefined;
  return (Object.keys(keys) as Role[]).find((role) => sameKey(keys[role], key));
}

/**
 * A connection let in. `live`: it keeps a copy of the state (a snapshot or the missed changes,
 * then every change); a client that only makes requests says `snapshot: false`.
 */
export type Admitted = { caller: Caller; live: boolean; since?: number; clockDriftMs?: number };

/** An Error whose message is the `connect_error` a client sees; `data` says more. */
function refuse(message: string, detail: string): Error & { data: { code: string; message: string } } {
  return Object.assign(new Error(message), { data: { code: message, message: detail } });
}

export function admit(keys: Keys, seats: number, auth: unknown): Admitted | Error {
  const raw = (auth && typeof auth === 'object' ? auth : {}) as Record<string, unknown>;
  const role = roleOf(keys, raw.key);
  if (!role) return new Error(CONNECT_ERRORS.unauthorized);
  const parsed = Handshake.safeParse(raw);
  if (!parsed.success) return refuse(CONNECT_ERRORS.invalid, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const h = parsed.data;
  if ((h.protocol ?? 1) < MIN_CLIENT_PROTOCOL) return refuse(CONNECT_ERRORS.outdated, 'this app is older than the hub; please update it');
  const clientId = h.clientId ?? `anonymous-${randomUUID()}`;
  const clientMs = h.clientTime ? Date.parse(h.clientTime) : NaN;
  const drift = Number.isNaN(clientMs) ? {} : { clockDriftMs: clientMs - Date.now() };
  const live = h.snapshot !== false;
  if (role === 'operator') {
    if (h.seat === undefined || h.seat > seats) return refuse(CONNECT_ERRORS.invalid, `an operator needs a seat from 1 to ${seats}`);
    if (h.name === undefined) return refuse(CONNECT_ERRORS.invalid, 'an operator needs a name');
    return { caller: { role, clientId, seat: h.seat, name: h.name }, live, ...(h.since !== undefined ? { since: h.since } : {}), ...drift };
  }
  const name = h.name ?? (role === 'supervisor' ? 'Supervisor' : 'Wall');
  return { caller: { role, clientId, name }, live, ...(h.since !== undefined ? { since: h.since } : {}), ...drift };
}

export function callerOf(socket: Socket): Caller {
  return (socket.data as { admitted: Admitted }).admitted.caller;
}
