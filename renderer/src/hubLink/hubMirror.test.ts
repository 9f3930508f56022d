import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../shared/protocol';
import { applyChange, applySnapshot, callsToday, emptyHubMirror, mergeTickets } from './hubMirror';
import { ticket } from './testing';

const snap: Snapshot = {
  seq: 10,
  counter: { total: 103515, today: 5 },
  seats: [{ seat: 1, state: 'ready', since: '2026-11-28T09:00:00.000Z' }],
  tickets: [ticket(2), ticket(5), ticket(3)],
  serverTime: '2026-11-28T10:00:00.000Z',
};

describe('hub mirror', () => {
  it('orders the snapshot newest first', () => {
    const s = applySnapshot(emptyHubMirror(), snap, new Date('2026-11-28T10:00:00.000Z'));
    expect(s.ticketOrder.map((t) => t.number)).toEqual([5, 3, 2]);
    expect(s.seq).toBe(10);
  });

  it('applies the next change, skips repeats and reports a gap', () => {
    const s = applySnapshot(emptyHubMirror(), snap);
    const next = applyChange(s, { seq: 11, type: 'ticket.created', data: { ticket: ticket(6) } });
    expect(next.kind).toBe('applied');
    if (next.kind !== 'applied') return;
    expect(next.state.ticketOrder[0]!.number).toBe(6);
    expect(applyChange(next.state, { seq: 11, type: 'ticket.created', data: { ticket: ticket(6) } }).kind).toBe('duplicate');
    expect(applyChange(next.state, { seq: 13, type: 'ticket.created', data: { ticket: ticket(7) } })).toEqual({ kind: 'gap', expected: 12, got: 13 });
  });

  it('treats a change before any snapshot as a gap', () => {
    expect(applyChange(emptyHubMirror(), { seq: 1, type: 'seat.updated', data: { seat: { seat: 1, state: 'ready', since: 'x' } } }).kind).toBe('gap');
  });

  it('replaces an updated ticket in place and never goes back a version', () => {
    let s = applySnapshot(emptyHubMirror(), snap);
    const out = applyChange(s, { seq: 11, type: 'ticket.updated', data: { ticket: ticket(3, { version: 2, status: 'resolved' }) } });
    if (out.kind !== 'applied') throw new Error(out.kind);
    s = out.state;
    expect(s.ticketOrder.map((t) => t.number)).toEqual([5, 3, 2]);
    expect(s.tickets.get('t3')!.status).toBe('resolved');
    s = mergeTickets(s, [ticket(3, { version: 1 })]);
    expect(s.tickets.get('t3')!.status).toBe('resolved');
  });

  it('keeps searched tickets across a new snapshot, in order', () => {
    let s = applySnapshot(emptyHubMirror(), snap);
    s = mergeTickets(s, [ticket(1), ticket(4)]);
    expect(s.ticketOrder.map((t) => t.number)).toEqual([5, 4, 3, 2, 1]);
    s = applySnapshot(s, { ...snap, seq: 12, tickets: [ticket(5)] });
    expect(s.ticketOrder.map((t) => t.number)).toEqual([5, 4, 3, 2, 1]);
  });

  it('moves the counters with call.started and resets "today" at IST midnight', () => {
    const s = applySnapshot(emptyHubMirror(), snap);
    const out = applyChange(s, {
      seq: 11,
      type: 'call.started',
      at: '2026-11-28T18:00:00.000Z',
      data: { call: { id: 'c1', seat: 1, startedAt: '2026-11-28T18:00:00.000Z' }, counter: { total: 103516, today: 6 } },
    });
    if (out.kind !== 'applied') throw new Error(out.kind);
    expect(out.state.counter.total).toBe(103516);
    // 18:29 UTC is 23:59 IST; 18:31 UTC is the next IST day.
    expect(callsToday(out.state, new Date('2026-11-28T18:29:00.000Z'))).toBe(6);
    expect(callsToday(out.state, new Date('2026-11-28T18:31:00.000Z'))).toBe(0);
  });
});
