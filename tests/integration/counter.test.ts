/**
 * The all-time call counter: it starts at --initial-total (the helpline's count before this
 * system), every call:start adds one to `total` and to `today`, and a restart neither resets
 * it nor counts anything twice.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { operatorAuth, supervisorAuth } from '../helpers/client';
import { startTestHub } from '../helpers/hub';
import { Resources, settle } from '../helpers/resources';

const INITIAL_TOTAL = 103_515;
const res = new Resources();
afterEach(() => res.cleanup());

it('starts at the initial total, moves by one per call, and survives restarts', async () => {
  const dataDir = await res.dataDir();
  const hub = await startTestHub(res, { dataDir, initialTotal: INITIAL_TOTAL });
  const sup = await res.ready(hub.url, supervisorAuth());
  expect(sup.snapshots[0]!.counter).toEqual({ total: INITIAL_TOTAL, today: 0 });

  const op = await res.ready(hub.url, operatorAuth(7));
  for (let i = 1; i <= 3; i++) {
    const ack = await op.emit('call:start', { opId: randomUUID(), phone: '9876543210' });
    expect(ack.ok).toBe(true);
    expect(ack.counter).toEqual({ total: INITIAL_TOTAL + i, today: i });
    const end = await op.emit('call:end', { opId: randomUUID(), callId: ack.call!.id, disposition: 'info_given' });
    expect(end.ok).toBe(true);
  }
  await settle(hub.url, [sup, op]);
  const started = sup.changes.filter((c) => c.type === 'call.started');
  expect(started.map((c) => (c.type === 'call.started' ? c.data.counter : null))).toEqual([
    { total: INITIAL_TOTAL + 1, today: 1 },
    { total: INITIAL_TOTAL + 2, today: 2 },
    { total: INITIAL_TOTAL + 3, today: 3 },
  ]);
  // Ending a call does not move the counter.
  expect(sup.mirror!.counter).toEqual({ total: INITIAL_TOTAL + 3, today: 3 });
  sup.close();
  op.close();
  await hub.close();

  // Restart on the same data, with the same flag (as a service would be restarted).
  const hub2 = await startTestHub(res, { dataDir, initialTotal: INITIAL_TOTAL });
  const sup2 = await res.ready(hub2.url, supervisorAuth());
  expect(sup2.snapshots[0]!.counter).toEqual({ total: INITIAL_TOTAL + 3, today: 3 });
  const op2 = await res.ready(hub2.url, operatorAuth(7));
  const ack = await op2.emit('call:start', { opId: randomUUID() });
  expect(ack.counter).toEqual({ total: INITIAL_TOTAL + 4, today: 4 });
});

// The flag says where the count started; once calls are stored, the stored count is the
// truth. A restart that forgets the flag must not throw the helpline's history away.
it('a restart without --initial-total keeps the stored count', async () => {
  const dataDir = await res.dataDir();
  const hub = await startTestHub(res, { dataDir, initialTotal: INITIAL_TOTAL });
  const op = await res.ready(hub.url, operatorAuth(2));
  expect((await op.emit('call:start', { opId: randomUUID() })).counter).toEqual({ total: INITIAL_TOTAL + 1, today: 1 });
  op.close();
  await hub.close();

  const hub2 = await startTestHub(res, { dataDir });
  const sup = await res.ready(hub2.url, supervisorAuth());
  expect(sup.snapshots[0]!.counter).toEqual({ total: INITIAL_TOTAL + 1, today: 1 });
});

it('without --initial-total the counter starts at 0', async () => {
  const hub = await startTestHub(res);
  const sup = await res.ready(hub.url, supervisorAuth());
  expect(sup.snapshots[0]!.counter).toEqual({ total: 0, today: 0 });
});

it('calls that start at the same moment on many seats are each counted once', async () => {
  const hub = await startTestHub(res, { initialTotal: 10 });
  const ops = await Promise.all(Array.from({ length: 10 }, (_, i) => res.ready(hub.url, operatorAuth(i + 1))));
  const acks = await Promise.all(ops.map((o) => o.emit('call:start', { opId: randomUUID() })));
  expect(acks.every((a) => a.ok)).toBe(true);
  expect(acks.map((a) => a.counter!.total).sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => 11 + i));
  const sup = await res.ready(hub.url, supervisorAuth());
  expect(sup.snapshots[0]!.counter).toEqual({ total: 20, today: 10 });
});
