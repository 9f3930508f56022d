/** `ticket:create` — a call needs action: raise a ticket for it. */
import { z } from 'zod';
import { PRIORITIES } from '../protocol/vocabulary';
import { CategoryId, EntityId, OpId, PhoneInput, Text } from './common';
import { TEXT_LIMITS } from './limits';
import type { Ticket } from './ticket';

export const NewTicket = z.strictObject({
  phone: PhoneInput,
  category: CategoryId,
  description: Text(TEXT_LIMITS.description),
  callerName: Text(TEXT_LIMITS.callerName).optional(),
  locality: Text(TEXT_LIMITS.locality).optional(),
  language: z.string().trim().min(2).max(TEXT_LIMITS.language).optional(),
  priority: z.enum(PRIORITIES).optional(),
  callId: EntityId.optional(),
});

export const TicketCreateRequest = z.strictObject({
  opId: OpId,
  ticket: NewTicket,
});
export type TicketCreateRequest = z.infer<typeof TicketCreateRequest>;
export type TicketCreateResult = { ticket: Ticket };
