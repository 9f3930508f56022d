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

export type Change = { [K in ChangeType]: { seq: number; type: K; data: ChangeData[K]; at?: string } }[ChangeType];
