/**
 * The Socket.IO handshake: `io(url, { auth })`. The key decides the role: the workstations'
 * keys (operator, supervisor) or the wall's. Operators and supervisors then sign in as
 * themselves (v2): `user` and `pin`, or on a reconnect the `token` of their session; an
 * operator also names its seat. `since` asks for the changes missed while away instead of a
 * snapshot.
 */
import { z } from 'zod';
import { PinInput } from './accounts';

export const Handshake = z.object({
  key: z.string().min(1).max(200),
  /** Stable per installation/window; scopes opIds. Optional for read-only clients. */
  clientId: z.string().min(1).max(128).optional(),
  seat: z.coerce.number().int().positive().optional(),
  /** v1: the name an operator typed. Ignored once accounts exist: the account's name is used. */
  name: z.string().trim().min(1).max(60).optional(),
  /**
   * v2: the person's username and PIN, or the token of their session (a reconnect). Any text is
   * taken as a username (trimmed, lower-cased): one that cannot exist is simply unknown, and
   * refused as `unauthorized` like any other, never with a word of its own.
   */
  user: z.string().trim().toLowerCase().min(1).max(64).optional(),
  pin: PinInput.optional(),
  token: z.string().min(16).max(200).optional(),
  since: z.coerce.number().int().nonnegative().optional(),
  /** Extension: the client's protocol version; older ones are told to update (`outdated`). */
  protocol: z.number().int().nonnegative().optional(),
  /** Extension: the client's clock (ISO), so that the hub can show supervisors a seat's drift. */
  clientTime: z.string().max(40).optional(),
  /**
   * Extension: `false` for a client that only makes requests (the daily report page): it gets
   * `synced`, `config` and, for supervisors, `stats`, but no snapshot and no changes.
   */
  snapshot: z.boolean().optional(),
});
export type Handshake = z.infer<typeof Handshake>;

export const ROLES = ['operator', 'supervisor', 'wall'] as const;
export type Role = (typeof ROLES)[number];

/** `connect_error` messages. */
export const CONNECT_ERRORS = {
  /** A wrong key, an unknown user, a wrong PIN, a disabled account, a revoked or expired token: one word for all. */
  unauthorized: 'unauthorized',
  /** Five failed sign-ins for one username within 15 minutes, until 15 minutes have passed (and too many from one address). */
  locked: 'locked',
  /** Another person holds this seat and is still connected; a supervisor can free it. */
  seat_taken: 'seat_taken',
  invalid: 'invalid',
  outdated: 'outdated',
} as const;
