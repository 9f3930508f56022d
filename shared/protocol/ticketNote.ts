/** `ticket:note` — add a note to a ticket's timeline (follow-ups, callbacks). */
import { z } from 'zod';
import { EntityId, OpId, Text } from './common';
import { TEXT_LIMITS } from './limits';
import type { Ticket } from './ticket';

export const TicketNoteRequest = z.strictObject({
  opId: OpId,
  id: EntityId,
  text: Text(TEXT_LIMITS.note),
});
export type TicketNoteRequest = z.infer<typeof TicketNoteRequest>;
export type TicketNoteResult = { ticket: Ticket };
