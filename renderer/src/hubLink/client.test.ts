import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../shared/protocol';
import { type AuthPayload, HubClient } from './client';
import { memoryStore } from './storage';
import { FakeSocket, ticket } from './testing';

const SNAP: Snapshot = {
  seq: 1,
  counter: { total: 100, today: 1 },
  seats: [{ seat: 3, state: 'ready', since: '2026-11-28T09:00:00.000Z' }],
  tickets: [ticket(1)],
  serverTime: '2026-11-28T10:00:00.000Z',
};

function setup(store = memoryStore(), auth: Partial<AuthPayload> = {}) {
  let socket!: FakeSocket;
  let n = 0;
  const client = new HubClient({
    url: 'http://hub',
    auth: { key: 'k', clientId: 'client-1', seat: 3, name: 'Asha', ...auth },
    storage: store,
    connect: (_url, auth) => (socket = new FakeSocket(auth)),
    newId: () => `op${++n}`,
    ackTimeoutMs: 50,
    retryDelayMs: () => 1,
  });
  client.start();
  return { client, socket: () => socket, store };
}

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

describe('hub client', () => {
  it('handles a whole call offline, then sends it in order with the callId filled in', async () => {
    const { client, socket } = setup();
    client.startCall('98765 43210');
    expect(client.getView().call).toMatchObject({ startOp: 'op1', synced: false });
    expect(client.getView().seatState).toMatchObject({ state: 'on_call', synced: false });
    client.createTicket({ phone: '9876543210', category: 'food_ration', description: 'No ration for 3 days' });
    expect(client.getView().ops).toHaveLength(2);
    client.endCall('ticket_raised');
    expect(client.getView().call).toBeNull();
    expect(client.getView().seatState.state).toBe('wrap_up');

    const s = socket();
    s.open(SNAP);
    expect(s.sent.map((x) => x.event)).toEqual(['call:start']);
    s.sent[0]!.ack({ ok: true, call: { id: 'call-1', seat: 3, startedAt: '2026-11-28T10:00:01.000Z' }, counter: { total: 101, today: 2 } });
    expect(s.sent[1]!.event).toBe('ticket:create');
    expect((s.sent[1]!.payload.ticket as Record<string, unknown>).callId).toBe('call-1');
    s.sent[1]!.ack({ ok: true, ticket: ticket(2, { id: 'tk-2' }) });
    expect(s.sent[2]!.payload).toEqual({ opId: 'op3', callId: 'call-1', disposition: 'ticket_raised', ticketId: 'tk-2' });
    s.sent[2]!.ack({ ok: true, call: { id: 'call-1', seat: 3, startedAt: '2026-11-28T10:00:01.000Z', endedAt: '2026-11-28T10:01:00.000Z' } });
    expect(client.getView().ops).toHaveLength(0);
    expect(client.getView().hub.counter.total).toBe(101);
    expect(client.getView().hub.tickets.get('tk-2')).toBeDefined();
  });

  it('resends the same op with the same opId after a timeout and after a reconnect', async () => {
    const { client, socket } = setup();
    const s = socket();
    s.open(SNAP);
    client.setSeat('break');
    expect(s.sent).toHaveLength(1);
    await tick(80);
    expect(s.sent.map((x) => x.payload.opId)).toEqual(['op1', 'op1']);
    s.drop();
    s.open();
    expect(s.sent.map((x) => x.payload.opId)).toEqual(['op1', 'op1', 'op1']);
    // A late ack of an earlier attempt is ignored; the current one counts.
    s.sent[0]!.ack({ ok: true, seat: { seat: 3, state: 'break', since: '2026-11-28T10:00:00.000Z' } });
    expect(client.getView().ops).toHaveLength(1);
    s.sent[2]!.ack({ ok: true, seat: { seat: 3, state: 'break', since: '2026-11-28T10:00:00.000Z' } });
    await tick();
    expect(client.getView().ops).toHaveLength(0);
    expect(client.getView().seatState).toMatchObject({ state: 'break', synced: true });
  });

  it('keeps unsent ops across a reload', () => {
    const store = memoryStore();
    const first = setup(store);
    first.client.createTicket({ phone: '9876543210', category: 'other', description: 'Call back tomorrow' });
    first.client.stop();
    const second = setup(store);
    expect(second.client.getView().ops.map((o) => o.name)).toEqual(['ticket:create']);
    second.socket().open(SNAP);
    expect(second.socket().sent[0]!.payload.opId).toBe('op1');
  });

  it('reconnects with `since` when it sees a gap in seq', () => {
    const { client, socket } = setup();
    const s = socket();
    s.open(SNAP);
    s.fire('change', { seq: 2, type: 'ticket.created', data: { ticket: ticket(2) } });
    expect(client.getView().hub.seq).toBe(2);
    s.fire('change', { seq: 4, type: 'ticket.created', data: { ticket: ticket(4) } });
    expect(client.getView().hub.seq).toBe(2);
    expect(s.lastAuth?.since).toBe(2);
    expect(client.getView().connection).toBe('reconnecting');
  });

  it('marks tickets raised by other seats as new', () => {
    const { client, socket } = setup();
    const s = socket();
    s.open(SNAP);
    s.fire('change', { seq: 2, type: 'ticket.created', data: { ticket: ticket(2, { seat: 9 }) } });
    s.fire('change', { seq: 3, type: 'ticket.created', data: { ticket: ticket(3, { seat: 3 }) } });
    expect(client.getView().marks.get('t2')).toBe('new');
    expect(client.getView().marks.has('t3')).toBe(false);
    client.markSeen('t2');
    expect(client.getView().marks.size).toBe(0);
  });

  it('surfaces a conflict with the current ticket and keeps it until dismissed', () => {
    const { client, socket } = setup();
    const s = socket();
    s.open(SNAP);
    const seen: string[] = [];
    client.onProblem((p) => seen.push(p.error.code));
    client.updateTicket('t1', 1, { status: 'resolved' });
    s.sent[0]!.ack({ ok: false, error: { code: 'conflict', message: 'stale' }, ticket: ticket(1, { version: 2, priority: 'urgent' }) });
    expect(seen).toEqual(['conflict']);
    expect(client.getView().problems[0]!.current?.version).toBe(2);
    expect(client.getView().hub.tickets.get('t1')!.version).toBe(2);
    client.dismissProblem('op1');
    expect(client.getView().problems).toHaveLength(0);
  });

  it('says when the hub refuses the key', () => {
    const { client, socket } = setup();
    const s = socket();
    s.active = false;
    s.fire('connect_error', new Error('unauthorized'));
    expect(client.getView()).toMatchObject({ connection: 'refused', refusal: 'unauthorized' });
  });

  it('stops on a takeover and connects again when asked', () => {
    const { client, socket } = setup();
    const s = socket();
    s.open(SNAP);
    s.fire('seat:revoked', { seat: 3, reason: 'taken over' });
    expect(client.getView().connection).toBe('revoked');
    const before = s.connects;
    client.reclaim();
    expect(s.connects).toBe(before + 1);
  });

  it('shows the call the hub says this seat is on, after a reload', () => {
    const { client, socket } = setup();
    socket().open({ ...SNAP, seats: [{ seat: 3, state: 'on_call', since: '2026-11-28T09:59:00.000Z', callId: 'c9' }] });
    expect(client.getView().call).toMatchObject({ callId: 'c9', startedAt: '2026-11-28T09:59:00.000Z', synced: true });
  });

  it('sends the caller’s number with the end of a call that started without one', () => {
    const { client, socket } = setup();
    const s = socket();
    s.open(SNAP);
    client.startCall();
    s.sent[0]!.ack({ ok: true, call: { id: 'c1', seat: 3, startedAt: '2026-11-28T10:00:01.000Z' }, counter: { total: 101, today: 2 } });
    client.endCall('callback', '+919876543210');
    expect(s.sent[1]!.payload).toMatchObject({ callId: 'c1', disposition: 'callback', phone: '+919876543210' });
    // A call that came with a number keeps it: the end does not repeat it.
    client.startCall('+919811111111');
    s.sent[1]!.ack({ ok: true, call: { id: 'c1', seat: 3, startedAt: '2026-11-28T10:00:01.000Z', endedAt: '2026-11-28T10:01:00.000Z' } });
    s.sent[2]!.ack({ ok: true, call: { id: 'c2', seat: 3, startedAt: '2026-11-28T10:02:00.000Z', phone: '+919811111111' }, counter: { total: 102, today: 3 } });
    client.endCall('info_given', '+919876543210');
    expect(s.sent[3]!.payload.phone).toBeUndefined();
  });

  it('does not mark as changed what this screen changed itself', () => {
    const { client, socket } = setup();
    const s = socket();
    s.open(SNAP);
    const op = client.updateTicket('t1', 1, { status: 'in_progress' });
    s.fire('change', { seq: 2, type: 'ticket.updated', data: { ticket: ticket(1, { version: 2, status: 'in_progress' }) }, opId: op.opId });
    expect(client.getView().marks.has('t1')).toBe(false);
    s.fire('change', { seq: 3, type: 'ticket.updated', data: { ticket: ticket(1, { version: 3, status: 'forwarded' }) }, opId: 'another-screen' });
    expect(client.getView().marks.get('t1')).toBe('changed');
  });

  it('takes the current configuration from a refused configuration change', async () => {
    const { client, socket } = setup();
    const s = socket();
    s.open(SNAP);
    const pending = client.request('config:update', { opId: 'x', version: 1, departments: [] });
    const current = { version: 5, categories: [], departments: [], sla: { normalHours: 24, urgentHours: 4, perCategory: {} }, privacy: { maskClosedAfterDays: null } };
    s.sent[0]!.ack({ ok: false, error: { code: 'conflict', message: 'stale', config: current } });
    expect((await pending).ok).toBe(false);
    expect(client.getView().config?.version).toBe(5);
  });

  it('takes the hub’s clock and time zone from `synced`', () => {
    const { client, socket } = setup();
    const s = socket();
    s.open(SNAP);
    expect(client.getView().hub.timeZone).toBeNull();
    s.fire('synced', { seq: 1, counter: SNAP.counter, serverTime: '2026-11-28T10:00:00.000Z', timeZone: 'America/New_York' });
    expect(client.getView().hub.timeZone).toBe('America/New_York');
  });

  it('asks for no snapshot when it only makes requests, and is ready once the hub says it is current', () => {
    const { client, socket } = setup(memoryStore(), { seat: undefined, snapshot: false });
    const s = socket();
    s.open();
    expect(s.lastAuth?.snapshot).toBe(false);
    expect(client.getView().ready).toBe(false);
    s.fire('synced', { seq: 7, counter: SNAP.counter, serverTime: '2026-11-28T10:00:00.000Z', timeZone: 'Asia/Kolkata' });
    expect(client.getView().ready).toBe(true);
    // It has no state to apply a change to: a stray one is not a gap to catch up on.
    s.fire('change', { seq: 8, type: 'ticket.created', data: { ticket: ticket(8) } });
    expect(client.getView().connection).toBe('connected');
    expect(s.lastAuth?.since).toBeUndefined();
  });

  it('opened again during a call, times it from the call’s start; when the hub closed the call, says so until the operator moves on', () => {
    const { client, socket } = setup();
    const s = socket();
    const call = { id: 'c1', seat: 3, startedAt: '2026-11-28T09:48:34.000Z', phone: '+919812374650' };
    // The seat's `since` is the reconnection here, as an older hub gave it: the call itself decides.
    s.open({ ...SNAP, seats: [{ seat: 3, state: 'on_call', since: '2026-11-28T10:00:00.000Z', callId: 'c1' }], you: { role: 'operator', seat: 3, name: 'Asha', lastCall: call } });
    expect(client.getView().call).toEqual({ callId: 'c1', startedAt: call.startedAt, phone: call.phone, synced: true });
    expect(client.getView().closedCall).toBeNull();

    // Cut off past the grace period: coming back, the console hears the hub close the call.
    const offline = '2026-11-28T10:01:00.000Z';
    s.fire('change', { seq: 2, type: 'seat.updated', data: { seat: { seat: 3, state: 'offline', since: offline, callId: 'c1' } } });
    s.fire('change', { seq: 3, type: 'call.ended', data: { call: { ...call, endedAt: offline, disposition: 'disconnected' } } });
    s.fire('change', { seq: 4, type: 'seat.updated', data: { seat: { seat: 3, state: 'offline', since: offline } } });
    s.fire('change', { seq: 5, type: 'seat.updated', data: { seat: { seat: 3, state: 'wrap_up', since: '2026-11-28T10:04:00.000Z' } } });
    expect(client.getView().call).toBeNull();
    expect(client.getView().closedCall).toMatchObject({ id: 'c1', disposition: 'disconnected', endedAt: offline });

    // Ready for the next call: the note has been read.
    client.setSeat('ready');
    expect(client.getView().closedCall).toBeNull();
  });

  it('opened again after the hub closed its call, learns it from the snapshot', () => {
    const { client, socket } = setup();
    const call = { id: 'c1', seat: 3, startedAt: '2026-11-28T09:48:34.000Z', endedAt: '2026-11-28T09:50:00.000Z', disposition: 'disconnected' as const };
    socket().open({ ...SNAP, seats: [{ seat: 3, state: 'wrap_up', since: '2026-11-28T10:00:00.000Z' }], you: { role: 'operator', seat: 3, name: 'Asha', lastCall: call } });
    expect(client.getView().call).toBeNull();
    expect(client.getView().closedCall).toEqual(call);
  });
});
