/**
 * Who works at this screen, kept so that a reload or a restart goes straight back to the
 * console. An operator sits at a seat; a supervisor runs the floor and has none. The daily
 * report page signs in with the supervisor's session too.
 */
import { browserStore, readJson } from '../../hubLink/storage';

export type ConsoleRole = 'operator' | 'supervisor';

export interface SupervisorSession {
  name: string;
  key: string;
}

export interface OperatorSession extends SupervisorSession {
  seat: number;
}

export type SessionOf<R extends ConsoleRole> = R extends 'operator' ? OperatorSession : SupervisorSession;

/** Where each console keeps its session: these keys are in people's browsers already. */
const STORAGE_KEYS: Record<ConsoleRole, string> = {
  operator: 'hcr.session',
  supervisor: 'hcr.supervisor.session',
};

function isSession<R extends ConsoleRole>(role: R, s: unknown): s is SessionOf<R> {
  if (typeof s !== 'object' || s === null) return false;
  const x = s as Record<string, unknown>;
  if (typeof x.name !== 'string' || typeof x.key !== 'string') return false;
  return role !== 'operator' || (Number.isInteger(x.seat) && (x.seat as number) > 0);
}

export function loadSession<R extends ConsoleRole>(role: R): SessionOf<R> | null {
  const s = readJson<unknown>(browserStore(), STORAGE_KEYS[role]);
  return isSession(role, s) ? s : null;
}

export function saveSession<R extends ConsoleRole>(role: R, s: SessionOf<R>): void {
  browserStore().setItem(STORAGE_KEYS[role], JSON.stringify(s));
}

/** Signing out forgets the key but keeps the rest (seat, name) to fill the form next time. */
export function forgetKey(role: ConsoleRole): void {
  const s = loadSession(role);
  if (s) saveSession(role, { ...s, key: '' });
}

/** Seats whose outbox still holds unsent changes on this screen. */
export function seatsWithUnsent(): { seat: number; count: number }[] {
  const store = browserStore();
  const out: { seat: number; count: number }[] = [];
  for (let i = 0; i < window.localStorage.length; i++) {
    const k = window.localStorage.key(i);
    const m = k ? /^hcr\.outbox\.seat-(\d+)$/.exec(k) : null;
    if (!m || !k) continue;
    const data = readJson<{ ops?: unknown[] }>(store, k);
    const count = data?.ops?.length ?? 0;
    if (count > 0) out.push({ seat: Number(m[1]), count });
  }
  return out;
}

/** The longest name the hub's handshake takes. */
const MAX_NAME = 60;

export interface SignInFields {
  seat: string;
  name: string;
  key: string;
}

/**
 * The session a filled-in form makes, or the dictionary key of what is missing first. An
 * operator must give a seat; a supervisor's form has no seat field.
 */
export function sessionFromForm<R extends ConsoleRole>(role: R, f: SignInFields): { ok: true; session: SessionOf<R> } | { ok: false; error: string } {
  const name = f.name.trim();
  const key = f.key.trim();
  let seat: number | undefined;
  if (role === 'operator') {
    seat = Number(f.seat);
    if (!Number.isInteger(seat) || seat < 1) return { ok: false, error: 'signIn.needSeat' };
  }
  if (!name) return { ok: false, error: 'signIn.needName' };
  // The hub refuses a longer name; saying so here beats a refusal after connecting.
  if (name.length > MAX_NAME) return { ok: false, error: 'signIn.nameTooLong' };
  if (!key) return { ok: false, error: 'signIn.needKey' };
  return { ok: true, session: (seat === undefined ? { name, key } : { seat, name, key }) as SessionOf<R> };
}
