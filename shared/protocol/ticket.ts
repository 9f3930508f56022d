import { z } from 'zod';
import { PRIORITIES, TICKET_STATUSES } from '../protocol/vocabulary';

export const TicketNote = z.object({
  id: z.string(),
  at: z.string(),
  /** 0 when written from the supervisor's console. */
  seat: z.number().int().nonnegative(),
  author: z.string(),
  /** Extension (v2): the author's username (absent on notes from before accounts). */
  user: z.string().optional(),
  text: z.string(),
});
export type TicketNote = z.infer<typeof TicketNote>;

export const Ticket = z.object({
  id: z.string(),
  /** Counts up from 1 per hub: what operators read out to callers. */
  number: z.number().int().positive(),
  /** Starts at 1 and grows by 1 per change: optimistic concurrency for `ticket:update`. */
  version: z.number().int().positive(),
  status: z.enum(TICKET_STATUSES),
  category: z.string(),
  phone: z.string(),
  callerName: z.string().optional(),
  locality: z.string().optional(),
  language: z.string().optional(),
  priority: z.enum(PRIORITIES),
  department: z.string().optional(),
  description: z.string(),
  callId: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The seat that raised it; 0 for the supervisor's console. */
  seat: z.number().int().nonnegative(),
  /** Who raised it (operator's name at the time). Extension of the contract. */
  createdBy: z.string().optional(),
  /** Extension (v2): the username of who raised it (absent on tickets from before accounts). */
  createdByUser: z.string().optional(),
  /** Extensions for following a ticket to the end (supervisor's console): */
  /** The seat that follows it up, when a supervisor assigned one. */
  assignedSeat: z.number().int().positive().optional(),
  escalated: z.boolean().optional(),
  /** Service-level target: when it should be resolved, from the category and priority. */
  dueAt: z.string().optional(),
  forwardedAt: z.string().optional(),
  /** The department confirmed it has the complaint, with its own reference if it gave one. */
  departmentAckAt: z.string().optional(),
  departmentRef: z.string().optional(),
  /** The citizen is to be called back by then; `callbackDoneAt` once they were. */
  callbackDueAt: z.string().optional(),
  callbackDoneAt: z.string().optional(),
  resolvedAt: z.string().optional(),
  notes: z.array(TicketNote),
});
export type Ticket = z.infer<typeof Ticket>;

/** One line of a ticket's audit trail: who changed what, when. Extension of the contract. */
export const TicketEvent = z.object({
  at: z.string(),
  seat: z.number().int().nonnegative(),
  author: z.string(),
  /** Extension (v2): the author's username. */
  user: z.string().optional(),
  kind: z.enum(['created', 'updated', 'note']),
  /** For `updated`: each changed field with its old and new value. */
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })).optional(),
  text: z.string().optional(),
});
export type TicketEvent = z.infer<typeof TicketEvent>;
