/**
 * Calls left open when a seat goes offline during them (browser closed, PC off, LAN down): the
 * seat keeps its call for the grace period and, back within it, resumes it from its true start;
 * past it the hub closes the call as `disconnected`, ended when the seat went offline. A
 * supervisor can close such a call by hand (`call:close`). Real hub, real sockets, real SQLite.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { localDateKey } from '../../shared/domain/localDay';
import type { Call, Change, DailyReport, FloorStats, Seat, Snapshot } from '../../shared/protocol';
import { type TestClient, operatorAuth, supervisorAuth, wallAuth } from '../helpers/client';
import { startTestHub, type TestHub } from '../helpers/hub';
import { comparable, mirrorFromSnapshot } from '../helpers/mirror';
import { healthz, Resources, settle } from '../helpers/resources';
import { sleep, waitUntil } from '../helpers/wait';

const res = new Resources();
afterEach(() => res.cleanup());

function latestStats(c: TestClient): FloorStats | undefined {
  return c.events.filter((e) => e.event === 'stats').at(-1)?.args[0] as FloorStats | undefined;
}

function seatOf(c: TestClient, seat: number): Seat | undefined {
  return c.mirror?.seats.get(seat);
}

function changesAfter(c: TestClient, seq: number): Change[] {
  return c.changes.filter((ch) => ch.seq > seq);
}

function endedCalls(c: TestClient, after: number): Call[] {
  return changesAfter(c, after).flatMap((ch) => (ch.type === 'call.ended' ? [ch.data.call] : []));
}

async function snapshotOf(hub: TestHub, auth: Record<string, unknown>): Promise<Snapshot> {
  const c = await res.ready(hub.url, auth);
  const snap = c.snapshots[0]!;
  c.close();
  return snap;
}

it('a seat back within the grace period is on the same call again, timed from its true start', async () => {
  const hub = await startTestHub(res, { seats: 8, callGraceSeconds: 3 });
  const sup = await res.ready(hub.url, supervisorAuth());
  const auth = operatorAuth(3, { user: 'kavita' });
  const op = await res.ready(hub.url, auth);
  const started = await op.emit('call:start', { opId: randomUUID(), phone: '9812374650' });
  const call = started.call!;
  await waitUntil(() => seatOf(sup, 3)?.state === 'on_call', 'seat 3 on the call');
  const before = sup.seq;

  // The browser is closed: the seat shows offline, its call still open.
  op.close();
  await waitUntil(() => seatOf(sup, 3)?.state === 'offline', 'seat 3 offline');
  expect(seatOf(sup, 3)).toMatchObject({ state: 'offline', callId: call.id });
  await sleep(1_000);

  // Back a second later: the same call, since its start, not since the reconnection.
  const back = await res.ready(hub.url, auth);
  await waitUntil(() => seatOf(sup, 3)?.state === 'on_call', 'seat 3 on the call again');
  await settle(hub.url, [sup, back]);
  expect(seatOf(sup, 3)).toEqual({ seat: 3, name: 'Kavita', user: 'kavita', state: 'on_call', since: call.startedAt, callId: call.id });
  expect(seatOf(back, 3)).toEqual(seatOf(sup, 3));
  // The console that came back is told which call it is on, with its start and number.
  expect(back.snapshots[0]!.you?.lastCall).toEqual(call);
  expect(endedCalls(sup, before)).toEqual([]);

  // Past the grace period nothing is closed: the seat is online, on its call.
  await sleep(3_500);
  expect(endedCalls(sup, before)).toEqual([]);
  const ended = await back.emit('call:end', { opId: randomUUID(), callId: call.id, disposition: 'info_given' });
  expect(ended.call).toMatchObject({ id: call.id, startedAt: call.startedAt, disposition: 'info_given' });
});

it('past the grace period the hub closes the call as disconnected, ended when the seat went offline', async () => {
  const grace = 1.5;
  const hub = await startTestHub(res, { seats: 12, callGraceSeconds: grace });
  const sup = await res.ready(hub.url, supervisorAuth());
  const wall = await res.ready(hub.url, wallAuth());
  const auth = operatorAuth(11, { user: 'seema' });
  const op = await res.ready(hub.url, auth);
  const call = (await op.emit('call:start', { opId: randomUUID(), phone: '9812374650' })).call!;
  await waitUntil(() => latestStats(wall)?.longestCall?.seat === 11, 'the wall to show the longest call at seat 11');
  const before = sup.seq;

  op.close();
  await waitUntil(() => seatOf(sup, 11)?.state === 'offline', 'seat 11 offline');
  const offlineSince = seatOf(sup, 11)!.since;
  await waitUntil(() => endedCalls(sup, before).length === 1, 'the call to be closed', (grace + 5) * 1000);
  await settle(hub.url, [sup, wall]);

  // Recorded honestly: disconnected, ended when the seat went offline, not when the timer fired.
  const closed = endedCalls(sup, before)[0]!;
  expect(closed).toEqual({ ...call, endedAt: offlineSince, disposition: 'disconnected' });
  // What every console saw: offline, then the call ended, then the seat free of it.
  const seen = changesAfter(sup, before).map((c) => [c.type, c.type === 'seat.updated' ? c.data.seat.callId ?? null : null]);
  expect(seen).toEqual([
    ['seat.updated', call.id],
    ['call.ended', null],
    ['seat.updated', null],
  ]);
  expect(seatOf(sup, 11)).toEqual({ seat: 11, name: 'Seema', user: 'seema', state: 'offline', since: offlineSince });
  // The wall, whose copy of a call carries no number, got the same end.
  const wallEnd = wall.changes.find((c) => c.type === 'call.ended' && c.data.call.id === call.id);
  expect(wallEnd?.type === 'call.ended' && wallEnd.data.call).toMatchObject({ disposition: 'disconnected', endedAt: offlineSince });
  // A client of the bare contract applies the new disposition like any other.
  expect(sup.seqProblems).toEqual([]);
  expect(wall.seqProblems).toEqual([]);

  // The statistics no longer show the call, and never showed it much past the grace period.
  await waitUntil(() => latestStats(wall)?.longestCall === null && latestStats(sup)?.longestCall === null, 'no longest call', 5_000);
  const lateStats = [...sup.events, ...wall.events]
    .filter((e) => e.event === 'stats')
    .map((e) => e.args[0] as FloorStats)
    .filter((s) => Date.parse(s.at) >= Date.parse(offlineSince) + grace * 1000);
  expect(lateStats.length).toBeGreaterThan(0);
  expect(lateStats.filter((s) => s.longestCall?.seat === 11)).toEqual([]);
  expect(latestStats(sup)!.seats.on_call).toBe(0);
  expect(latestStats(sup)!.droppedToday).toBe(0);
  // The day's report names it apart from the operators' own dispositions, and its handle time counts.
  const report = (await sup.emit('report:daily', { date: localDateKey(new Date(), 'Asia/Kolkata') })).report as DailyReport;
  expect(report.calls.byDisposition).toEqual({ disconnected: 1 });
  expect(report.calls.avgHandleSeconds).toBe(Math.round((Date.parse(offlineSince) - Date.parse(call.startedAt)) / 1000));

  // The operator comes back: wrap-up, no call, and the snapshot says how the call ended.
  const back = await res.ready(hub.url, auth);
  await waitUntil(() => seatOf(sup, 11)?.state === 'wrap_up', 'seat 11 in wrap-up');
  expect(seatOf(sup, 11)!.callId).toBeUndefined();
  expect(back.snapshots[0]!.you?.lastCall).toEqual(closed);
  // A fresh snapshot agrees with what the changes built.
  await settle(hub.url, [sup]);
  expect(comparable(sup.mirror!)).toEqual(comparable(mirrorFromSnapshot(await snapshotOf(hub, supervisorAuth()))));
});

it("the operator's own end, queued while the seat was cut off, replaces the hub's disconnected", async () => {
  const hub = await startTestHub(res, { seats: 4, callGraceSeconds: 0.5 });
  const sup = await res.ready(hub.url, supervisorAuth());
  const auth = operatorAuth(2);
  const op = await res.ready(hub.url, auth);
  const call = (await op.emit('call:start', { opId: randomUUID() })).call!;
  op.close();
  await waitUntil(() => sup.changes.some((c) => c.type === 'call.ended' && c.data.call.id === call.id), 'the hub to close the call', 5_000);
  const closed = (sup.changes.find((c) => c.type === 'call.ended' && c.data.call.id === call.id)!.data as { call: Call }).call;

  // The console kept the call, raised a ticket and ended it; its outbox sends both on return.
  const back = await res.ready(hub.url, auth);
  const ticket = (await back.emit('ticket:create', { opId: randomUUID(), ticket: { phone: '9812374650', category: 'food_ration', description: 'No ration', callId: call.id } })).ticket!;
  const endOp = { opId: randomUUID(), callId: call.id, disposition: 'ticket_raised', ticketId: ticket.id, phone: '9812374650' };
  const late = await back.emit('call:end', endOp);
  expect(late).toEqual({ ok: true, call: { ...call, endedAt: closed.endedAt, disposition: 'ticket_raised', ticketId: ticket.id, phone: '+919812374650' } });
  // Sent again after a lost ack: the same answer, nothing new.
  const seq = (await healthz(hub.url)).seq;
  expect(await back.emit('call:end', endOp)).toEqual(late);
  // Only once: a second, different end is a conflict.
  const again = await back.emit('call:end', { opId: randomUUID(), callId: call.id, disposition: 'info_given' });
  expect(again.error?.code).toBe('conflict');
  expect((await healthz(hub.url)).seq).toBe(seq);
  await settle(hub.url, [sup]);
  expect(endedCalls(sup, 0).filter((c) => c.id === call.id).map((c) => c.disposition)).toEqual(['disconnected', 'ticket_raised']);
});

it('a supervisor closes a call left open; operators and the wall may not; a repeat is applied once', async () => {
  const hub = await startTestHub(res, { seats: 8 });
  const sup = await res.ready(hub.url, supervisorAuth());
  const wall = await res.ready(hub.url, wallAuth());
  const op = await res.ready(hub.url, operatorAuth(5, { user: 'anil' }));
  const call = (await op.emit('call:start', { opId: randomUUID(), phone: '9812374650' })).call!;
  await waitUntil(() => latestStats(sup)?.longestCall?.seat === 5, 'the longest call at seat 5');

  // Not an operator's (even its own seat's) and not the wall's to close.
  const byOperator = await op.emit('call:close', { opId: randomUUID(), callId: call.id });
  expect(byOperator.error?.code).toBe('forbidden');
  const byWall = await wall.emit('call:close', { opId: randomUUID(), callId: call.id });
  expect(byWall.error?.code).toBe('forbidden');
  // Bad input: a typed error, nothing changed.
  const seq = (await healthz(hub.url)).seq;
  for (const bad of [{ opId: randomUUID() }, { opId: randomUUID(), callId: call.id, disposition: 'dropped' }, { callId: call.id }, null]) {
    expect((await sup.emit('call:close', bad)).error?.code, JSON.stringify(bad)).toBe('invalid');
  }
  expect((await sup.emit('call:close', { opId: randomUUID(), callId: randomUUID() })).error?.code).toBe('not_found');
  expect((await healthz(hub.url)).seq).toBe(seq);

  // The seat went offline with its call: closing it ends it when the seat went offline.
  op.close();
  await waitUntil(() => seatOf(sup, 5)?.state === 'offline', 'seat 5 offline');
  const offlineSince = seatOf(sup, 5)!.since;
  const close = { opId: randomUUID(), callId: call.id };
  const closed = await sup.emit('call:close', close);
  expect(closed).toEqual({ ok: true, call: { ...call, endedAt: offlineSince, disposition: 'disconnected' } });
  await settle(hub.url, [sup, wall]);
  const afterClose = sup.seq;
  expect(seatOf(sup, 5)).toEqual({ seat: 5, name: 'Anil', user: 'anil', state: 'offline', since: offlineSince });
  await waitUntil(() => latestStats(wall)?.longestCall === null, 'the wall to show no longest call');

  // The same opId again (its ack was lost): the first result, nothing new.
  expect(await sup.emit('call:close', close)).toEqual(closed);
  // Another close of the ended call: a conflict that carries the call as it is.
  const late = await sup.emit('call:close', { opId: randomUUID(), callId: call.id });
  expect(late.error?.code).toBe('conflict');
  expect(late.call).toEqual(closed.call);
  await sleep(100);
  expect((await healthz(hub.url)).seq).toBe(afterClose);
});

it('a supervisor closes a call running on a seat that is still online: it ends now, the seat goes to wrap-up', async () => {
  const hub = await startTestHub(res, { seats: 8 });
  const sup = await res.ready(hub.url, supervisorAuth());
  const op = await res.ready(hub.url, operatorAuth(6));
  const call = (await op.emit('call:start', { opId: randomUUID() })).call!;
  const before = Date.now();
  const closed = await sup.emit('call:close', { opId: randomUUID(), callId: call.id });
  expect(closed.call).toMatchObject({ id: call.id, disposition: 'disconnected' });
  expect(Date.parse(closed.call!.endedAt!)).toBeGreaterThanOrEqual(before);
  await settle(hub.url, [sup, op]);
  expect(seatOf(op, 6)).toMatchObject({ state: 'wrap_up' });
  expect(seatOf(op, 6)!.callId).toBeUndefined();
  // The operator may still give the call its own disposition, once.
  const end = await op.emit('call:end', { opId: randomUUID(), callId: call.id, disposition: 'callback' });
  expect(end.call).toMatchObject({ disposition: 'callback', endedAt: closed.call!.endedAt });
});
