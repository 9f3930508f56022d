/**
 * The ticket window's form: the fields a person may change, held as the inputs hold them, and
 * the patch that sends only what they changed.
 */
import type { Priority, TicketStatus } from '../../../../shared/protocol/vocabulary';
import type { Ticket, TicketPatch } from '../../../../shared/protocol';
import type { ViewTicket } from '../../hubLink/view';
import type { HubTime } from '../../ui/hubTime';

/** The ticket's fields as the form holds them; empty strings for "none". */
export interface Editable {
  status: TicketStatus;
  priority: Priority;
  department: string;
  departmentAck: boolean;
  departmentRef: string;
  /** "YYYY-MM-DDTHH:mm" in the hub's zone, as a datetime-local input holds it. */
  callbackDue: string;
  callbackDone: boolean;
  assignedSeat: string;
  escalated: boolean;
}

export const editableOf = (t: ViewTicket, time: HubTime): Editable => ({
  status: t.status,
  priority: t.priority,
  department: t.department ?? '',
  departmentAck: !!t.departmentAckAt,
  departmentRef: t.departmentRef ?? '',
  callbackDue: t.callbackDueAt ? time.inputValue(t.callbackDueAt) : '',
  callbackDone: !!t.callbackDoneAt,
  assignedSeat: t.assignedSeat ? String(t.assignedSeat) : '',
  escalated: !!t.escalated,
});

/** The patch that turns `was` into `form`: only what the person changed. */
export function patchOf(was: Editable, form: Editable, time: HubTime): TicketPatch {
  const patch: TicketPatch = {};
  if (form.status !== was.status) patch.status = form.status;
  if (form.priority !== was.priority) patch.priority = form.priority;
  if (form.department !== was.department) patch.department = form.department || null;
  if (form.departmentAck !== was.departmentAck) patch.departmentAck = form.departmentAck;
  if (form.departmentRef.trim() !== was.departmentRef) patch.departmentRef = form.departmentRef.trim() || null;
  if (form.callbackDue !== was.callbackDue) {
    const at = time.fromInput(form.callbackDue);
    if (at || !form.callbackDue) patch.callbackDueAt = at;
  }
  if (form.callbackDone !== was.callbackDone) patch.callbackDone = form.callbackDone;
  if (form.assignedSeat !== was.assignedSeat) patch.assignedSeat = form.assignedSeat ? Number(form.assignedSeat) : null;
  if (form.escalated !== was.escalated) patch.escalated = form.escalated;
  return patch;
}

/** The fields as they were, kept with a change so that a conflict can show before, mine and now. */
export function beforeOf(t: ViewTicket): Partial<Ticket> {
  const { status, priority, department, assignedSeat, escalated, departmentAckAt, departmentRef, callbackDueAt, callbackDoneAt, category, description } = t;
  return { status, priority, department, assignedSeat, escalated, departmentAckAt, departmentRef, callbackDueAt, callbackDoneAt, category, description };
}

