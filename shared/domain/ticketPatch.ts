/**
 * What a `ticket:update` patch does to a ticket: the one rule that the hub applies when it
 * commits a change and that a console applies to show the change at once (its optimistic
 * copy, until the hub's own arrives). Both call this function, so the screen shows what the
 * hub will record: derived times follow the fields they belong to.
 *
 * - Forwarding stamps `forwardedAt` and asks the department for a new acknowledgement. A
 *   ticket is forwarded when its status is set to `forwarded`, and also when an open or
 *   in-progress ticket is given a department: on the floor, naming the department is the
 *   forwarding, and a ticket left "open" with a department would be missing from everything
 *   that follows departments up. Giving a forwarded ticket another department forwards it
 *   anew; taking it back from its department (department `null`) puts it back in progress.
 *   An explicit status in the same patch wins over both.
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
  if (patch.priority !== undefined) set('priority', patch.priority);
  if (patch.category !== undefined) set('category', patch.category);
  if (patch.description !== undefined) set('description', patch.description);
  if (patch.department !== undefined) set('department', patch.department ?? undefined);
  if (patch.assignedSeat !== undefined) set('assignedSeat', patch.assignedSeat ?? undefined);
  if (patch.escalated !== undefined) set('escalated', patch.escalated || undefined);
  if (patch.departmentRef !== undefined) set('departmentRef', patch.departmentRef || undefined);
  if (patch.callbackDueAt !== undefined) set('callbackDueAt', patch.callbackDueAt === null ? undefined : new Date(patch.callbackDueAt).toISOString());
  if (patch.callbackDone !== undefined) set('callbackDoneAt', patch.callbackDone ? (current.callbackDoneAt ?? at) : undefined);

  const newDepartment = changes.department !== undefined && next.department !== undefined;
  const status = patch.status ?? statusAfterDepartment(current, changes.department !== undefined, next.department);
  set('status', status);
  const forwarded = next.status === 'forwarded' && (current.status !== 'forwarded' || newDepartment);
  if (forwarded) {
    set('forwardedAt', at);
    // A department acknowledges a forwarding; a new forwarding needs a new acknowledgement.
    set('departmentAckAt', undefined);
  }
  if (changes.status) {
    if (next.status === 'resolved' || next.status === 'closed') set('resolvedAt', current.resolvedAt ?? at);
    else set('resolvedAt', undefined);
  }
  // After forwarding: an acknowledgement given in the same change is the new department's.
  if (patch.departmentAck !== undefined) set('departmentAckAt', patch.departmentAck ? ((forwarded ? undefined : current.departmentAckAt) ?? at) : undefined);
  if (changes.category || changes.priority) set('dueAt', dueAt(sla, next));
  return { next, changes };
}

/** The status a change of department leads to when the patch names no status of its own. */
function statusAfterDepartment(current: Ticket, departmentChanged: boolean, department: string | undefined): Ticket['status'] {
  if (!departmentChanged) return current.status;
  if (department !== undefined && (current.status === 'open' || current.status === 'in_progress' || current.status === 'forwarded')) return 'forwarded';
  if (department === undefined && current.status === 'forwarded') return 'in_progress';
  return current.status;
}
