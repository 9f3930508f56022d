/**
 * A database made before accounts (schema 1, as the hub wrote it then: typed names, no
 * usernames) opens in a hub with accounts, keeps every record, and its old names stay on the
 * old records; what is done from then on carries usernames.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { Ticket, TicketEvent } from '../../shared/protocol';
import { applyPragmas, Db } from '../../electron/hub/db/connection';
import { migrate, SCHEMA_VERSION } from '../../electron/hub/db/migrate';
import { operatorAuth, supervisorAuth } from '../helpers/client';
import { startTestHub } from '../helpers/hub';
import { Resources } from '../helpers/resources';
import { waitUntil } from '../helpers/wait';

const res = new Resources();
afterEach(() => res.cleanup());

/** A hub database of schema 1 with a day's work of two seats, written as the hub of then wrote it. */
async function databaseBeforeAccounts(dataDir: string): Promise<{ ticket: Ticket }> {
  const db = await Db.open(join(dataDir, 'hub.sqlite'));
  await applyPragmas(db);
  await migrate(db, 1);
  const at = new Date(Date.now() - 3_600_000).toISOString();
  const ticket: Ticket = {
    id: randomUUID(),
    number: 1,
    version: 2,
    status: 'open',
    category: 'food_ration',
    phone: '+919876500001',
    priority: 'normal',
    description: 'No ration for six days',
    createdAt: at,
    updatedAt: at,
    seat: 7,
    createdBy: 'Asha (typed)',
    notes: [{ id: randomUUID(), at, seat: 0, author: 'Supervisor (typed)', text: 'Depot informed' }],
  };
  await db.run("INSERT INTO meta (key, value) VALUES ('created_at', ?)", [at]);
  await db.run('INSERT INTO calls (id, seat, started_at, ended_at, disposition, phone, ticket_id) VALUES (?, 7, ?, ?, ?, ?, ?)', [randomUUID(), at, at, 'ticket_raised', ticket.phone, ticket.id]);
  await db.run('INSERT INTO calls (id, seat, started_at, ended_at, disposition, phone) VALUES (?, 8, ?, ?, ?, ?)', [randomUUID(), at, at, 'info_given', '+919876500002']);
  await db.run(
    `INSERT INTO tickets (id, number, status, category, priority, department, phone, seat, created_at, updated_at, due_at, assigned_seat, doc)
     VALUES (?, 1, 'open', 'food_ration', 'normal', NULL, ?, 7, ?, ?, NULL, NULL, ?)`,
    [ticket.id, ticket.phone, at, at, JSON.stringify(ticket)],
  );
  await db.run('INSERT INTO tickets_fts (rowid, phone, body) VALUES (1, ?, ?)', ['919876500001 9876500001', ticket.description]);
  await db.run("INSERT INTO ticket_events (ticket_id, at, seat, author, kind, detail) VALUES (?, ?, 7, 'Asha (typed)', 'created', '{}')", [ticket.id, at]);
  await db.run("INSERT INTO ticket_events (ticket_id, at, seat, author, kind, detail) VALUES (?, ?, 0, 'Supervisor (typed)', 'note', ?)", [ticket.id, at, JSON.stringify({ text: 'Depot informed' })]);
  await db.run("INSERT INTO seats (seat, name, state, since) VALUES (7, 'Asha (typed)', 'offline', ?)", [at]);
  await db.run("INSERT INTO exports (id, at, who, kind, from_day, to_day, rows, finished) VALUES (?, ?, 'Supervisor (typed)', 'calls', '2020-05-01', '2020-05-02', 2, ?)", [randomUUID(), at, at]);
  await db.run("INSERT INTO changes (seq, type, data, at) VALUES (1, 'ticket.created', ?, ?)", [JSON.stringify({ ticket }), at]);
  expect((await db.get<{ user_version: number }>('PRAGMA user_version'))!.user_version).toBe(1);
  await db.close();
  return { ticket };
}

it('opens a database from before accounts with all its records, old names kept, new work under usernames', async () => {
  expect(SCHEMA_VERSION).toBeGreaterThan(1);
  const dataDir = await res.dataDir();
  const { ticket } = await databaseBeforeAccounts(dataDir);
  const hub = await startTestHub(res, { dataDir, seats: 8 });
  const sup = await res.ready(hub.url, supervisorAuth());
  const snap = sup.snapshots[0]!;
  expect(snap.counter.total).toBe(2);
  expect(snap.tickets).toEqual([ticket]);
  expect(snap.seats.find((s) => s.seat === 7)).toEqual({ seat: 7, name: 'Asha (typed)', state: 'offline', since: ticket.createdAt });
  const history = (await sup.emit('ticket:history', { id: ticket.id })).events as TicketEvent[];
  expect(history.map((e) => [e.author, e.user])).toEqual([
    ['Asha (typed)', undefined],
    ['Supervisor (typed)', undefined],
  ]);
  expect((await sup.emit('tickets:search', { text: 'ration' })).items!.map((t) => t.number)).toEqual([1]);
  expect((await sup.emit('caller:lookup', { phone: '9876500002' })).calls).toEqual([expect.objectContaining({ seat: 8, disposition: 'info_given' })]);
  // The old records stand as they were; the next ticket has the next number and a username.
  const op = await res.ready(hub.url, operatorAuth(7));
  const next = await op.emit('ticket:create', { opId: randomUUID(), ticket: { phone: '9876500001', category: 'other', description: 'after the upgrade' } });
  expect(next.ticket).toMatchObject({ number: 2, createdBy: 'Operator 7', createdByUser: 'op7' });
  await waitUntil(() => sup.mirror!.seats.get(7)?.user === 'op7', 'seat 7 held by op7');
  expect(sup.mirror!.tickets.get(ticket.id)).toEqual(ticket);
});

it('a database from before accounts, started without a users list, gets a first supervisor who must choose a PIN', async () => {
  const dataDir = await res.dataDir();
  await databaseBeforeAccounts(dataDir);
  const lines: string[] = [];
  const hub = await startTestHub(res, { dataDir, users: [], log: (l) => lines.push(l) });
  expect(hub.firstSupervisor).toMatchObject({ username: 'supervisor', file: join(dataDir, 'first-supervisor.txt') });
  expect(lines.join('\n')).toContain('first-supervisor.txt');
  expect(lines.join('\n')).not.toContain(hub.firstSupervisor!.pin);
  const sup = res.client(hub.url, supervisorAuth({ user: 'supervisor', pin: hub.firstSupervisor!.pin }));
  expect(await sup.signedIn()).toMatchObject({ mustChangePin: true, user: { username: 'supervisor', name: 'Supervisor', role: 'supervisor' } });
});
