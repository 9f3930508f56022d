import { describe, expect, it } from 'vitest';
import { Outbox } from './outbox';
import { memoryStore } from './storage';

const KEY = 'hcr.outbox.test';
const NEW_TICKET = { phone: '9876543210', category: 'other', description: 'x' };

describe('outbox', () => {
  it('survives a reload with its ops in order', () => {
    const store = memoryStore();
    const a = new Outbox(store, KEY);
    a.enqueue('call:start', 'op1', {});
    a.enqueue('seat:set', 'op2', { state: 'break' });
    const b = new Outbox(store, KEY);
    expect(b.pending().map((o) => o.opId)).toEqual(['op1', 'op2']);
  });

  it('sends the same opId until acked, and removes the op on ok', () => {
    const box = new Outbox(memoryStore(), KEY);
    box.enqueue('seat:set', 'op1', { state: 'ready' });
    expect(box.prepareHead()).toEqual({ send: { opId: 'op1', state: 'ready' } });
    expect(box.acknowledge('op1', 'timeout').kind).toBe('retry');
    expect(box.acknowledge('op1', { ok: false, error: { code: 'rate_limited', message: '' } }).kind).toBe('retry');
    expect(box.acknowledge('op1', { ok: false, error: { code: 'internal', message: '' } }).kind).toBe('retry');
    expect(box.prepareHead()).toEqual({ send: { opId: 'op1', state: 'ready' } });
    expect(box.acknowledge('op1', { ok: true, seat: {} } as never).kind).toBe('done');
    expect(box.size).toBe(0);
  });

  it('ignores an ack for an op that is not at the head', () => {
    const box = new Outbox(memoryStore(), KEY);
    box.enqueue('seat:set', 'op1', { state: 'ready' });
    expect(box.acknowledge('other', { ok: true } as never).kind).toBe('stale');
    expect(box.size).toBe(1);
  });

  it('keeps a non-retryable failure as a problem, with the conflicting ticket', () => {
    const store = memoryStore();
    const box = new Outbox(store, KEY);
    box.enqueue('ticket:update', 'op1', { id: 't1', version: 1, patch: { status: 'resolved' } });
    box.prepareHead();
    const current = { id: 't1', version: 2 };
    const out = box.acknowledge('op1', { ok: false, error: { code: 'conflict', message: 'stale' }, ticket: current } as never);
    expect(out.kind).toBe('failed');
    expect(box.size).toBe(0);
    const again = new Outbox(store, KEY);
    expect(again.listProblems()).toHaveLength(1);
    expect(again.listProblems()[0]!.current).toEqual(current);
    again.dismissProblem('op1');
    expect(new Outbox(store, KEY).listProblems()).toHaveLength(0);
  });

  it('fills in the callId of a call started offline when its start is acked, and keeps it for retries', () => {
    const store = memoryStore();
    const box = new Outbox(store, KEY);
    box.enqueue('call:start', 'start', {});
    box.enqueue('ticket:create', 'tk', { ticket: { phone: '9876543210', category: 'other', description: 'x' } }, [{ path: 'ticket.callId', op: 'start', required: false }]);
    box.enqueue('call:end', 'end', { disposition: 'ticket_raised' }, [
      { path: 'callId', op: 'start', required: true },
      { path: 'ticketId', op: 'tk', required: false },
    ]);
    box.prepareHead();
    box.acknowledge('start', { ok: true, call: { id: 'call-9' }, counter: { total: 1, today: 1 } } as never);
    expect(box.prepareHead()).toEqual({ send: { opId: 'tk', ticket: { phone: '9876543210', category: 'other', description: 'x', callId: 'call-9' } } });
    box.acknowledge('tk', { ok: true, ticket: { id: 'ticket-4' } } as never);
    expect(box.prepareHead()).toEqual({ send: { opId: 'end', disposition: 'ticket_raised', callId: 'call-9', ticketId: 'ticket-4' } });
    // A reload between the send and the ack resends exactly the same message.
    const reloaded = new Outbox(store, KEY);
    expect(reloaded.prepareHead()).toEqual({ send: { opId: 'end', disposition: 'ticket_raised', callId: 'call-9', ticketId: 'ticket-4' } });
  });

  it('drops an op whose required reference failed, and leaves out an optional one', () => {
    const box = new Outbox(memoryStore(), KEY);
    box.enqueue('ticket:create', 'tk', { ticket: NEW_TICKET });
    box.enqueue('call:start', 'start', {});
    box.enqueue('call:end', 'end', { disposition: 'info_given' }, [
      { path: 'callId', op: 'start', required: true },
      { path: 'ticketId', op: 'tk', required: false },
    ]);
    box.prepareHead();
    expect(box.acknowledge('tk', { ok: false, error: { code: 'invalid', message: 'phone' } }).kind).toBe('failed');
    box.prepareHead();
    box.acknowledge('start', { ok: false, error: { code: 'forbidden', message: 'no' } });
    const p = box.prepareHead();
    expect(p && 'drop' in p).toBe(true);
    box.dropHead({ code: 'invalid', message: 'depends' });
    expect(box.size).toBe(0);
    expect(box.listProblems().map((x) => x.id)).toEqual(['tk', 'start', 'end']);

    const box2 = new Outbox(memoryStore(), KEY);
    box2.enqueue('ticket:create', 'tk', { ticket: NEW_TICKET });
    box2.enqueue('call:end', 'end', { callId: 'c1', disposition: 'info_given' }, [{ path: 'ticketId', op: 'tk', required: false }]);
    box2.prepareHead();
    box2.acknowledge('tk', { ok: false, error: { code: 'invalid', message: 'phone' } });
    expect(box2.prepareHead()).toEqual({ send: { opId: 'end', callId: 'c1', disposition: 'info_given' } });
  });

  it('fills a reference at once when the earlier op is already acked', () => {
    const box = new Outbox(memoryStore(), KEY);
    box.enqueue('call:start', 'start', {});
    box.prepareHead();
    box.acknowledge('start', { ok: true, call: { id: 'c7' } } as never);
    const op = box.enqueue('call:end', 'end', { disposition: 'dropped' }, [{ path: 'callId', op: 'start', required: true }]);
    expect(op.payload).toEqual({ disposition: 'dropped', callId: 'c7' });
    expect(op.refs).toBeUndefined();
  });

  it('takes for each mutation only the payload the protocol gives it (the compiler checks this)', () => {
    const box = new Outbox(memoryStore(), KEY);
    // @ts-expect-error only a call puts a seat on a call
    box.enqueue('seat:set', 'a', { state: 'on_call' });
    // @ts-expect-error a note needs its text
    box.enqueue('ticket:note', 'b', { id: 't1' });
    // @ts-expect-error a disposition is not an id that an earlier op could fill in
    box.enqueue('call:end', 'c', { callId: 'c1' }, [{ path: 'disposition', op: 'x', required: false }]);
    // @ts-expect-error without a reference to its start, the end of a call names the call
    box.enqueue('call:end', 'd', { disposition: 'dropped' });
    box.enqueue('call:end', 'e', { disposition: 'dropped' }, [{ path: 'callId', op: 'x', required: false }]);
    expect(box.size).toBe(5);
  });

  it('reads ops saved before their payloads were typed: the stored form has not changed', () => {
    const store = memoryStore();
    store.setItem(
      KEY,
      JSON.stringify({
        v: 1,
        ops: [
          { opId: 'start', name: 'call:start', payload: {}, queuedAt: '2026-11-28T10:00:00.000Z', attempts: 1 },
          { opId: 'end', name: 'call:end', payload: { disposition: 'info_given' }, refs: [{ path: 'callId', op: 'start', required: true }], queuedAt: '2026-11-28T10:01:00.000Z', attempts: 0 },
        ],
        resolved: [],
        problems: [],
      }),
    );
    const box = new Outbox(store, KEY);
    box.prepareHead();
    box.acknowledge('start', { ok: true, call: { id: 'c3' } } as never);
    expect(box.prepareHead()).toEqual({ send: { opId: 'end', disposition: 'info_given', callId: 'c3' } });
  });

  it('starts empty from unreadable storage', () => {
    const store = memoryStore();
    store.setItem(KEY, '{not json');
    expect(new Outbox(store, KEY).size).toBe(0);
  });
});
