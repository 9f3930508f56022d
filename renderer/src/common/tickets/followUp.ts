/**
 * Where a ticket stands in its follow-up: the service-level target, the department's
 * acknowledgement and the callback to the citizen. Plain functions of the ticket and the hub's
 * clock, shared by the ticket list, the ticket window and the supervisor's follow-up lists.
 */
import { isActive } from '../../../../shared/domain/ticketRules';
import type { Ticket } from '../../../../shared/protocol';

export type CallbackState = 'none' | 'due' | 'late' | 'done';

export interface FollowUp {
  /** Still being worked and past its service-level target. */
  overdue: boolean;
  /** Forwarded to a department that has not yet said it has it. */
  awaitingAck: boolean;
  callback: CallbackState;
}

export function followUpOf(t: Pick<Ticket, 'status' | 'dueAt' | 'forwardedAt' | 'departmentAckAt' | 'department' | 'callbackDueAt' | 'callbackDoneAt'>, hubNow: Date): FollowUp {
  const now = hubNow.getTime();
  const active = isActive(t.status);
  const overdue = active && !!t.dueAt && Date.parse(t.dueAt) < now;
  const awaitingAck = t.status === 'forwarded' && !!t.department && !t.departmentAckAt;
  let callback: CallbackState = 'none';
  if (t.callbackDoneAt) callback = 'done';
  else if (t.callbackDueAt) callback = Date.parse(t.callbackDueAt) < now ? 'late' : 'due';
  return { overdue, awaitingAck, callback };
}

/** Callbacks still to make, the most pressing first. */
export function callbacksDue<T extends Ticket>(tickets: readonly T[]): T[] {
  return tickets.filter((t) => t.callbackDueAt && !t.callbackDoneAt).sort((a, b) => Date.parse(a.callbackDueAt!) - Date.parse(b.callbackDueAt!));
}

/** Forwarded tickets no department has acknowledged yet, the longest waiting first. */
export function awaitingAcknowledgement<T extends Ticket>(tickets: readonly T[]): T[] {
  return tickets
    .filter((t) => t.status === 'forwarded' && t.department && !t.departmentAckAt)
    .sort((a, b) => Date.parse(a.forwardedAt ?? a.updatedAt) - Date.parse(b.forwardedAt ?? b.updatedAt));
}
