/**
 * Seat presence as the wall shows it: ready on connect, on_call during a call, wrap_up after
 * it, break/ready by choice, offline on disconnect. Each step must reach other clients as a
 * `seat.updated` change and be in the next snapshot.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Seat } from '../../shared/protocol';
import { type TestClient, operatorAuth, supervisorAuth, wallAuth } from '../helpers/client';
import { startTestHub, type TestHub } from '../helpers/hub';
import { healthz, Resources, settle, waitSeatsOffline } from '../helpers/resources';
import { sleep, waitUntil } from '../helpers/wait';

const res = new Resources();
let hub: TestHub;
let sup: TestClient;
let wall: TestClient;

beforeAll(async () => {
  hub = await startTestHub(res, { seats: 8 });
  sup = await res.ready(hub.url, supervisorAuth());
  wall = await res.ready(hub.url, wallAuth());
});
afterAll(() => res.cleanup());

/** Waits for quiet, then checks the seat in both watchers' state and in a fresh snapshot. */
async function expectSeat(seat: number, expected: Partial<Seat>): Promise<Seat> {
  // A disconnect reaches the hub a moment after the client closes: wait for its effect.
  const matches = (s: Seat | undefined): boolean => !!s && Object.entries(expected).every(([k, v]) => s[k as keyof Seat] === v);
  await waitUntil(() => matches(sup.mirror!.seats.get(seat)), `seat ${seat} to show ${JSON.stringify(expected)}`, 5_000, () => JSON.stringify(sup.mirror!.seats.get(seat))).catch(() => undefined);
  await settle(hub.url, [sup, wall]);
  expect(sup.mirror!.seats.get(seat), 'supervisor view').toMatchObject(expected);
  expect(wall.mirror!.seats.get(seat), 'wall view').toMatchObject(expected);
  const fresh = res.client(hub.url, supervisorAuth());
  await fresh.ready();
  const snap = fresh.snapshots[0]!.seats.find((s) => s.seat === seat);
  fresh.close();
  expect(snap, 'snapshot').toMatchObject(expected);
  expect(snap).toEqual(sup.mirror!.seats.get(seat));
  return snap!;
}

function seatChanges(seat: number, after: number): Seat[] {
  return sup.changes.flatMap((c) => (c.seq > after && c.type === 'seat.updated' && c.data.seat.seat === seat ? [c.data.seat] : []));
}

it('all seats start offline', () => {
  expect(sup.snapshots[0]!.seats.every((s) => s.state === 'offline')).toBe(true);
});

it('a seat goes ready → on_call → wrap_up → break → ready → offline, each step a seat.updated change', async () => {
  const t0 = sup.seq;
  const op = await res.ready(hub.url, operatorAuth(3, { user: 'kavita' }));
  const ready = await expectSeat(3, { seat: 3, state: 'ready', name: 'Kavita', user: 'kavita' });
  expect(Number.isNaN(Date.parse(ready.since))).toBe(false);

  const call = await op.emit('call:start', { opId: randomUUID() });
  await expectSeat(3, { state: 'on_call', callId: call.call!.id });

  const end = await op.emit('call:end', { opId: randomUUID(), callId: call.call!.id, disposition: 'info_given' });
  expect(end.ok).toBe(true);
  const wrap = await expectSeat(3, { state: 'wrap_up' });
  expect(wrap.callId).toBeUndefined();

  const brk = await op.emit('seat:set', { opId: randomUUID(), state: 'break' });
  expect(brk.ok).toBe(true);
  expect(brk.seat).toMatchObject({ seat: 3, state: 'break' });
  const onBreak = await expectSeat(3, { state: 'break' });
  expect(Date.parse(onBreak.since)).toBeGreaterThanOrEqual(Date.parse(wrap.since));

  expect((await op.emit('seat:set', { opId: randomUUID(), state: 'ready' })).seat).toMatchObject({ state: 'ready' });
  await expectSeat(3, { state: 'ready' });

  expect((await op.emit('seat:set', { opId: randomUUID(), state: 'wrap_up' })).seat).toMatchObject({ state: 'wrap_up' });
  await expectSeat(3, { state: 'wrap_up' });

  op.close();
  await expectSeat(3, { state: 'offline' });

  expect(seatChanges(3, t0).map((s) => s.state)).toEqual(['ready', 'on_call', 'wrap_up', 'break', 'ready', 'wrap_up', 'offline']);
});

it('seat:set refuses the states that follow from calls and connections', async () => {
  const op = await res.ready(hub.url, operatorAuth(4));
  const before = await settle(hub.url, [sup, op]);
  for (const state of ['on_call', 'offline', 'lunch', '', null]) {
    const ack = await op.emit('seat:set', { opId: randomUUID(), state });
    expect(ack.ok, String(state)).toBe(false);
    expect(ack.error!.code, String(state)).toBe('invalid');
  }
  await sleep(50);
  expect((await healthz(hub.url)).seq).toBe(before);
  op.close();
  await waitSeatsOffline(sup, [4]);
});

it('supervisors and walls hold no seat: connecting them changes no seat', async () => {
  const before = await settle(hub.url, [sup]);
  const s2 = await res.ready(hub.url, supervisorAuth());
  const w2 = await res.ready(hub.url, wallAuth());
  await sleep(100);
  expect((await healthz(hub.url)).seq).toBe(before);
  s2.close();
  w2.close();
  await sleep(100);
  await settle(hub.url, [sup]);
  expect(sup.changes.filter((c) => c.seq > before)).toEqual([]);
  expect((await healthz(hub.url)).seq).toBe(before);
});

it('several seats at once each show their own state', async () => {
  const ops = await Promise.all([5, 6, 7].map((seat) => res.ready(hub.url, operatorAuth(seat))));
  const call = await ops[0]!.emit('call:start', { opId: randomUUID() });
  await ops[1]!.emit('seat:set', { opId: randomUUID(), state: 'break' });
  await expectSeat(5, { state: 'on_call', callId: call.call!.id });
  await expectSeat(6, { state: 'break' });
  await expectSeat(7, { state: 'ready' });
  for (const o of ops) o.close();
  await waitUntil(() => [5, 6, 7].every((n) => sup.mirror!.seats.get(n)!.state === 'offline'), 'seats 5-7 offline', 5_000).catch(() => undefined);
  await settle(hub.url, [sup]);
  // A seat dropped mid-call shows offline; the contract keeps its callId so it can resume.
  expect(sup.mirror!.seats.get(5)).toMatchObject({ state: 'offline', callId: call.call!.id });
  expect(sup.mirror!.seats.get(6)!.state).toBe('offline');
  expect(sup.mirror!.seats.get(7)!.state).toBe('offline');
});
