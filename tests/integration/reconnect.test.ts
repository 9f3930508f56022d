/**
 * Reconnecting with `since`: a console that dropped off the network gets exactly the changes
 * it missed, in order (or a snapshot), and ends with the hub's state — never with a gap.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { type TestClient, operatorAuth, supervisorAuth, wallAuth } from '../helpers/client';
import { startTestHub, type TestHub } from '../helpers/hub';
import { cloneMirror, comparable, mirrorFromSnapshot } from '../helpers/mirror';
import { Resources, settle } from '../helpers/resources';
import { waitUntil } from '../helpers/wait';

const res = new Resources();
afterEach(() => res.cleanup());

/** A burst of work on another seat while the client is away. */
async function workWhileAway(hub: TestHub, seat: number): Promise<void> {
  const other = await res.ready(hub.url, operatorAuth(seat));
  for (let i = 0; i < 3; i++) {
    const call = await other.emit('call:start', { opId: randomUUID(), phone: '9876543210' });
    const t = await other.emit('ticket:create', { opId: randomUUID(), ticket: { phone: '9876543210', category: 'migrant_worker', description: `Missed ticket ${i}`, callId: call.call!.id } });
    await other.emit('ticket:note', { opId: randomUUID(), id: t.ticket!.id, text: 'Registered for the train' });
    await other.emit('call:end', { opId: randomUUID(), callId: call.call!.id, disposition: 'ticket_raised', ticketId: t.ticket!.id });
  }
  await other.emit('seat:set', { opId: randomUUID(), state: 'break' });
}

async function freshState(hub: TestHub): Promise<ReturnType<typeof comparable>> {
  const c = await res.ready(hub.url, supervisorAuth());
  const state = comparable(mirrorFromSnapshot(c.snapshots[0]!));
  c.close();
  return state;
}

/** Reconnects `auth` with since = what `old` had applied, and checks what arrives. */
async function reconnectSince(hub: TestHub, old: TestClient, auth: Record<string, unknown>): Promise<TestClient> {
  // The client applies what arrives to its base, so `since` is read before it starts.
  const base = cloneMirror(old.mirror!);
  const since = base.seq;
  const back = res.client(hub.url, { ...auth, since }, { base });
  await waitUntil(() => back.socket.connected || back.connectError !== null, 'the reconnection');
  expect(back.connectError).toBeNull();
  const hubSeq = await settle(hub.url, [back]);
  expect(back.seqProblems).toEqual([]);
  if (back.snapshots.length === 0) {
    // The missed changes, exactly, in order, starting right after `since`.
    expect(back.changes.map((c) => c.seq)).toEqual(Array.from({ length: hubSeq - since }, (_, i) => since + 1 + i));
  }
  expect(comparable(back.mirror!)).toEqual(await freshState(hub));
  return back;
}

it('a supervisor that reconnects with since gets the missed changes in order and ends with the hub state', async () => {
  const hub = await startTestHub(res);
  const auth = supervisorAuth();
  const sup = await res.ready(hub.url, auth);
  await workWhileAway(hub, 1);
  await settle(hub.url, [sup]);
  sup.close();
  await workWhileAway(hub, 2);
  const back = await reconnectSince(hub, sup, auth);
  // The missed work is there: three tickets with their notes, the counter moved by three.
  expect([...back.mirror!.tickets.values()].filter((t) => t.seat === 2)).toHaveLength(3);
  expect(back.mirror!.counter.total).toBe(6);
  // The contract names this path: for `since`, the missed changes (a snapshot is allowed too).
  expect(back.changes.length + back.snapshots.length).toBeGreaterThan(0);
});

it('an operator that reconnects with since also sees its own seat come back', async () => {
  const hub = await startTestHub(res);
  const auth = operatorAuth(5);
  const op = await res.ready(hub.url, auth);
  await settle(hub.url, [op]);
  op.close();
  await workWhileAway(hub, 6);
  const back = await reconnectSince(hub, op, auth);
  expect(back.mirror!.seats.get(5)!.state).toBe('ready');
  expect(back.mirror!.seats.get(6)!.state).toBe('break');
});

it('a wall that reconnects with since still gets masked phone numbers', async () => {
  const hub = await startTestHub(res);
  const auth = wallAuth();
  const wall = await res.ready(hub.url, auth);
  wall.close();
  await workWhileAway(hub, 3);
  const base = cloneMirror(wall.mirror!);
  const back = res.client(hub.url, { ...auth, since: base.seq }, { base });
  await waitUntil(() => back.socket.connected || back.connectError !== null, 'the reconnection');
  await settle(hub.url, [back]);
  expect(back.seqProblems).toEqual([]);
  expect(back.rawText().replace(/[\s\-().]/g, '')).not.toContain('9876543210');
  for (const t of back.mirror!.tickets.values()) expect(t.phone.replace(/\D/g, '')).toBe('3210');
});

it('since equal to the hub seq: nothing is missing and nothing is repeated', async () => {
  const hub = await startTestHub(res);
  await workWhileAway(hub, 1);
  const auth = supervisorAuth();
  const sup = await res.ready(hub.url, auth);
  await settle(hub.url, [sup]);
  sup.close();
  const back = await reconnectSince(hub, sup, auth);
  expect(back.changes).toEqual([]);
});

it('since ahead of the hub (its data was restored from a backup): the client gets a snapshot', async () => {
  const hub = await startTestHub(res);
  await workWhileAway(hub, 1);
  const auth = supervisorAuth();
  const sup = await res.ready(hub.url, auth);
  const hubSeq = await settle(hub.url, [sup]);
  sup.close();
  const ahead = { ...cloneMirror(sup.mirror!), seq: hubSeq + 1000 };
  const back = res.client(hub.url, { ...auth, since: ahead.seq }, { base: ahead });
  await waitUntil(() => back.snapshots.length > 0 || back.connectError !== null, 'a snapshot for a client that is ahead', 5_000);
  expect(back.connectError).toBeNull();
  expect(comparable(back.mirror!)).toEqual(await freshState(hub));
});

it('since older than a long stretch of changes still ends with the hub state', async () => {
  const hub = await startTestHub(res, { seats: 10 });
  const auth = supervisorAuth();
  const sup = await res.ready(hub.url, auth);
  sup.close();
  const ops = await Promise.all([1, 2, 3, 4].map((seat) => res.ready(hub.url, operatorAuth(seat))));
  await Promise.all(
    ops.map(async (o) => {
      for (let i = 0; i < 25; i++) {
        const call = await o.emitPatiently('call:start', { opId: randomUUID() });
        await o.emitPatiently('call:end', { opId: randomUUID(), callId: call.call!.id, disposition: 'info_given' });
      }
    }),
  );
  await reconnectSince(hub, sup, auth);
});
