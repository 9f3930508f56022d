/**
 * The Socket.IO handshake: `io(url, { auth })`. The key decides the role; an operator also
 * names its seat. `since` asks for the changes missed while away instead of a snapshot.
 */
import { z } from 'zod';

export const Handshake = z.object({
  key: z.string().min(1).max(200),
  /** Stable per installation/window; scopes opIds. Optional for read-only clients. */
  clientId: z.string().min(1).max(128).optional(),
  seat: z.coerce.number().int().positive().optional(),
  name: z.string().trim().min(1).max(60).optional(),
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
  unauthorized: 'unauthorized',
  invalid: 'invalid',
  outdated: 'outdated',
} as const;
