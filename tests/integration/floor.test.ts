/**
 * The floor extensions: hub-computed statistics pushed to the wall (masked) and supervisors,
 * and the live configuration supervisors change while the floor runs.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import type { FloorConfig } from '../../shared/protocol/config';
import type { FloorStats } from '../../shared/protocol/stats';
import { type TestClient, operatorAuth, supervisorAuth, wallAuth } from '../helpers/client';
import { startTestHub } from '../helpers/hub';
import { Resources } from '../helpers/resources';
import { waitUntil } from '../helpers/wait';

const res = new Resources();
afterEach(() => res.cleanup());

function latest<T>(c: TestClient, event: string): T | undefined {
  return c.events.filter((e) => e.event === event).at(-1)?.args[0] as T | undefined;
}

it('pushes floor statistics that follow calls, tickets and seats; the wall gets them masked', async () => {
  const hub = await startTestHub(res, { initialTotal: 103515 });
  const wall = await res.ready(hub.url, wallAuth());
  const sup = await res.ready(hub.url, supervisorAuth());
  const op = await res.ready(hub.url, operatorAuth(4));
  const seatFive = await res.ready(hub.url, operatorAuth(5));
  await waitUntil(() => latest<FloorStats>(wall, 'stats') !== undefined, 'first stats');

  const a = await op.emit('call:start', { opId: randomUUID(), phone: '9812374650' });
  const t = await op.emit('ticket:create', { opId: randomUUID(), ticket: { phone: '9812374650', category: 'food_ration', description: 'No ration for 5 days' } });
  await op.emit('ticket:update', { opId: randomUUID(), id: t.ticket!.id, version: 1, patch: { status: 'forwarded', department: 'food_supplies' } });
  await op.emit('call:end', { opId: randomUUID(), callId: a.call!.id, disposition: 'dropped' });
  await seatFive.emit('call:start', { opId: randomUUID() });

  const done = (s: FloorStats | undefined) => s !== undefined && s.counter.total === 103517 && s.droppedToday === 1 && s.longestCall?.seat === 5;
  await waitUntil(() => done(latest<FloorStats>(sup, 'stats')) && done(latest<FloorStats>(wall, 'stats')), 'stats after the calls', 8000);
  const s = latest<FloorStats>(sup, 'stats')!;
  expect(s.counter).toEqual({ total: 103517, today: 2 });
  expect(s.lastHour).toBe(2);
  expect(s.hourly).toHaveLength(24);
  expect(s.hourly.reduce((n, h) => n + h.calls, 0)).toBe(2);
  expect(s.hourly.at(-1)!.calls).toBe(2);
  expect(s.categoriesToday).toEqual([{ category: 'food_ration', tickets: 1 }]);
  expect(s.openByStatus).toEqual({ open: 0, in_progress: 0, forwarded: 1 });
  expect(s.pendingByDepartment).toEqual([{ department: 'food_supplies', tickets: 1 }]);
  expect(s.openByAge.under1h).toBe(1);
  expect(s.seats.on_call).toBe(1);
  expect(s.seats.wrap_up).toBe(1);
  expect(s.recentDropped[0]!.phone).toBe('+919812374650');
  expect(s.avgHandleSeconds).not.toBeNull();
  // The wall's copy: same figures, no phone number.
  const w = latest<FloorStats>(wall, 'stats')!;
  expect(w.recentDropped[0]!.phone).not.toContain('98123');
  expect(JSON.stringify(wall.events)).not.toContain('9812374650');
  // Operators are not sent the floor statistics.
  expect(op.events.some((e) => e.event === 'stats')).toBe(false);
});

it('a supervisor changes a category label and every client gets the new configuration at once', async () => {
  const hub = await startTestHub(res);
  const sup = await res.ready(hub.url, supervisorAuth());
  const op = await res.ready(hub.url, operatorAuth(1));
  await waitUntil(() => latest<FloorConfig>(op, 'config') !== undefined, 'config on connect');
  const config = latest<FloorConfig>(op, 'config')!;
  const categories = config.categories.map((c) => (c.id === 'food_ration' ? { ...c, label: { en: 'Food, ration and LPG', hi: 'भोजन, राशन और गैस' } } : c));
  const added = { id: 'biomedical_waste', label: { en: 'Biomedical waste pickup', hi: 'बायोमेडिकल कचरा' }, guidance: { en: 'Ask for the address.', hi: 'पता पूछें।' }, active: true };

  const ok = await sup.emit('config:update', { opId: randomUUID(), version: config.version, categories: [...categories, added] });
  expect(ok.ok).toBe(true);
  await waitUntil(() => latest<FloorConfig>(op, 'config')!.version === config.version + 1, 'the pushed config');
  const pushed = latest<FloorConfig>(op, 'config')!;
  expect(pushed.categories.find((c) => c.id === 'food_ration')!.label.en).toBe('Food, ration and LPG');
  // The new category can be used at once.
  const t = await op.emit('ticket:create', { opId: randomUUID(), ticket: { phone: '9876543210', category: 'biomedical_waste', description: 'Home isolation waste' } });
  expect(t.ok).toBe(true);

  // A stale version, removing a category, and an operator trying: refused, nothing changes.
  const stale = await sup.emit('config:update', { opId: randomUUID(), version: config.version, categories });
  expect(stale.error?.code).toBe('conflict');
  const removing = await sup.emit('config:update', { opId: randomUUID(), version: pushed.version, categories });
  expect(removing.error?.code).toBe('invalid');
  const operator = await op.emit('config:update', { opId: randomUUID(), version: pushed.version, categories: [...categories, added] });
  expect(operator.error?.code).toBe('forbidden');
  const retired = await sup.emit('config:update', { opId: randomUUID(), version: pushed.version, categories: [...categories, { ...added, active: false }] });
  expect(retired.ok).toBe(true);
  const refused = await op.emit('ticket:create', { opId: randomUUID(), ticket: { phone: '9876543210', category: 'biomedical_waste', description: 'Another' } });
  expect(refused.error?.code).toBe('invalid');
});

it('a broadcast reaches every seat, and survives a restart for seats that connect later', async () => {
  const dataDir = await res.dataDir();
  let hub = await startTestHub(res, { dataDir });
  const sup = await res.ready(hub.url, supervisorAuth());
  const op = await res.ready(hub.url, operatorAuth(2));
  const sent = await sup.emit('broadcast:send', { opId: randomUUID(), text: 'Ration distribution at Sector 14 moved to 3 pm' });
  expect(sent.ok).toBe(true);
  await waitUntil(() => latest<FloorConfig>(op, 'config')?.broadcast?.text === 'Ration distribution at Sector 14 moved to 3 pm', 'the broadcast');
  await hub.close();
  hub = await startTestHub(res, { dataDir });
  const later = await res.ready(hub.url, operatorAuth(3));
  await waitUntil(() => latest<FloorConfig>(later, 'config') !== undefined, 'config after restart');
  expect(latest<FloorConfig>(later, 'config')!.broadcast?.by).toBe('Supervisor');
});

it('masks the phone numbers and names of tickets closed longer than the retention setting', async () => {
  const { startHub } = await import('../../electron/hub/index');
  const { TEST_KEYS, TEST_PIN_HASHING, TEST_USERS } = await import('../helpers/keys');
  const sqlite3 = (await import('sqlite3')).default;
  const dataDir = await res.dataDir();
  const hub = await startHub({ port: 0, host: '127.0.0.1', dataDir, keys: { ...TEST_KEYS }, users: TEST_USERS, pinHashing: TEST_PIN_HASHING, log: () => undefined });
  res.defer(() => hub.close());
  const sup = await res.ready(hub.url, supervisorAuth());
  const op = await res.ready(hub.url, operatorAuth(1));
  await waitUntil(() => latest<FloorConfig>(sup, 'config') !== undefined, 'config');
  const config = latest<FloorConfig>(sup, 'config')!;
  expect(config.privacy.maskClosedAfterDays).toBe(365);
  expect((await sup.emit('config:update', { opId: randomUUID(), version: config.version, privacy: { maskClosedAfterDays: 30 } })).ok).toBe(true);
  const call = await op.emit('call:start', { opId: randomUUID(), phone: '9812374650' });
  const old = (await op.emit('ticket:create', { opId: randomUUID(), ticket: { phone: '9812374650', callerName: 'Ramesh', category: 'other', description: 'old', callId: call.call!.id } })).ticket!;
  await op.emit('ticket:update', { opId: randomUUID(), id: old.id, version: 1, patch: { status: 'closed' } });
  const recent = (await op.emit('ticket:create', { opId: randomUUID(), ticket: { phone: '9812374650', callerName: 'Ramesh', category: 'other', description: 'recent' } })).ticket!;
  await op.emit('ticket:update', { opId: randomUUID(), id: recent.id, version: 1, patch: { status: 'closed' } });
  // Age the first ticket and its call by 40 days, as if the floor had run on since.
  const db = new sqlite3.Database(`${dataDir}/hub.sqlite`);
  const aged = new Date(Date.now() - 40 * 86_400_000).toISOString();
  await new Promise<void>((ok, no) => db.run('UPDATE tickets SET updated_at = ? WHERE id = ?', [aged, old.id], (e) => (e ? no(e) : ok())));
  await new Promise<void>((ok, no) => db.run('UPDATE calls SET started_at = ? WHERE id = ?', [aged, call.call!.id], (e) => (e ? no(e) : ok())));
  await new Promise((r) => db.close(r));
  await hub.maintenance();
  const found = await op.emit('tickets:search', { text: 'old' });
  const masked = found.items!.find((t) => t.id === old.id)!;
  expect(masked.phone).not.toContain('98123');
  expect(masked.phone.endsWith('4650')).toBe(true);
  expect(masked.callerName).toBeUndefined();
  expect((await op.emit('tickets:search', { phone: '9812374650' })).items!.map((t) => t.id)).toEqual([recent.id]);
  const lookup = await op.emit('caller:lookup', { phone: '9812374650' });
  expect(JSON.stringify(lookup)).not.toContain(call.call!.id);
});

it('tells an outdated client to update, and shows supervisors a seat whose clock is off', async () => {
  const hub = await startTestHub(res);
  // A client older than any the hub speaks is told to update; one of version 1 is served as 1.
  const old = res.client(hub.url, operatorAuth(1, { protocol: 0 }));
  await waitUntil(() => old.connectError !== null, 'the refusal');
  expect(old.connectError!.message).toBe('outdated');
  old.close();
  await res.ready(hub.url, operatorAuth(3, { protocol: 1 }));
  const sup = await res.ready(hub.url, supervisorAuth());
  await res.ready(hub.url, operatorAuth(2, { clientTime: new Date(Date.now() - 5 * 60_000).toISOString() }));
  await waitUntil(() => (latest<FloorStats>(sup, 'stats')?.clockDrift.length ?? 0) > 0, 'the drift in the stats', 8000);
  const drift = latest<FloorStats>(sup, 'stats')!.clockDrift[0]!;
  expect(drift.seat).toBe(2);
  expect(Math.round(drift.ms / 60_000)).toBe(-5);
});
