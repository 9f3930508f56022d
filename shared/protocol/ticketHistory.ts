/** `ticket:history` (extension) — a ticket's audit trail, oldest first. */
import { z } from 'zod';
import { EntityId } from './common';
import type { Ticket, TicketEvent } from './ticket';

export const TicketHistoryRequest = z.strictObject({ id: EntityId });
export type TicketHistoryRequest = z.infer<typeof TicketHistoryRequest>;
export type TicketHistoryResult = { ticket: Ticket; events: TicketEvent[] };
