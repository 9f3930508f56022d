/**
 * Who works at this screen, kept so that a reload or a restart goes straight back to the
 * console: the session the hub gave the person (its token, never their PIN), and what the
 * sign-in form fills in next time (the workstation's key once it worked here, the last seat and
 * user). An operator sits at a seat; a supervisor runs the floor and has none. The daily report
 * page connects with the supervisor's session of this browser.
 */
import type { Session, SessionUser } from '../../../../shared/protocol';
import { PIN_MAX, USERNAME_PATTERN } from '../../../../shared/protocol/accounts';
import { browserStore, type KeyValueStore, readJson } from '../../hubLink/storage';

export type ConsoleRole = 'operator' | 'supervisor';

/** The hub's session as this screen keeps it, with the key and seat it was made with (sent again on reconnects). */
export interface StoredSession {
  token: string;
  expiresAt: string;
  user: SessionUser;
  mustChangePin?: boolean;
  key: string;
  seat?: number;
}

/** Everything a console keeps between sign-ins; `key` is '' until a typed key has worked here. */
export interface Remembered {
  key: string;
  seat?: number;
  user?: string;
  session?: StoredSession;
}

/** Who the consoles are signed in as: the account's name and username, and an operator's seat. */
export interface SupervisorSession {
  name: string;
  username: string;
}

export interface OperatorSession extends SupervisorSession {
  seat: number;
}

export type SessionOf<R extends ConsoleRole> = R extends 'operator' ? OperatorSession : SupervisorSession;

/** Where each console keeps what it remembers: these keys are in people's browsers already (v1 kept `{ name, key, seat }` there). */
const STORAGE_KEYS: Record<ConsoleRole, string> = {
  operator: 'hcr.session',
  supervisor: 'hcr.supervisor.session',
};

const isPositiveInt = (x: unknown): x is number => Number.isInteger(x) && (x as number) > 0;

function readSession(x: unknown): StoredSession | undefined {
  if (typeof x !== 'object' || x === null) return undefined;
  const s = x as Record<string, unknown>;
  const u = s.user as Record<string, unknown> | undefined;
  if (typeof s.token !== 'string' || typeof s.expiresAt !== 'string' || typeof s.key !== 'string') return undefined;
  if (!u || typeof u.username !== 'string' || typeof u.name !== 'string' || (u.role !== 'operator' && u.role !== 'supervisor')) return undefined;
  const out: StoredSession = { token: s.token, expiresAt: s.expiresAt, key: s.key, user: { username: u.username, name: u.name, role: u.role } };
  if (s.mustChangePin === true) out.mustChangePin = true;
  if (isPositiveInt(s.seat)) out.seat = s.seat;
  return out;
}

/** What this screen remembers for a console; anything unreadable is left out, never an error. */
export function loadRemembered(role: ConsoleRole, store: KeyValueStore = browserStore()): Remembered {
  const raw = readJson<Record<string, unknown>>(store, STORAGE_KEYS[role]);
  const out: Remembered = { key: typeof raw?.key === 'string' ? raw.key : '' };
  if (isPositiveInt(raw?.seat)) out.seat = raw.seat;
  if (typeof raw?.user === 'string') out.user = raw.user;
  const session = readSession(raw?.session);
  // An operator's session belongs to its seat: one without a seat is not one to resume.
  if (session && (role === 'supervisor' || session.seat !== undefined)) out.session = session;
  return out;
}

function save(role: ConsoleRole, r: Remembered, store: KeyValueStore): void {
  store.setItem(STORAGE_KEYS[role], JSON.stringify(r));
}

/** What a sign-in sends: the PIN is passed on to the connection and never stored. */
export interface SignInAttempt {
  user: string;
  pin: string;
  key: string;
  /** Whether the person typed the key (it is remembered once it worked), or the workstation held it. */
  keyTyped: boolean;
  seat?: number;
}

/** The hub signed the person in: the session, the seat and user for next time, and a typed key that worked. */
export function rememberSignIn(role: ConsoleRole, attempt: Omit<SignInAttempt, 'pin'>, session: Session, store: KeyValueStore = browserStore()): StoredSession {
  const before = loadRemembered(role, store);
  const stored: StoredSession = { token: session.token, expiresAt: session.expiresAt, user: session.user, key: attempt.key };
  if (session.mustChangePin) stored.mustChangePin = true;
  if (attempt.seat !== undefined) stored.seat = attempt.seat;
  const next: Remembered = { key: attempt.keyTyped ? attempt.key : before.key, user: session.user.username, session: stored };
  if (attempt.seat !== undefined) next.seat = attempt.seat;
  else if (before.seat !== undefined) next.seat = before.seat;
  save(role, next, store);
  return stored;
}

/** The hub spoke again (a reconnect, a PIN chosen): its newest word on the session is kept. */
export function updateSession(role: ConsoleRole, session: Session, store: KeyValueStore = browserStore()): void {
  const r = loadRemembered(role, store);
  if (!r.session) return;
  const next: StoredSession = { ...r.session, token: session.token, expiresAt: session.expiresAt, user: session.user };
  if (session.mustChangePin) next.mustChangePin = true;
  else delete next.mustChangePin;
  save(role, { ...r, session: next }, store);
}

/** Signed out or ended: the token goes; the key, seat and user stay to fill the form next time. */
export function forgetSession(role: ConsoleRole, store: KeyValueStore = browserStore()): void {
  const r = loadRemembered(role, store);
  delete r.session;
  save(role, r, store);
}

export function consoleSession<R extends ConsoleRole>(s: StoredSession): SessionOf<R> {
  const base = { name: s.user.name, username: s.user.username };
  return (s.seat !== undefined ? { ...base, seat: s.seat } : base) as SessionOf<R>;
}

export interface SignInFields {
  seat: string;
  user: string;
  pin: string;
  key: string;
}

export type FormProblem = { field: keyof SignInFields; error: string };

/**
 * The sign-in a filled-in form makes, or the first field to put right with the dictionary key
 * of what is wrong. An operator must give a seat; a supervisor's form has none. `heldKey`: the
 * key the workstation holds (the desktop app's, or one that worked here), used when the field is
 * not shown or left blank.
 */
export function signInFromForm(role: ConsoleRole, f: SignInFields, heldKey: string): { ok: true; attempt: SignInAttempt } | ({ ok: false } & FormProblem) {
  let seat: number | undefined;
  if (role === 'operator') {
    seat = Number(f.seat.trim());
    if (!f.seat.trim() || !Number.isInteger(seat) || seat < 1) return { ok: false, field: 'seat', error: 'signIn.needSeat' };
  }
  // The hub takes usernames in lower case, as the schema does: "Asha " signs in as asha.
  const user = f.user.trim().toLowerCase();
  if (!user) return { ok: false, field: 'user', error: 'signIn.needUser' };
  if (!USERNAME_PATTERN.test(user)) return { ok: false, field: 'user', error: 'signIn.badUser' };
  if (!f.pin) return { ok: false, field: 'pin', error: 'signIn.needPin' };
  if (f.pin.length > PIN_MAX) return { ok: false, field: 'pin', error: 'signIn.pinTooLong' };
  const typed = f.key.trim();
  const key = typed || heldKey;
  if (!key) return { ok: false, field: 'key', error: 'signIn.needKey' };
  const attempt: SignInAttempt = { user, pin: f.pin, key, keyTyped: typed !== '' };
  if (seat !== undefined) attempt.seat = seat;
  return { ok: true, attempt };
}

type ListableStore = KeyValueStore & { readonly length: number; key(i: number): string | null };

function localStore(): ListableStore | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * Changes still to be sent on this screen, by seat and person: they go when that person signs in
 * at that seat again. Those queued before personal accounts have no person (`user` absent): the
 * next person at that seat sends them.
 */
export function unsentByPerson(store: ListableStore | null = localStore()): { seat: number; user?: string; count: number }[] {
  const out: { seat: number; user?: string; count: number }[] = [];
  if (!store) return out;
  for (let i = 0; i < store.length; i++) {
    const k = store.key(i);
    const m = k ? /^hcr\.outbox\.seat-(\d+)(?:\.user-(.+))?$/.exec(k) : null;
    if (!m || !k) continue;
    const count = readJson<{ ops?: unknown[] }>(store, k)?.ops?.length ?? 0;
    if (count > 0) out.push({ seat: Number(m[1]), ...(m[2] !== undefined ? { user: m[2] } : {}), count });
  }
  return out.sort((a, b) => a.seat - b.seat || (a.user ?? '').localeCompare(b.user ?? ''));
}
