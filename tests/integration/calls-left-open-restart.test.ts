/**
 * Calls left open across a hub that stopped: killed (a power cut), or stopped and started
 * again. At start the hub closes, as `disconnected`, the calls of seats that have been gone
 * longer than the grace period, ended at the last moment it knew them to be there; a seat that
 * comes back within the grace period keeps its call. And the floor figures never count as
 * running a call whose seat is offline past the grace period, even before the hub closed it.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { computeStats } from '../../electron/hub/stats';
import { loadState } from '../../electron/hub/store/loadState';
import { openStore } from '../../electron/hub/store/open';
import type { Call } from '../../shared/protocol';
import { spawnHub } from '../helpers/child';
import { operatorAuth, supervisorAuth } from '../helpers/client';
import { startTestHub } from '../helpers/hub';
import { cloneMirror } from '../helpers/mirror';
import { Resources, settle } from '../helpers/resources';
import { sleep, waitUntil } from '../helpers/wait';

const res = new Resources();
afterEach(() => res.cleanup());

const PHONE = '9812374650';

it('a hub killed during a call closes it at its next start, ended when the seat was last known there', async () => {
  const dataDir = await res.dataDir();
  const hub1 = await spawnHub(res, { dataDir, seats: 12, callGraceSeconds: 1 });
  const watcherAuth = supervisorAuth();
  const watcher = await res.ready(hub1.url, watcherAuth);
  const op = await res.ready(hub1.url, operatorAuth(11, { user: 'seema' }));
  const call = (await op.emit('call:start', { opId: randomUUID(), phone: PHONE })).call!;
  await settle(hub1.url, [watcher]);
  await sleep(300);
  const killedAt = Date.now();
  await hub1.killHard();
  await waitUntil(() => !watcher.socket.connected, 'the watcher to notice the power cut');
  // Longer away than the grace period before the hub is back.
  await sleep(1_500);

  const hub2 = await spawnHub(res, { dataDir, seats: 12, callGraceSeconds: 1 });
  const sup = await res.ready(hub2.url, supervisorAuth());
  // Closed before anyone could see it open: the first snapshot has the seat free of it.
  const seat = sup.snapshots[0]!.seats.find((s) => s.seat === 11)!;
  expect(seat).toMatchObject({ seat: 11, name: 'Seema', user: 'seema', state: 'offline' });
  expect(seat.callId).toBeUndefined();
  const lookup = await sup.emit('caller:lookup', { phone: PHONE });
  const closed = (lookup.calls as Call[]).find((c) => c.id === call.id)!;
  // Ended at the last moment the hub knew the seat was there: the seat's offline time, after
  // the call began and before the power went.
  expect(closed).toEqual({ ...call, endedAt: seat.since, disposition: 'disconnected' });
  expect(Date.parse(closed.endedAt!)).toBeGreaterThanOrEqual(Date.parse(call.startedAt));
  expect(Date.parse(closed.endedAt!)).toBeLessThanOrEqual(killedAt);

  // A console that was there before the power cut catches up and sees the call end.
  const base = cloneMirror(watcher.mirror!);
  const back = res.client(hub2.url, { ...watcherAuth, since: base.seq }, { base });
  await settle(hub2.url, [back]);
  expect(back.snapshots).toEqual([]);
  expect(back.seqProblems).toEqual([]);
  const ended = back.changes.filter((c) => c.type === 'call.ended');
  expect(ended.map((c) => c.type === 'call.ended' && c.data.call)).toEqual([closed]);
  expect(back.mirror!.seats.get(11)).toEqual(seat);
  await waitUntil(() => sup.events.some((e) => e.event === 'stats'), 'the statistics');
  const stats = sup.events.filter((e) => e.event === 'stats').at(-1)!.args[0] as { longestCall: unknown };
  expect(stats.longestCall).toBeNull();
});

it('a hub killed during a call and back at once: the seat that returns within the grace period keeps its call', async () => {
  const dataDir = await res.dataDir();
  const hub1 = await spawnHub(res, { dataDir, seats: 12, callGraceSeconds: 60 });
  const auth = operatorAuth(4, { user: 'kavita' });
  const op = await res.ready(hub1.url, auth);
  const call = (await op.emit('call:start', { opId: randomUUID(), phone: PHONE })).call!;
  await hub1.killHard();

  const hub2 = await spawnHub(res, { dataDir, seats: 12, callGraceSeconds: 60 });
  const sup = await res.ready(hub2.url, supervisorAuth());
  expect(sup.snapshots[0]!.seats.find((s) => s.seat === 4)).toMatchObject({ state: 'offline', callId: call.id });
  const back = await res.ready(hub2.url, auth);
  await waitUntil(() => sup.mirror!.seats.get(4)?.state === 'on_call', 'seat 4 on its call again');
  expect(sup.mirror!.seats.get(4)).toEqual({ seat: 4, name: 'Kavita', user: 'kavita', state: 'on_call', since: call.startedAt, callId: call.id });
  expect(back.snapshots[0]!.you?.lastCall).toEqual(call);
  expect(sup.changes.filter((c) => c.type === 'call.ended')).toEqual([]);
});

it('the floor figures do not count a call whose seat is offline past the grace period as running', async () => {
  const dataDir = await res.dataDir();
  const hub = await startTestHub(res, { dataDir, seats: 12, callGraceSeconds: 3_600 });
  const sup = await res.ready(hub.url, supervisorAuth());
  const op = await res.ready(hub.url, operatorAuth(11));
  await op.emit('call:start', { opId: randomUUID() });
  op.close();
  await waitUntil(() => sup.mirror!.seats.get(11)?.state === 'offline', 'seat 11 offline');
  await hub.close();

  // The figures the hub would compute from this database, at moments either side of the grace.
  const store = await openStore({ dataDir, backup: { dir: dataDir, everyMinutes: 0, keep: 1 }, logError: () => undefined });
  res.defer(() => store.close());
  const state = await loadState(store.writeDb, 12, 'Asia/Kolkata', new Date());
  const offlineAt = Date.parse(state.seats.get(11)!.since);
  const at = (ms: number) => computeStats(store.reader, state, 'Asia/Kolkata', { callGraceMs: 120_000, now: new Date(offlineAt + ms) });
  expect((await at(119_000)).longestCall).toMatchObject({ seat: 11 });
  expect((await at(121_000)).longestCall).toBeNull();
  expect((await at(121_000)).seats.on_call).toBe(0);
});
