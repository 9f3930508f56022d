/**
 * Supervisor reports: streamed CSV exports (complete, one row per record, Hindi intact,
 * formulas defused, every export audited) and the daily situation report.
 */
import { randomUUID } from 'node:crypto';
import sqlite3 from 'sqlite3';
import { afterEach, expect, it } from 'vitest';
import type { DailyReport } from '../../shared/protocol/reports';
import { localDateKey } from '../../shared/domain/localDay';
import { operatorAuth, supervisorAuth, wallAuth } from '../helpers/client';
import { startTestHub } from '../helpers/hub';
import { parseCsv } from '../helpers/csv';
import { Resources } from '../helpers/resources';

const res = new Resources();
afterEach(() => res.cleanup());

const today = () => localDateKey(new Date(), 'Asia/Kolkata');

function run(db: sqlite3.Database, sql: string, params: unknown[] = []): Promise<void> {
  return new Promise((resolve, reject) => db.run(sql, params, (err) => (err ? reject(err) : resolve())));
}

it('exports every ticket of a range as CSV, once per link, and records who exported what', async () => {
  const hub = await startTestHub(res);
  const sup = await res.ready(hub.url, supervisorAuth());
  const op = await res.ready(hub.url, operatorAuth(1));
  const descriptions = ['राशन नहीं मिला, सेक्टर 14', 'Needs "urgent" help,\nsecond line', '=HYPERLINK("http://x")'];
  for (let i = 0; i < 120; i++) {
    const ack = await op.emit('ticket:create', { opId: randomUUID(), ticket: { phone: '9876543210', category: 'food_ration', description: descriptions[i % 3]! } });
    expect(ack.ok).toBe(true);
  }
  const start = await sup.emit('export:start', { kind: 'tickets', from: today(), to: today() });
  expect(start.ok).toBe(true);
  const link = `${hub.url}${(start as unknown as { url: string }).url}`;
  const response = await fetch(link);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/csv');
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM spreadsheets need for Hindi
  const rows = parseCsv(new TextDecoder().decode(bytes));
  const header = rows[0]!;
  expect(header.slice(0, 3)).toEqual(['number', 'created_at', 'status']);
  const data = rows.slice(1);
  expect(data).toHaveLength(120);
  expect(data.map((r) => Number(r[0]))).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
  const col = (name: string) => header.indexOf(name);
  expect(data[0]![col('description')]).toBe('राशन नहीं मिला, सेक्टर 14');
  expect(data[1]![col('description')]).toBe('Needs "urgent" help,\nsecond line');
  expect(data[2]![col('description')]).toBe(`'=HYPERLINK("http://x")`);
  expect(data[0]![col('phone')]).toBe('98765 43210');
  // The link works once.
  expect((await fetch(link)).status).toBe(403);
  // Only supervisors may export.
  expect((await op.emit('export:start', { kind: 'tickets', from: today(), to: today() })).error?.code).toBe('forbidden');
  expect((await (await res.ready(hub.url, wallAuth())).emit('export:start', { kind: 'calls', from: today(), to: today() })).error?.code).toBe('forbidden');
  expect((await sup.emit('export:start', { kind: 'tickets', from: today(), to: '2020-01-01' })).error?.code).toBe('invalid');
  await hub.close();
  const db = new sqlite3.Database(`${hub.dataDir}/hub.sqlite`);
  const audit = await new Promise<{ who: string; username: string; kind: string; rows: number; finished: string | null }[]>((resolve, reject) =>
    db.all('SELECT who, username, kind, rows, finished FROM exports', (err, r) => (err ? reject(err) : resolve(r as never))),
  );
  db.close();
  // Who: the supervisor's account, by name and username.
  expect(audit).toEqual([{ who: 'Supervisor', username: 'sup1', kind: 'tickets', rows: 120, finished: expect.any(String) }]);
});

it('streams a large call export completely', async () => {
  const dataDir = await res.dataDir();
  let hub = await startTestHub(res, { dataDir });
  await hub.close();
  // Seed 60,000 calls over the last few hours straight into the database.
  const db = new sqlite3.Database(`${dataDir}/hub.sqlite`);
  const base = Date.now() - 3 * 3_600_000;
  await run(
    db,
    `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 59999)
     INSERT INTO calls (id, seat, started_at, ended_at, disposition, phone)
     SELECT 'c' || i, i % 40 + 1, strftime('%Y-%m-%dT%H:%M:%fZ', (? + i * 100) / 1000.0, 'unixepoch'), NULL, 'info_given', '+919876543210' FROM n`,
    [base],
  );
  await new Promise((r) => db.close(r));
  hub = await startTestHub(res, { dataDir });
  const sup = await res.ready(hub.url, supervisorAuth());
  const from = localDateKey(new Date(base), 'Asia/Kolkata');
  const start = await sup.emit('export:start', { kind: 'calls', from, to: today() });
  const text = await (await fetch(`${hub.url}${(start as unknown as { url: string }).url}`)).text();
  const lines = text.trimEnd().split('\r\n');
  expect(lines).toHaveLength(60_001);
  const ids = new Set(lines.slice(1).map((l) => l.split(',').at(-1)));
  expect(ids.size).toBe(60_000);
}, 60_000);

it('builds the daily situation report', async () => {
  const hub = await startTestHub(res, { initialTotal: 103515 });
  const sup = await res.ready(hub.url, supervisorAuth());
  const op = await res.ready(hub.url, operatorAuth(2));
  for (const [category, disposition] of [['food_ration', 'ticket_raised'], ['food_ration', 'dropped'], ['migrant_worker', 'forwarded']] as const) {
    const call = await op.emit('call:start', { opId: randomUUID(), phone: '9812374650' });
    const t = await op.emit('ticket:create', { opId: randomUUID(), ticket: { phone: '9812374650', category, description: 'x', callId: call.call!.id } });
    if (disposition === 'forwarded') {
      await op.emit('ticket:update', { opId: randomUUID(), id: t.ticket!.id, version: 1, patch: { status: 'forwarded', department: 'labour' } });
    }
    await op.emit('call:end', { opId: randomUUID(), callId: call.call!.id, disposition });
  }
  const ack = await sup.emit('report:daily', { date: today() });
  expect(ack.ok).toBe(true);
  const report = (ack as unknown as { report: DailyReport }).report;
  expect(report.calls.total).toBe(3);
  expect(report.calls.byDisposition).toEqual({ ticket_raised: 1, dropped: 1, forwarded: 1 });
  expect(report.calls.hourly.reduce((a, b) => a + b, 0)).toBe(3);
  expect(report.tickets.raised).toBe(3);
  expect(report.tickets.byCategory[0]).toEqual({ category: 'food_ration', raised: 2, resolved: 0 });
  expect(report.tickets.byDepartment).toEqual([{ department: 'labour', forwarded: 1, acknowledged: 0, pending: 1 }]);
  expect(report.totalToDate).toBe(103518);
  expect((await op.emit('report:daily', { date: today() })).error?.code).toBe('forbidden');
});

it('follows a forwarded ticket to the end: department acknowledgement, callback, supervisor-only assignment', async () => {
  const hub = await startTestHub(res);
  const sup = await res.ready(hub.url, supervisorAuth());
  const op = await res.ready(hub.url, operatorAuth(3));
  const t = (await op.emit('ticket:create', { opId: randomUUID(), ticket: { phone: '9812374650', category: 'medical', description: 'Oxygen', priority: 'urgent' } })).ticket!;
  expect(Date.parse(t.dueAt as string) - Date.parse(t.createdAt)).toBe(3_600_000); // medical, urgent: 1 hour
  const fwd = (await op.emit('ticket:update', { opId: randomUUID(), id: t.id, version: 1, patch: { status: 'forwarded', department: 'health' } })).ticket!;
  expect(fwd.forwardedAt).toBeDefined();
  expect((await op.emit('ticket:update', { opId: randomUUID(), id: t.id, version: 2, patch: { assignedSeat: 3 } })).error?.code).toBe('forbidden');
  const assigned = (await sup.emit('ticket:update', { opId: randomUUID(), id: t.id, version: 2, patch: { assignedSeat: 3, escalated: true } })).ticket!;
  expect([assigned.assignedSeat, assigned.escalated]).toEqual([3, true]);
  const due = new Date(Date.now() + 3_600_000).toISOString();
  const acked = (await op.emit('ticket:update', { opId: randomUUID(), id: t.id, version: 3, patch: { departmentAck: true, departmentRef: 'HLT/2020/114', callbackDueAt: due } })).ticket!;
  expect(acked.departmentAckAt).toBeDefined();
  expect(acked.callbackDueAt).toBe(due);
  const done = (await op.emit('ticket:update', { opId: randomUUID(), id: t.id, version: 4, patch: { callbackDone: true, status: 'resolved' } })).ticket!;
  expect(done.callbackDoneAt).toBeDefined();
  expect(done.resolvedAt).toBeDefined();
  const history = await op.emit('ticket:history', { id: t.id });
  expect((history as unknown as { events: { kind: string }[] }).events.map((e) => e.kind)).toEqual(['created', 'updated', 'updated', 'updated', 'updated']);
  const mine = await op.emit('tickets:search', { assignedSeat: 3 });
  expect(mine.items!.map((i) => i.id)).toEqual([t.id]);
});
