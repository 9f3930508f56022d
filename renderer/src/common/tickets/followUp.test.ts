import { describe, expect, it } from 'vitest';
import { ticket } from '../../hubLink/testing';
import { awaitingAcknowledgement, callbacksDue, followUpOf } from './followUp';
import { hubTime } from '../../ui/hubTime';
import { editableOf, patchOf } from './ticketForm';

const now = new Date('2026-11-28T12:00:00.000Z');

describe('follow-up of a ticket', () => {
  it('is overdue only while still being worked', () => {
    expect(followUpOf(ticket(1, { dueAt: '2026-11-28T11:00:00.000Z' }), now).overdue).toBe(true);
    expect(followUpOf(ticket(1, { dueAt: '2026-11-28T11:00:00.000Z', status: 'resolved' }), now).overdue).toBe(false);
    expect(followUpOf(ticket(1, { dueAt: '2026-11-28T13:00:00.000Z' }), now).overdue).toBe(false);
  });

  it('waits for the department’s acknowledgement and for the callback', () => {
    const forwarded = ticket(2, { status: 'forwarded', department: 'police', forwardedAt: '2026-11-28T10:00:00.000Z', callbackDueAt: '2026-11-28T11:30:00.000Z' });
    expect(followUpOf(forwarded, now)).toEqual({ overdue: false, awaitingAck: true, callback: 'late' });
    const acked = { ...forwarded, departmentAckAt: '2026-11-28T10:30:00.000Z', callbackDoneAt: '2026-11-28T11:20:00.000Z' };
    expect(followUpOf(acked, now)).toEqual({ overdue: false, awaitingAck: false, callback: 'done' });
    const list = [ticket(3, { callbackDueAt: '2026-11-28T15:00:00.000Z' }), forwarded, acked];
    expect(callbacksDue(list).map((t) => t.number)).toEqual([2, 3]);
    expect(awaitingAcknowledgement(list).map((t) => t.number)).toEqual([2]);
  });
});

describe('the ticket window’s form', () => {
  const ist = hubTime('Asia/Kolkata');

  it('sends only what changed, with "none" as null', () => {
    const t = ticket(4, { department: 'police', assignedSeat: 7, callbackDueAt: '2026-11-28T10:30:00.000Z' });
    const was = editableOf(t, ist);
    expect(was.callbackDue).toBe('2026-11-28T16:00');
    expect(patchOf(was, was, ist)).toEqual({});
    expect(patchOf(was, { ...was, department: '', assignedSeat: '', departmentRef: ' MCG/1 ', callbackDue: '2026-11-28T18:30', departmentAck: true }, ist)).toEqual({
      department: null,
      assignedSeat: null,
      departmentRef: 'MCG/1',
      callbackDueAt: '2026-11-28T13:00:00.000Z',
      departmentAck: true,
    });
    expect(patchOf(was, { ...was, callbackDue: '' }, ist)).toEqual({ callbackDueAt: null });
  });

  it('reads and writes the callback time in the hub’s zone', () => {
    const ny = hubTime('America/New_York');
    const was = editableOf(ticket(5, { callbackDueAt: '2026-11-28T15:00:00.000Z' }), ny);
    expect(was.callbackDue).toBe('2026-11-28T10:00');
    expect(patchOf(was, { ...was, callbackDue: '2026-11-28T18:30' }, ny)).toEqual({ callbackDueAt: '2026-11-28T23:30:00.000Z' });
  });
});
