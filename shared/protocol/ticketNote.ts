/** `ticket:note` — add a note to a ticket's timeline (follow-ups, callbacks). */
import { z } from 'zod';
import { EntityId, OpId, Text } from './common';
import type { Ticket } from './ticket';

export const TicketNoteRequest = z.strictObject({
  opId: OpId,
  id: EntityId,
  text: Text(4000),
});
export type TicketNoteRequest = z.infer<typeof TicketNoteRequest>;
export type TicketNoteResult = { ticket: Ticket };
