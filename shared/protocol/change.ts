/**
 * `change` — one committed change. `seq` grows by exactly 1 per change across the hub, so a
 * client that sees a gap knows it missed something and reconnects with `since`.
 */
import type { Call } from './call';
import type { Counter } from './counter';
import type { Seat } from './seat';
import type { Ticket } from './ticket';

export type ChangeData = {
  'call.started': { call: Call; counter: Counter };
  'call.ended': { call: Call };
  'ticket.created': { ticket: Ticket };
  'ticket.updated': { ticket: Ticket };
  'seat.updated': { seat: Seat };
};
export type ChangeType = keyof ChangeData;
export const CHANGE_TYPES = ['call.started', 'call.ended', 'ticket.created', 'ticket.updated', 'seat.updated'] as const satisfies readonly ChangeType[];

/**
 * `at` (hub time) and `opId` (the client operation that made the change, when one did) are
 * extensions: a console matches `opId` against its own outbox, so its optimistic copy and the
 * hub's copy of a new ticket are never shown side by side.
 */
export type Change = { [K in ChangeType]: { seq: number; type: K; data: ChangeData[K]; at?: string; opId?: string } }[ChangeType];
