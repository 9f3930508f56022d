import { describe, expect, it } from 'vitest';
import { applySnapshot, emptyHubState, mergeTickets } from './hubState';
import type { QueuedOp } from './outbox';
import { ticket } from './testing';
import { currentCall, effectiveSeatState, ticketOverlay, visibleTickets } from './view';

const hub = applySnapshot(emptyHubState(), {
  seq: 1,
  counter: { total: 0, today: 0 },
  seats: [{ seat: 4, state: 'ready', since: '2026-11-28T10:00:00.000Z' }],
  tickets: [ticket(1, { seat: 4 })],
});

const op = (name: QueuedOp['name'], payload: Record<string, unknown>, more: Partial<QueuedOp> = {}): QueuedOp => ({
  opId: `${name}-${Math.random()}`,
  name,
  payload,
  queuedAt: '2026-11-28T10:05:00.000Z',
  attempts: 0,
  ...more,
});

describe('optimistic view', () => {
  it('shows a ticket created offline first, marked, and applies pending changes and notes', () => {
    const create = op('ticket:create', { ticket: { phone: '9876543210', category: 'medical', description: 'Needs oxygen' } });
    const ops = [
      create,
      op('ticket:update', { id: 't1', version: 1, patch: { status: 'in_progress', department: 'health' } }),
      op('ticket:note', { text: 'called back' }, { refs: [{ path: 'id', op: create.opId, required: true }] }),
    ];
    const list = visibleTickets(hub, ticketOverlay(hub, ops, 4, 'Asha'));
    expect(list.map((t) => [t.number, t.unsynced ?? false])).toEqual([
      [0, true],
      [1, true],
    ]);
    expect(list[0]!.notes.map((n) => n.text)).toEqual(['called back']);
    expect(list[1]).toMatchObject({ status: 'in_progress', department: 'health' });
  });

  it('does not show a sent ticket twice when the hub announces it before the ack', () => {
    const create = op('ticket:create', { ticket: { phone: '98765 43210', category: 'medical', description: ' Needs oxygen ' } }, { attempts: 1 });
    const onHub = mergeTickets(hub, [ticket(2, { seat: 4, phone: '+919876543210', description: 'Needs oxygen', createdAt: '2026-11-28T10:05:01.000Z' })]);
    expect(visibleTickets(onHub, ticketOverlay(onHub, [create], 4)).map((t) => t.number)).toEqual([2, 1]);
    // Not yet sent: an identical older ticket is a different one.
    expect(visibleTickets(onHub, ticketOverlay(onHub, [{ ...create, attempts: 0 }], 4)).map((t) => t.number)).toEqual([0, 2, 1]);
  });

  it('runs a call started offline until its end is queued, and shows wrap-up after', () => {
    const start = op('call:start', {});
    expect(currentCall(hub, [start], 4, null)).toMatchObject({ startOp: start.opId, synced: false });
    expect(effectiveSeatState(hub, [start], 4)).toMatchObject({ state: 'on_call', synced: false });
    const end = op('call:end', { disposition: 'dropped' }, { refs: [{ path: 'callId', op: start.opId, required: true }] });
    expect(currentCall(hub, [start, end], 4, null)).toBeNull();
    expect(effectiveSeatState(hub, [start, end], 4).state).toBe('wrap_up');
  });

  it('keeps showing a call the hub acked before the seat’s own update arrives', () => {
    const acked = { opId: 'x', call: { id: 'c1', seat: 4, startedAt: '2026-11-28T10:06:00.000Z' } };
    expect(currentCall(hub, [], 4, acked)).toMatchObject({ callId: 'c1', synced: true });
    const ended = op('call:end', { callId: 'c1', disposition: 'dropped' });
    expect(currentCall(hub, [ended], 4, acked)).toBeNull();
  });
});
