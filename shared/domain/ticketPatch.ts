/**
 * What a `ticket:update` patch does to a ticket: the one rule that the hub applies when it
 * commits a change and that a console applies to show the change at once (its optimistic
 * copy, until the hub's own arrives). Both call this function, so the screen shows what the
 * hub will record: derived times follow the fields they belong to.
 *
 * - Forwarding (status `forwarded`) stamps `forwardedAt` and asks the department for a new
 *   acknowledgement.
 * - Resolving or closing stamps `resolvedAt` once; reopening clears it.
 * - A new category or priority moves the service-level target `dueAt`.
 */
import type { SlaConfig } from '../protocol/config';
import type { Ticket } from '../protocol/ticket';
import type { TicketPatch } from '../protocol/ticketUpdate';
import { dueAt } from './sla';

/** Each field that changed, with its old and new value (null for absent): the audit record. */
export type TicketChanges = Record<string, { from: unknown; to: unknown }>;

export function applyTicketPatch<T extends Ticket>(current: T, patch: TicketPatch, at: string, sla: SlaConfig): { next: T; changes: TicketChanges } {
  const next: T = { ...current };
  const changes: TicketChanges = {};
  const set = <K extends keyof Ticket>(field: K, to: Ticket[K] | undefined) => {
    if (current[field] === to) return;
    changes[field] = { from: current[field] ?? null, to: to ?? null };
    if (to === undefined) delete next[field];
    else next[field] = to as T[K];
  };
  if (patch.status !== undefined) set('status', patch.status);
  if (patch.priority !== undefined) set('priority', patch.priority);
  if (patch.category !== undefined) set('category', patch.category);
  if (patch.description !== undefined) set('description', patch.description);
  if (patch.department !== undefined) set('department', patch.department ?? undefined);
  if (patch.assignedSeat !== undefined) set('assignedSeat', patch.assignedSeat ?? undefined);
  if (patch.escalated !== undefined) set('escalated', patch.escalated || undefined);
  if (patch.departmentRef !== undefined) set('departmentRef', patch.departmentRef || undefined);
  if (patch.departmentAck !== undefined) set('departmentAckAt', patch.departmentAck ? (current.departmentAckAt ?? at) : undefined);
  if (patch.callbackDueAt !== undefined) set('callbackDueAt', patch.callbackDueAt === null ? undefined : new Date(patch.callbackDueAt).toISOString());
  if (patch.callbackDone !== undefined) set('callbackDoneAt', patch.callbackDone ? (current.callbackDoneAt ?? at) : undefined);
  if (changes.status) {
    if (next.status === 'forwarded') set('forwardedAt', at);
    if (next.status === 'resolved' || next.status === 'closed') set('resolvedAt', current.resolvedAt ?? at);
    else set('resolvedAt', undefined);
    // A department acknowledges a forwarding; a new forwarding needs a new acknowledgement.
    if (next.status === 'forwarded' && current.status !== 'forwarded') set('departmentAckAt', undefined);
  }
  if (changes.category || changes.priority) set('dueAt', dueAt(sla, next));
  return { next, changes };
}
