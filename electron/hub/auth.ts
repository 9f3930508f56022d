/**
 * The handshake. The key a client presents decides its role: the wall's key lets a wall in as
 * it is; the workstations' keys (operator, supervisor) are only half of a sign-in, the other half
 * being the person's own account (accounts/signIn.ts): `user` and `pin`, or the `token` of the
 * session they are in. The account's role must be the key's. An operator also names a seat, which
 * another person may not take while its holder is connected (`seat_taken`).
 *
 * The identity is kept in socket.data and is the only source of "who" for every later request.
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { Session } from '../../shared/protocol/accounts';
import { CONNECT_ERRORS, Handshake, type Role } from '../../shared/protocol/handshake';
import { MIN_CLIENT_PROTOCOL } from '../../shared/protocol/version';
import type { Attempt, Opened, SignIn } from './accounts/signIn';
import type { Caller, PersonCaller } from './caller';
import type { Keys } from './keys';
import { logSecurity } from './store/securityLog';
import type { Writer } from './store/writer';

export type { Keys } from './keys';

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
 * then every change); a client that only makes requests says `snapshot: false`. A person has
 * `session`, what the `session` event tells them.
 */
export type Admitted = { caller: Caller; live: boolean; since?: number; clockDriftMs?: number; session?: Session };

/** An Error whose message is the `connect_error` a client sees; `data` says more. */
function refuse(message: string, detail: string): Error & { data: { code: string; message: string } } {
  return Object.assign(new Error(message), { data: { code: message, message: detail } });
}

/** Who holds the seats now: a seat is taken while its holder's socket is connected (or about to be). */
export type SeatHolders = {
  holderOf(seat: number): string | undefined;
  /** `username` is about to connect on `seat`: no one else may pass the check meanwhile. */
  claim(seat: number, username: string, socket: unknown): void;
  release(seat: number, socket: unknown): void;
};

export type HandshakeDeps = { keys: Keys; seats: number; signIn: SignIn; seatHolders: SeatHolders; writer: Writer };

/** The connection's address, as the security log records it. */
export function addressOf(raw: string): string {
  return raw.startsWith('::ffff:') ? raw.slice(7) : raw;
}

export async function admit(deps: HandshakeDeps, auth: unknown, address: string, socket: unknown): Promise<Admitted | Error> {
  const raw = (auth && typeof auth === 'object' ? auth : {}) as Record<string, unknown>;
  const role = roleOf(deps.keys, raw.key);
  if (!role) return new Error(CONNECT_ERRORS.unauthorized);
  const parsed = Handshake.safeParse(raw);
  if (!parsed.success) return refuse(CONNECT_ERRORS.invalid, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const h = parsed.data;
  if (h.protocol !== undefined && h.protocol < MIN_CLIENT_PROTOCOL) return refuse(CONNECT_ERRORS.outdated, 'this app is older than the hub; please update it');
  const clientId = h.clientId ?? `anonymous-${randomUUID()}`;
  const clientMs = h.clientTime ? Date.parse(h.clientTime) : NaN;
  const extra = {
    live: h.snapshot !== false,
    ...(h.since !== undefined ? { since: h.since } : {}),
    ...(Number.isNaN(clientMs) ? {} : { clockDriftMs: clientMs - Date.now() }),
  };
  if (role === 'wall') return { caller: { role, clientId, name: 'Wall' }, ...extra };
  if (role === 'operator' && (h.seat === undefined || h.seat > deps.seats)) return refuse(CONNECT_ERRORS.invalid, `an operator needs a seat from 1 to ${deps.seats}`);
  // A key alone no longer says who someone is: `user` and `pin`, or a session's `token`.
  if (h.token === undefined && (h.user === undefined || h.pin === undefined)) return refuse(CONNECT_ERRORS.unauthorized, 'sign in with your username and PIN');
  const attempt: Attempt = {
    role,
    ...(h.user !== undefined ? { user: h.user } : {}),
    ...(h.pin !== undefined ? { pin: h.pin } : {}),
    ...(h.token !== undefined ? { token: h.token } : {}),
    ...(role === 'operator' ? { seat: h.seat! } : {}),
    clientId,
    address,
  };
  const verified = await deps.signIn.verify(attempt);
  if (verified === 'locked') return refuse(CONNECT_ERRORS.locked, 'too many failed sign-ins: try again later, or ask a supervisor');
  if (verified === 'unauthorized') return refuse(CONNECT_ERRORS.unauthorized, 'the username, PIN or session is not valid');
  const username = verified.account.username;
  const seat = attempt.seat;
  if (seat !== undefined) {
    const holder = deps.seatHolders.holderOf(seat);
    if (holder !== undefined && holder !== username) {
      await deps.writer.write((tx) => logSecurity(tx, { kind: 'seat_taken', username, address, seat, detail: `held by ${holder}` })).catch(() => undefined);
      return refuse(CONNECT_ERRORS.seat_taken, `seat ${seat} is in use by another person; a supervisor can free it`);
    }
    deps.seatHolders.claim(seat, username, socket);
  }
  const opened = await deps.signIn.open(verified, attempt).catch((err: unknown) => {
    if (seat !== undefined) deps.seatHolders.release(seat, socket);
    throw err;
  });
  if (typeof opened === 'string') {
    if (seat !== undefined) deps.seatHolders.release(seat, socket);
    return refuse(CONNECT_ERRORS.unauthorized, 'the username, PIN or session is not valid');
  }
  return { caller: personCaller(opened, role, clientId, address, seat), ...extra, session: sessionEvent(opened) };
}

function personCaller(o: Opened, role: 'operator' | 'supervisor', clientId: string, address: string, seat: number | undefined): PersonCaller {
  const person = { clientId, name: o.account.name, username: o.account.username, session: o.session.tokenHash, mustChangePin: o.account.mustChangePin, address };
  return role === 'operator' ? { role, seat: seat!, ...person } : { role, ...person };
}

function sessionEvent(o: Opened): Session {
  return {
    token: o.token,
    expiresAt: o.session.expiresAt,
    user: { username: o.account.username, name: o.account.name, role: o.account.role },
    ...(o.account.mustChangePin ? { mustChangePin: true } : {}),
  };
}

export function callerOf(socket: { data: unknown }): Caller {
  return (socket.data as { admitted: Admitted }).admitted.caller;
}
