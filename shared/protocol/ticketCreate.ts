/** `ticket:create` — a call needs action: raise a ticket for it. */
import { z } from 'zod';
import { PRIORITIES } from '../protocol/vocabulary';
import { CategoryId, EntityId, OpId, PhoneInput, Text } from './common';
import type { Ticket } from './ticket';

export const NewTicket = z.strictObject({
  phone: PhoneInput,
  category: CategoryId,
  description: Text(4000),
  callerName: Text(100).optional(),
  locality: Text(200).optional(),
  language: z.string().trim().min(2).max(30).optional(),
  priority: z.enum(PRIORITIES).optional(),
  callId: EntityId.optional(),
});

export const TicketCreateRequest = z.strictObject({
  opId: OpId,
  ticket: NewTicket,
});
export type TicketCreateRequest = z.infer<typeof TicketCreateRequest>;
export type TicketCreateResult = { ticket: Ticket };
