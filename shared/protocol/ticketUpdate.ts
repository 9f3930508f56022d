/**
 * `ticket:update` — change status, priority, department, category or description.
 * `version` is the version the client last saw: a stale one gets `conflict` with the current
 * ticket (as `ticket` and `error.ticket`), so nothing is overwritten silently.
 */
import { z } from 'zod';
import { PRIORITIES, TICKET_STATUSES } from '../protocol/vocabulary';
import { CategoryId, DepartmentId, EntityId, OpId, Text } from './common';
import { TEXT_LIMITS } from './limits';
import type { Ticket } from './ticket';

export const TicketPatch = z
  .strictObject({
    status: z.enum(TICKET_STATUSES).optional(),
    priority: z.enum(PRIORITIES).optional(),
    /** `null` takes the ticket back from a department. */
    department: DepartmentId.nullable().optional(),
    category: CategoryId.optional(),
    description: Text(TEXT_LIMITS.description).optional(),
    /** Extensions. Supervisors only: assign a seat to follow it up (null: nobody), escalate. */
    assignedSeat: z.number().int().positive().nullable().optional(),
    escalated: z.boolean().optional(),
    /** The department acknowledged it (true), with its reference number if any. */
    departmentAck: z.boolean().optional(),
    departmentRef: z.string().trim().max(TEXT_LIMITS.departmentRef).nullable().optional(),
    /** When the citizen is to be called back (null: no callback), and that it was done. */
    callbackDueAt: z.iso.datetime({ offset: true }).nullable().optional(),
    callbackDone: z.boolean().optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), 'the patch changes nothing');

export const TicketUpdateRequest = z.strictObject({
  opId: OpId,
  id: EntityId,
  version: z.number().int().positive(),
  patch: TicketPatch,
});
export type TicketUpdateRequest = z.infer<typeof TicketUpdateRequest>;
export type TicketPatch = z.infer<typeof TicketPatch>;
export type TicketUpdateResult = { ticket: Ticket };
