import { describe, expect, it } from 'vitest';
import { applyChange, applySnapshot, emptyHubMirror } from './hubMirror';
import type { MutationName } from '../../../shared/protocol';
import type { QueuedOpOf } from './outbox';
import { ticket } from './testing';
import { currentCall, effectiveSeatState, ticketOverlay, visibleTickets } from './view';

const hub = applySnapshot(emptyHubMirror(), {
  seq: 1,
  counter: { total: 0, today: 0 },
  seats: [{ seat: 4, state: 'ready', since: '2026-11-28T10:00:00.000Z' }],
  tickets: [ticket(1, { seat: 4 })],
});

function op<K extends MutationName>(name: K, payload: QueuedOpOf<K>['payload'], more: Partial<QueuedOpOf<K>> = {}): QueuedOpOf<K> {
  return { opId: `${name}-${Math.random()}`, name, payload, queuedAt: '2026-11-28T10:05:00.000Z', attempts: 0, ...more };
}

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

  it('drops its own copy of a new ticket the moment the hub announces it with the op that made it', () => {
    const create = op('ticket:create', { ticket: { phone: '98765 43210', category: 'medical', description: 'Needs oxygen' } }, { attempts: 1 });
    const note = op('ticket:note', { text: 'oxygen arranged' }, { refs: [{ path: 'id', op: create.opId, required: true }] });
    const announced = applyChange(
      hub,
      { seq: 2, type: 'ticket.created', data: { ticket: ticket(2, { seat: 4, description: 'Needs oxygen' }) }, opId: create.opId },
      new Date(),
    );
    if (announced.kind !== 'applied') throw new Error('not applied');
    const list = visibleTickets(announced.state, ticketOverlay(announced.state, [create, note], 4));
    expect(list.map((t) => t.number)).toEqual([2, 1]);
    // A note queued on the local copy shows on the hub's copy.
    expect(list[0]!.notes.map((n) => n.text)).toEqual(['oxygen arranged']);
    // Another screen's identical ticket (another op) is a different ticket: both show.
    const other = { ...create, opId: 'someone-else' };
    expect(visibleTickets(announced.state, ticketOverlay(announced.state, [other], 4)).map((t) => t.number)).toEqual([0, 2, 1]);
  });

  it('lays follow-up changes over the hub’s ticket until the hub confirms them', () => {
    const patch = op('ticket:update', {
      id: 't1',
      version: 1,
      patch: { assignedSeat: 7, escalated: true, departmentAck: true, departmentRef: 'MCG/42', callbackDueAt: '2026-11-28T16:00:00+05:30' },
    });
    const [shown] = visibleTickets(hub, ticketOverlay(hub, [patch], 0)).filter((t) => t.id === 't1');
    expect(shown).toMatchObject({ assignedSeat: 7, escalated: true, departmentAckAt: patch.queuedAt, departmentRef: 'MCG/42', callbackDueAt: '2026-11-28T10:30:00.000Z', unsynced: true });
  });

  it('times a call by the hub’s clock once the hub announced it, before the ack', () => {
    const start = op('call:start', {}, { attempts: 1 });
    const announced = applyChange(
      hub,
      { seq: 2, type: 'call.started', data: { call: { id: 'c7', seat: 4, startedAt: '2026-11-28T10:05:02.000Z' }, counter: { total: 1, today: 1 } }, opId: start.opId },
      new Date(),
    );
    if (announced.kind !== 'applied') throw new Error('not applied');
    expect(currentCall(announced.state, [start], 4, null)).toEqual({ callId: 'c7', startedAt: '2026-11-28T10:05:02.000Z', synced: true });
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

describe('a queued ticket change shows what the hub will record', () => {
  it('forwarding, resolving and a new priority stamp the same derived times as the hub', () => {
    const forward = op('ticket:update', { id: 't1', version: 1, patch: { status: 'forwarded', priority: 'urgent' } });
    const [shown] = visibleTickets(hub, ticketOverlay(hub, [forward], 0, 'Meenakshi', { normalHours: 48, urgentHours: 12, perCategory: {} })).filter((t) => t.id === 't1');
    expect(shown).toMatchObject({ status: 'forwarded', forwardedAt: forward.queuedAt, priority: 'urgent', dueAt: '2026-11-28T22:00:00.000Z' });
  });
});
