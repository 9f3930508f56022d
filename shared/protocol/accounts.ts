/**
 * Personal accounts (contract v2): every operator and supervisor signs in as themselves, with
 * the key of their workstation (something the PC has) and their own PIN (something the person
 * knows). The account's name, not a typed one, is what every record names.
 *
 * In the handshake a person gives `user` and `pin` (or, on a reconnect, the `token` of their
 * session); the hub answers `session`. Supervisors manage accounts with the requests below
 * (extensions), and everything done to an account is in the audit trail, with who did it.
 */
import { z } from 'zod';

/** Usernames: lower-case letters, digits, dot, dash and underscore; 2 to 32, starting with a letter. */
export const USERNAME_PATTERN = /^[a-z][a-z0-9._-]{1,31}$/;
export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(USERNAME_PATTERN, 'a username is 2 to 32 lower-case letters, digits, dots, dashes or underscores, starting with a letter');

/** A PIN of at least six digits, or a passphrase of at least eight characters. */
export const PIN_MIN_DIGITS = 6;
export const PASSPHRASE_MIN = 8;
export const PIN_MAX = 128;
export function pinProblem(pin: string): string | null {
  if (pin.length > PIN_MAX) return `a PIN or passphrase has at most ${PIN_MAX} characters`;
  if (/^\d+$/.test(pin)) return pin.length >= PIN_MIN_DIGITS ? null : `a PIN has at least ${PIN_MIN_DIGITS} digits`;
  return pin.length >= PASSPHRASE_MIN ? null : `a passphrase has at least ${PASSPHRASE_MIN} characters (or use a PIN of ${PIN_MIN_DIGITS} digits or more)`;
}
export const NewPin = z.string().superRefine((pin, ctx) => {
  const problem = pinProblem(pin);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
/** A PIN as typed at sign-in: any length up to the maximum (a wrong one is `unauthorized`, not `invalid`). */
export const PinInput = z.string().min(1).max(PIN_MAX);

export const PersonName = z.string().trim().min(1).max(60);

export const ACCOUNT_ROLES = ['operator', 'supervisor'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/** Who a session belongs to, as the hub tells the person (`session.user`). */
export const SessionUser = z.object({ username: z.string(), name: z.string(), role: z.enum(ACCOUNT_ROLES) });
export type SessionUser = z.infer<typeof SessionUser>;

/**
 * `session` (server to client), after a sign-in with `user` and `pin` and after a reconnect
 * with `token` (which keeps its session: the same token and `expiresAt`); always the first event
 * of a person's connection. `token` is kept by the console for reconnects and dropped at
 * sign-out. Extension: `mustChangePin` when the PIN was set by someone else (first start, a new
 * account, a reset): until the person sets their own with `pin:change`, every other request but
 * `session:signOut` is refused (`forbidden`), and the hub sends none of the floor's data: the
 * snapshot (or the changes since `since`), `synced`, `config` and `stats` follow the
 * `pin:change` ack, as after any sign-in.
 */
export type Session = { token: string; expiresAt: string; user: SessionUser; mustChangePin?: boolean };

/** Sessions end at sign-out, when the account is disabled or its PIN reset, and after this long. */
export const SESSION_HOURS = 16;

/** Extension: `session:ended` (server to client), just before the hub disconnects a session it ended. */
export const SESSION_END_REASONS = ['signed_out', 'disabled', 'pin_reset', 'expired', 'seat_freed', 'role_changed'] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];
export type SessionEnded = { reason: SessionEndReason; message: string };

/**
 * One session of a person, as supervisors see it: where (seat, address), since when (its
 * sign-in). Extension: `connected`, whether a window is connected on it now (a session stays
 * open when its window closes without signing out, until it ends or expires).
 */
export type SignedIn = { seat?: number; address: string; since: string; clientId?: string; connected?: boolean };

/** An account as supervisors see it (never its PIN or any hash of it). */
export type Account = {
  username: string;
  name: string;
  role: AccountRole;
  disabled: boolean;
  mustChangePin: boolean;
  createdAt: string;
  createdBy?: string;
  lastSignInAt?: string;
  /** While five failed sign-ins in 15 minutes keep the username locked. */
  lockedUntil?: string;
  sessions: SignedIn[];
};

/** The sign-in log and the hub's other security events, newest first. */
export const SECURITY_EVENT_KINDS = [
  'signed_in',
  'resumed',
  'signed_out',
  'refused',
  'locked',
  'throttled',
  'seat_taken',
  'session_ended',
  'pin_changed',
  'account_changed',
  'slow_reader',
  'certificate',
] as const;
export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number];
export type SecurityEvent = {
  id: number;
  at: string;
  kind: SecurityEventKind;
  /** The username concerned (as typed, for a refused sign-in). */
  username?: string;
  /** Who did it, for changes a supervisor made. */
  by?: string;
  address?: string;
  seat?: number;
  detail?: string;
};

// ---- requests (extensions) ----------------------------------------------------------------

/** `session:signOut` — ends this session (the token stops working everywhere). */
export const SignOutRequest = z.strictObject({}).optional();
export type SignOutResult = Record<string, never>;

/** `pin:change` — the person sets their own PIN; the only request allowed while `mustChangePin`. */
export const PinChangeRequest = z.strictObject({ current: PinInput, next: NewPin });
export type PinChangeResult = { user: SessionUser };

/** `users:list` (supervisors) — every account, who is signed in where and since when. */
export const UsersListRequest = z.strictObject({}).optional();
export type UsersListResult = { users: Account[] };

/** `user:create` (supervisors) — a new account with a one-time PIN, shown once to the supervisor. */
export const UserCreateRequest = z.strictObject({ opId: z.string().min(1).max(64), username: Username, name: PersonName, role: z.enum(ACCOUNT_ROLES) });
export type UserCreateRequest = z.infer<typeof UserCreateRequest>;
export type UserCreateResult = { user: Account; pin: string };

/** `user:update` (supervisors) — a new name or role, or disable / re-enable (a disabled person's sessions end at once). */
export const UserUpdateRequest = z.strictObject({
  opId: z.string().min(1).max(64),
  username: Username,
  name: PersonName.optional(),
  role: z.enum(ACCOUNT_ROLES).optional(),
  disabled: z.boolean().optional(),
});
export type UserUpdateRequest = z.infer<typeof UserUpdateRequest>;
export type UserUpdateResult = { user: Account };

/** `user:resetPin` (supervisors) — a new one-time PIN; the person's sessions end and they choose their own at next sign-in. */
export const UserResetPinRequest = z.strictObject({ opId: z.string().min(1).max(64), username: Username });
export type UserResetPinResult = { user: Account; pin: string };

/** `seat:free` (supervisors) — ends the session holding a seat, so someone else can take it. */
export const SeatFreeRequest = z.strictObject({ opId: z.string().min(1).max(64), seat: z.number().int().positive() });

/** `security:log` (supervisors) — the sign-in log and security events, newest first, a page at a time. */
export const SecurityLogRequest = z.strictObject({ limit: z.number().int().min(1).max(500).optional(), before: z.number().int().positive().optional() }).optional();
export type SecurityLogResult = { items: SecurityEvent[]; next?: number };

/**
 * `--users FILE` (and the hub's `users` option): accounts IT, demos and tests seed at start;
 * existing ones are never changed. Extension: `mustChangePin: true` for PINs handed out on
 * paper, which the person replaces at their first sign-in (default false: a seeded PIN is the
 * person's own).
 */
export const UsersFileEntry = z.strictObject({ username: Username, name: PersonName, role: z.enum(ACCOUNT_ROLES), pin: NewPin, mustChangePin: z.boolean().optional() });
export const UsersFile = z.array(UsersFileEntry).superRefine((users, ctx) => {
  const seen = new Set<string>();
  users.forEach((u, i) => {
    if (seen.has(u.username)) ctx.addIssue({ code: 'custom', path: [i, 'username'], message: `${u.username} is listed twice` });
    seen.add(u.username);
  });
});
export type UsersFile = z.input<typeof UsersFile>;
export type UsersFileEntry = z.output<typeof UsersFileEntry>;
