/**
 * `tickets:search` — find tickets the seat does not hold (older than the snapshot) or narrow
 * the list. Results are newest first. `phone` matches a whole number in any spelling, or any
 * run of 3+ digits of one; `text` matches words (3+ characters, Hindi too) in description,
 * caller name, locality and notes, or a ticket number ("#123" or "123").
 * `next` is the ticket number to pass as `before` for the following page.
 */
import { z } from 'zod';
import { TICKET_STATUSES } from '../protocol/vocabulary';
import { CategoryId } from './common';
import { TEXT_LIMITS } from './limits';
import type { Ticket } from './ticket';

export const SEARCH_DEFAULT_LIMIT = 50;
export const SEARCH_MAX_LIMIT = 500;

export const TicketsSearchRequest = z.strictObject({
  phone: z.string().trim().min(1).max(TEXT_LIMITS.phone).optional(),
  text: z.string().trim().min(1).max(TEXT_LIMITS.searchText).optional(),
  status: z.union([z.enum(TICKET_STATUSES), z.array(z.enum(TICKET_STATUSES)).min(1).max(5)]).optional(),
  category: CategoryId.optional(),
  /** Larger limits are served as SEARCH_MAX_LIMIT per page, with `next` for the rest. */
  limit: z
    .number()
    .int()
    .min(1)
    .transform((n) => Math.min(n, SEARCH_MAX_LIMIT))
    .optional(),
  /** A ticket number from an earlier `next`: only tickets numbered below it. */
  before: z.number().int().positive().optional(),
  /** Extensions: narrow by department, priority or the seat that raised it. */
  department: z.string().max(40).optional(),
  priority: z.enum(['normal', 'urgent']).optional(),
  seat: z.number().int().nonnegative().optional(),
  /** Extensions: only active tickets past their service-level target; only those assigned to a seat. */
  overdue: z.boolean().optional(),
  assignedSeat: z.number().int().positive().optional(),
});
export type TicketsSearchRequest = z.infer<typeof TicketsSearchRequest>;
export type TicketsSearchResult = { items: Ticket[]; next?: number };
