import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../shared/protocol';
import { applyChange, applySnapshot, applySynced, callsToday, emptyHubMirror, hubTimeZone, mergeTickets } from './hubMirror';
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

  it('keeps "today" by IST until the hub names its zone', () => {
    const s = applySnapshot(emptyHubMirror(), snap, new Date('2026-11-28T10:00:00.000Z'));
    expect(hubTimeZone(s)).toBe('Asia/Kolkata');
    expect(callsToday(s, new Date('2026-11-28T18:29:00.000Z'))).toBe(5);
    expect(callsToday(s, new Date('2026-11-28T18:31:00.000Z'))).toBe(0);
  });

  it('moves the day boundary to the hub’s own midnight when the hub is in another zone', () => {
    const at = new Date('2026-11-28T10:00:00.000Z');
    let s = applySnapshot(emptyHubMirror(), snap, at);
    s = applySynced(s, { counter: { total: 103515, today: 5 }, serverTime: at.toISOString(), timeZone: 'America/New_York' }, at);
    expect(hubTimeZone(s)).toBe('America/New_York');
    // Past midnight in India, mid-afternoon in New York: the hub's day has not ended.
    expect(callsToday(s, new Date('2026-11-28T18:31:00.000Z'))).toBe(5);
    // New York's midnight is 05:00 UTC in November.
    expect(callsToday(s, new Date('2026-11-29T04:59:00.000Z'))).toBe(5);
    expect(callsToday(s, new Date('2026-11-29T05:01:00.000Z'))).toBe(0);
    // A call after that midnight belongs to the new day, which it counts from.
    const out = applyChange(s, {
      seq: 11,
      type: 'call.started',
      at: '2026-11-29T05:02:00.000Z',
      data: { call: { id: 'c1', seat: 1, startedAt: '2026-11-29T05:02:00.000Z' }, counter: { total: 103516, today: 1 } },
    });
    if (out.kind !== 'applied') throw new Error(out.kind);
    expect(out.state.counterDay).toBe('2026-11-29');
    expect(callsToday(out.state, new Date('2026-11-29T10:00:00.000Z'))).toBe(1);
  });

  it('keeps its zone when the hub names none, or one this browser does not know', () => {
    const at = new Date('2026-11-28T10:00:00.000Z');
    let s = applySynced(applySnapshot(emptyHubMirror(), snap, at), { counter: snap.counter, serverTime: at.toISOString(), timeZone: 'Asia/Dubai' }, at);
    s = applySynced(s, { counter: snap.counter, serverTime: at.toISOString() }, at);
    expect(hubTimeZone(s)).toBe('Asia/Dubai');
    s = applySynced(s, { counter: snap.counter, serverTime: at.toISOString(), timeZone: 'Mars/Olympus_Mons' }, at);
    expect(hubTimeZone(s)).toBe('Asia/Dubai');
  });

  it('takes the hub’s zone from its snapshot too, for the day the counter belongs to', () => {
    // 03:00 UTC on the 29th is still the 28th in New York.
    const s = applySnapshot(emptyHubMirror(), { ...snap, serverTime: '2026-11-29T03:00:00.000Z', timeZone: 'America/New_York' });
    expect(s.counterDay).toBe('2026-11-28');
    expect(callsToday(s, new Date('2026-11-29T04:00:00.000Z'))).toBe(5);
  });
});
