import { describe, expect, it } from 'vitest';
import type { Ticket } from '../protocol/ticket';
import type { SlaConfig } from '../protocol/config';
import { applyTicketPatch } from './ticketPatch';

const SLA: SlaConfig = { normalHours: 48, urgentHours: 12, perCategory: { medical: { normalHours: 6, urgentHours: 2 } } };
const AT = '2026-11-28T12:00:00.000Z';
const base: Ticket = {
  id: 't1',
  number: 1,
  version: 1,
  status: 'open',
  category: 'food_ration',
  phone: '+919876543210',
  priority: 'normal',
  description: 'No ration',
  createdAt: '2026-11-28T10:00:00.000Z',
  updatedAt: '2026-11-28T10:00:00.000Z',
  seat: 3,
  dueAt: '2026-11-30T10:00:00.000Z',
  notes: [],
};

describe('applyTicketPatch', () => {
  it('forwarding stamps the time and asks the department for a new acknowledgement', () => {
    const acked = { ...base, department: 'labour', departmentAckAt: '2026-11-28T11:00:00.000Z' };
    const { next, changes } = applyTicketPatch(acked, { status: 'forwarded' }, AT, SLA);
    expect(next).toMatchObject({ status: 'forwarded', forwardedAt: AT });
    expect(next.departmentAckAt).toBeUndefined();
    expect(changes).toEqual({
      status: { from: 'open', to: 'forwarded' },
      forwardedAt: { from: null, to: AT },
      departmentAckAt: { from: '2026-11-28T11:00:00.000Z', to: null },
    });
  });

  it('resolving stamps resolvedAt once; reopening clears it', () => {
    const resolved = applyTicketPatch(base, { status: 'resolved' }, AT, SLA).next;
    expect(resolved.resolvedAt).toBe(AT);
    const closed = applyTicketPatch(resolved, { status: 'closed' }, '2026-11-29T00:00:00.000Z', SLA).next;
    expect(closed.resolvedAt).toBe(AT);
    const reopened = applyTicketPatch(closed, { status: 'open' }, '2026-11-29T01:00:00.000Z', SLA).next;
    expect(reopened.resolvedAt).toBeUndefined();
  });

  it('a new category or priority moves the service-level target', () => {
    expect(applyTicketPatch(base, { category: 'medical' }, AT, SLA).next.dueAt).toBe('2026-11-28T16:00:00.000Z');
    expect(applyTicketPatch(base, { priority: 'urgent' }, AT, SLA).next.dueAt).toBe('2026-11-28T22:00:00.000Z');
    expect(applyTicketPatch(base, { description: 'No ration for a week' }, AT, SLA).next.dueAt).toBe(base.dueAt);
  });

  it('records nothing for a patch that changes nothing, and never touches its input', () => {
    const frozen = Object.freeze({ ...base });
    const { next, changes } = applyTicketPatch(frozen, { status: 'open', priority: 'normal' }, AT, SLA);
    expect(changes).toEqual({});
    expect(next).toEqual(base);
  });

  it('follow-up fields: acknowledgement and callback keep their first time; null and false clear', () => {
    const acked = applyTicketPatch(base, { departmentAck: true, departmentRef: 'TR/2026/0457', callbackDueAt: '2026-11-28T16:00:00+05:30' }, AT, SLA).next;
    expect(acked).toMatchObject({ departmentAckAt: AT, departmentRef: 'TR/2026/0457', callbackDueAt: '2026-11-28T10:30:00.000Z' });
    expect(applyTicketPatch(acked, { departmentAck: true }, '2026-11-29T00:00:00.000Z', SLA).next.departmentAckAt).toBe(AT);
    const cleared = applyTicketPatch(acked, { departmentAck: false, departmentRef: null, callbackDueAt: null }, AT, SLA).next;
    expect(cleared.departmentAckAt).toBeUndefined();
    expect(cleared.departmentRef).toBeUndefined();
    expect(cleared.callbackDueAt).toBeUndefined();
  });

  it('giving an open ticket a department forwards it, and the acknowledgement given with it counts', () => {
    const { next, changes } = applyTicketPatch(base, { department: 'labour' }, AT, SLA);
    expect(next).toMatchObject({ status: 'forwarded', department: 'labour', forwardedAt: AT });
    expect(changes.status).toEqual({ from: 'open', to: 'forwarded' });
    const withAck = applyTicketPatch(base, { department: 'labour', departmentAck: true, departmentRef: 'TR/2026/0457' }, AT, SLA).next;
    expect(withAck).toMatchObject({ status: 'forwarded', forwardedAt: AT, departmentAckAt: AT, departmentRef: 'TR/2026/0457' });
    expect(applyTicketPatch({ ...base, status: 'in_progress' }, { department: 'health' }, AT, SLA).next.status).toBe('forwarded');
  });

  it('another department forwards anew; taking it back puts the ticket in progress; an explicit status wins', () => {
    const first = applyTicketPatch(base, { department: 'labour', departmentAck: true }, AT, SLA).next;
    const later = '2026-11-28T15:00:00.000Z';
    const moved = applyTicketPatch(first, { department: 'food_supplies' }, later, SLA).next;
    expect(moved).toMatchObject({ status: 'forwarded', forwardedAt: later });
    expect(moved.departmentAckAt).toBeUndefined();
    const back = applyTicketPatch(moved, { department: null }, later, SLA).next;
    expect(back.status).toBe('in_progress');
    expect(back.department).toBeUndefined();
    expect(applyTicketPatch(base, { department: 'labour', status: 'in_progress' }, AT, SLA).next).toMatchObject({ status: 'in_progress', department: 'labour' });
    expect(applyTicketPatch({ ...base, status: 'resolved' }, { department: 'labour' }, AT, SLA).next.status).toBe('resolved');
  });
});

