/**
 * `snapshot` — the whole state a client needs, sent on connect. `tickets` holds every ticket
 * that is not closed and every one touched in the last 24 hours, newest first, up to
 * SNAPSHOT_TICKET_LIMIT; older ones come from `tickets:search`.
 */
import type { Call } from './call';
import type { Counter } from './counter';
import type { Seat } from './seat';
import type { Ticket } from './ticket';
import type { Role } from './handshake';

export const SNAPSHOT_TICKET_LIMIT = 5000;

export type Snapshot = {
  seq: number;
  counter: Counter;
  seats: Seat[];
  tickets: Ticket[];
  /**
   * Extensions: who this connection is, and the hub's clock for timers. For an operator,
   * `lastCall` is its seat's latest call of the last 12 hours, running or ended: a console that
   * was closed during a call shows it again with its true start, or learns that the hub closed it.
   */
  you?: { role: Role; seat?: number; name?: string; lastCall?: Call };
  serverTime?: string;
  /** Extension: the hub's time zone (IANA), in which "today" and local hours are counted. */
  timeZone?: string;
  /** True when more tickets qualified than SNAPSHOT_TICKET_LIMIT. */
  truncated?: boolean;
};
