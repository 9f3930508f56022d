/**
 * Catching clients up while the floor works: a client signing in gets a snapshot read at one
 * moment, then every change after it exactly once, even while other seats' writes keep
 * committing. `synced` carries the hub's time zone; a client that only makes requests
 * (`snapshot: false`) is told it is current and gets the configuration, but no state.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import type { FloorConfig, FloorStats } from '../../shared/protocol';
import { type Auth, type TestClient, operatorAuth, supervisorAuth, wallAuth } from '../helpers/client';
import { spawnHub } from '../helpers/child';
import { startTestHub } from '../helpers/hub';
import { comparable } from '../helpers/mirror';
import { healthz, Resources, settle } from '../helpers/resources';
import { sleep, waitUntil } from '../helpers/wait';

const res = new Resources();
afterEach(() => res.cleanup());

function synced(c: TestClient): { seq: number; counter: { total: number; today: number }; serverTime: string; timeZone: string } | undefined {
  return c.events.find((e) => e.event === 'synced')?.args[0] as ReturnType<typeof synced>;
}

/** One seat's work, over and over until `until()` says stop: calls, tickets, updates and notes, at an uneven pace. */
async function keepWorking(op: TestClient, until: () => boolean): Promise<number> {
  let rounds = 0;
  const send = async (event: string, payload: Record<string, unknown>) => {
    await sleep(Math.random() * 4);
    const ack = await op.emitPatiently(event, { opId: randomUUID(), ...payload });
    expect(ack.ok, `${event}: ${JSON.stringify(ack.error)}`).toBe(true);
    return ack;
  };
  while (!until()) {
    const call = await send('call:start', { phone: '9812374650' });
    const t = await send('ticket:create', { ticket: { phone: '9812374650', category: 'food_ration', description: `No ration, round ${rounds}`, callId: call.call!.id } });
    await send('ticket:update', { id: t.ticket!.id, version: 1, patch: { status: 'forwarded', department: 'food_supplies' } });
    await send('ticket:note', { id: t.ticket!.id, text: 'Called the depot' });
    await send('call:end', { callId: call.call!.id, disposition: 'ticket_raised', ticketId: t.ticket!.id });
    rounds += 1;
  }
  return rounds;
}

it('20 clients sign in while writes keep committing; each ends equal to a fresh snapshot, its changes contiguous after its own', async () => {
  // In a process of its own, as on the floor: the hub's event loop is not shared with the test's clients.
  const hub = await spawnHub(res, { dataDir: await res.dataDir(), seats: 40 });
  // Enough tickets that reading a snapshot takes a while, as on a real floor, so that commits
  // land while clients are being caught up.
  const seeder = await res.ready(hub.url, supervisorAuth());
  for (let i = 0; i < 15; i++) {
    const batch = Array.from({ length: 100 }, (_, k) => seeder.emitPatiently('ticket:create', { opId: randomUUID(), ticket: { phone: '9812374650', category: 'other', description: `Older ticket ${i * 100 + k}` } }));
    expect((await Promise.all(batch)).every((a) => a.ok)).toBe(true);
  }
  seeder.close();
  const workers = await Promise.all(Array.from({ length: 10 }, (_, i) => res.ready(hub.url, operatorAuth(i + 1))));
  let signingIn = true;
  const work = Promise.all(workers.map((op) => keepWorking(op, () => !signingIn)));
  const seeded = (await healthz(hub.url)).seq;
  await waitUntil(() => workers.every((w) => w.seq > seeded + 30), 'the floor to be busy');

  const auths: Auth[] = [
    ...Array.from({ length: 8 }, () => supervisorAuth()),
    ...Array.from({ length: 4 }, () => wallAuth()),
    ...Array.from({ length: 8 }, (_, i) => operatorAuth(21 + i)),
  ];
  const seqBefore = (await healthz(hub.url)).seq;
  // Spread over most of a second, so that sign-ins and commits interleave.
  const clients = await Promise.all(
    auths.map(async (auth, i) => {
      await sleep(i * 25);
      return res.ready(hub.url, auth);
    }),
  );
  const seqDuring = (await healthz(hub.url)).seq;
  await sleep(200);
  signingIn = false;
  const rounds = await work;
  expect(seqDuring, 'writes committed while the clients signed in').toBeGreaterThan(seqBefore);
  expect(rounds.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);

  const hubSeq = await settle(hub.url, [...workers, ...clients]);
  const fresh = await res.ready(hub.url, supervisorAuth());
  const truth = comparable(fresh.mirror!);
  expect(truth.seq).toBe(hubSeq);
  const snapshotSeqs = new Set<number>();
  for (const [i, c] of clients.entries()) {
    const isWall = c.auth.key === wallAuth().key;
    const who = `client ${i} (${isWall ? 'wall' : c.auth.seat !== undefined ? `seat ${String(c.auth.seat)}` : 'supervisor'})`;
    expect(c.snapshots, who).toHaveLength(1);
    const from = c.snapshots[0]!.seq;
    snapshotSeqs.add(from);
    expect(c.seqProblems, who).toEqual([]);
    // Every change after the snapshot, once each, in order.
    expect(
      c.changes.map((x) => x.seq),
      who,
    ).toEqual(Array.from({ length: hubSeq - from }, (_, k) => from + 1 + k));
    expect(synced(c)?.seq, `${who}: synced names the snapshot's seq`).toBe(from);
    if (isWall) {
      const wall = comparable(c.mirror!);
      expect(wall.counter, who).toEqual(truth.counter);
      expect(wall.seats, who).toEqual(truth.seats);
      expect(wall.tickets.map((t) => [t.id, t.version, t.status]), who).toEqual(truth.tickets.map((t) => [t.id, t.version, t.status]));
      expect(JSON.stringify(wall.tickets), who).not.toContain('9812374650');
    } else {
      expect(comparable(c.mirror!), who).toEqual(truth);
    }
  }
  // The clients were caught up at different moments of the work, not all at one quiet point.
  expect(snapshotSeqs.size).toBeGreaterThan(1);
}, 60_000);

it("synced and the snapshot carry the hub's time zone, also after a reconnect with since", async () => {
  const hub = await startTestHub(res, { timeZone: 'Europe/London' });
  const auth = supervisorAuth();
  const sup = await res.ready(hub.url, auth);
  await waitUntil(() => synced(sup) !== undefined, 'synced');
  expect(synced(sup)).toMatchObject({ seq: sup.snapshots[0]!.seq, timeZone: 'Europe/London' });
  expect(sup.snapshots[0]!.timeZone).toBe('Europe/London');
  sup.close();

  const op = await res.ready(hub.url, operatorAuth(1));
  await op.emit('call:start', { opId: randomUUID() });
  const back = await res.ready(hub.url, { ...auth, since: sup.seq }, { base: sup.mirror! });
  await waitUntil(() => synced(back) !== undefined, 'synced after the missed changes');
  expect(back.snapshots).toEqual([]);
  expect(synced(back)).toMatchObject({ timeZone: 'Europe/London', counter: { total: 1, today: 1 } });
});

it('a client that only makes requests (snapshot: false) is told it is current, gets config and stats, and no state', async () => {
  const hub = await startTestHub(res, { initialTotal: 500 });
  const op = await res.ready(hub.url, operatorAuth(2));
  await op.emit('call:start', { opId: randomUUID() });
  const report = await res.ready(hub.url, supervisorAuth({ snapshot: false }));
  const wall = await res.ready(hub.url, wallAuth({ snapshot: false }));
  await waitUntil(() => [report, wall].every((c) => c.events.some((e) => e.event === 'config')), 'config');
  await waitUntil(() => report.events.some((e) => e.event === 'stats'), 'stats for the supervisor');
  expect(synced(report)).toMatchObject({ counter: { total: 501, today: 1 }, timeZone: 'Asia/Kolkata' });
  expect(synced(report)!.seq).toBe((await healthz(hub.url)).seq);

  // The floor works on; the request-only clients hear none of it.
  const t = await op.emit('ticket:create', { opId: randomUUID(), ticket: { phone: '9812374650', category: 'other', description: 'Seen by search only' } });
  await settle(hub.url, [op]);
  await sleep(100);
  for (const c of [report, wall]) {
    expect(c.snapshots).toEqual([]);
    expect(c.changes).toEqual([]);
  }
  // Requests work as for any client of its role.
  const found = await report.emit('tickets:search', { text: 'Seen by search' });
  expect(found.items!.map((x) => x.id)).toEqual([t.ticket!.id]);
  const daily = await report.emit('report:daily', { date: new Date().toISOString().slice(0, 10) });
  expect(daily.ok).toBe(true);
  expect((report.events.find((e) => e.event === 'config')!.args[0] as FloorConfig).categories.length).toBeGreaterThan(0);
  expect((report.events.find((e) => e.event === 'stats')!.args[0] as FloorStats).counter.total).toBeGreaterThanOrEqual(501);
});
