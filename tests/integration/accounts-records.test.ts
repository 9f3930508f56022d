/**
 * What the floor records under each person's account: the operator of a call, the creator of a
 * ticket, the author of a note and of each step of the audit trail, the holder of a seat, the
 * columns of the exports; the figures supervisors judge the floor by, live and in the daily
 * report; and the work a console queued while it was cut off, sent with its token once it is
 * back, recorded under the person who did it.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { DailyReport, FloorStats, PersonFigures, TicketEvent } from '../../shared/protocol';
import { localDateKey } from '../../shared/domain/localDay';
import { operatorAuth, supervisorAuth, wallAuth, type TestClient } from '../helpers/client';
import { parseCsv } from '../helpers/csv';
import { startTestHub } from '../helpers/hub';
import { TEST_KEYS } from '../helpers/keys';
import { Resources, settle } from '../helpers/resources';
import { sleep, waitUntil } from '../helpers/wait';

const res = new Resources();
afterEach(() => res.cleanup());

const today = () => localDateKey(new Date(), 'Asia/Kolkata');

function latestStats(c: TestClient): FloorStats | undefined {
  return c.events.findLast((e) => e.event === 'stats')?.args[0] as FloorStats | undefined;
}

/** Rows of a CSV export of today, by column name. */
async function exported(hubUrl: string, sup: TestClient, kind: 'tickets' | 'calls'): Promise<Record<string, string>[]> {
  const start = await sup.emit('export:start', { kind, from: today(), to: today() });
  const [header, ...rows] = parseCsv((await (await fetch(`${hubUrl}${start.url as string}`)).text()).replace(/^\uFEFF/, ''));
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

describe('names on records', () => {
  it('come from the account: call, ticket, note, audit trail, seat and exports', async () => {
    const hub = await startTestHub(res, { seats: 8 });
    const sup = await res.ready(hub.url, supervisorAuth());
    const op = await res.ready(hub.url, operatorAuth(3, { user: 'sunita', name: 'A name typed at the seat' }));
    const call = await op.emit('call:start', { opId: randomUUID(), phone: '9876512345' });
    expect(call.call).toMatchObject({ seat: 3, user: 'sunita' });
    const created = await op.emit('ticket:create', { opId: randomUUID(), ticket: { phone: '9876512345', category: 'food_ration', description: 'No ration', callId: call.call!.id } });
    expect(created.ticket).toMatchObject({ seat: 3, createdBy: 'Sunita', createdByUser: 'sunita' });
    const noted = await sup.emit('ticket:note', { opId: randomUUID(), id: created.ticket!.id, text: 'Called the depot' });
    expect(noted.ticket!.notes[0]).toMatchObject({ seat: 0, author: 'Supervisor', user: 'sup1' });
    await op.emit('ticket:update', { opId: randomUUID(), id: created.ticket!.id, version: 2, patch: { status: 'in_progress' } });
    const ended = await op.emit('call:end', { opId: randomUUID(), callId: call.call!.id, disposition: 'ticket_raised', ticketId: created.ticket!.id });
    expect(ended.call).toMatchObject({ user: 'sunita', disposition: 'ticket_raised' });
    const history = (await sup.emit('ticket:history', { id: created.ticket!.id })).events as TicketEvent[];
    expect(history.map((e) => [e.kind, e.author, e.user])).toEqual([
      ['created', 'Sunita', 'sunita'],
      ['note', 'Supervisor', 'sup1'],
      ['updated', 'Sunita', 'sunita'],
    ]);
    await settle(hub.url, [sup]);
    expect(sup.mirror!.seats.get(3)).toMatchObject({ name: 'Sunita', user: 'sunita' });
    expect(sup.changes.find((c) => c.type === 'call.started')!.data).toMatchObject({ call: { user: 'sunita' } });

    const calls = await exported(hub.url, sup, 'calls');
    expect(calls.map((r) => [r.seat, r.operator_user])).toEqual([['3', 'sunita']]);
    const tickets = await exported(hub.url, sup, 'tickets');
    expect(tickets.map((r) => [r.created_by, r.created_by_user])).toEqual([['Sunita', 'sunita']]);
    expect(tickets[0]!.notes).toContain('Supervisor: Called the depot');
  });
});

describe("each person's figures", () => {
  it('reach supervisors live (calls, handle time, dispositions, tickets, time on break, the seat held), never the wall', async () => {
    const hub = await startTestHub(res, { seats: 8 });
    const sup = await res.ready(hub.url, supervisorAuth());
    const wall = await res.ready(hub.url, wallAuth());
    const a = await res.ready(hub.url, operatorAuth(1));
    const b = await res.ready(hub.url, operatorAuth(2, { user: 'imran' }));
    for (const [op, disposition] of [
      [a, 'info_given'],
      [a, 'ticket_raised'],
      [b, 'dropped'],
    ] as const) {
      const call = await op.emit('call:start', { opId: randomUUID(), phone: '9812300001' });
      if (disposition === 'ticket_raised') await op.emit('ticket:create', { opId: randomUUID(), ticket: { phone: '9812300001', category: 'other', description: 'x', callId: call.call!.id } });
      await sleep(50);
      await op.emit('call:end', { opId: randomUUID(), callId: call.call!.id, disposition });
    }
    expect((await b.emit('seat:set', { opId: randomUUID(), state: 'break' })).ok).toBe(true);
    await sleep(1_300);
    expect((await b.emit('seat:set', { opId: randomUUID(), state: 'ready' })).ok).toBe(true);
    const person = (u: string) => latestStats(sup)?.people?.find((p) => p.username === u);
    await waitUntil(() => person('imran')?.state === 'ready' && person('op1')?.ticketsToday === 1, 'the figures of both, after the break');
    // A break of 1.3 s, ended: counted whole, and no longer growing.
    expect(person('imran')!.breakSecondsToday).toBe(1);
    expect(person('op1')).toMatchObject<Partial<PersonFigures>>({ name: 'Operator 1', seat: 1, state: 'wrap_up', callsToday: 2, ticketsToday: 1, dispositions: { info_given: 1, ticket_raised: 1 }, breakSecondsToday: 0 });
    expect(person('op1')!.avgHandleSeconds).not.toBeNull();
    expect(person('imran')).toMatchObject({ name: 'Imran', seat: 2, state: 'ready', callsToday: 1, ticketsToday: 0, dispositions: { dropped: 1 } });
    // The supervisor's own day is there only once they did something on the floor.
    expect(person('sup1')).toBeUndefined();
    expect(wall.events.some((x) => x.event === 'stats')).toBe(true);
    for (const e of wall.events.filter((x) => x.event === 'stats')) expect((e.args[0] as FloorStats).people).toBeUndefined();
    expect(wall.rawText()).not.toMatch(/people|breakSecondsToday/);
  });

  it("the daily report has each person's day", async () => {
    const hub = await startTestHub(res, { seats: 8 });
    const sup = await res.ready(hub.url, supervisorAuth());
    const op = await res.ready(hub.url, operatorAuth(4, { user: 'kavita' }));
    for (const disposition of ['callback', 'callback', 'prank'] as const) {
      const call = await op.emit('call:start', { opId: randomUUID() });
      await op.emit('call:end', { opId: randomUUID(), callId: call.call!.id, disposition });
    }
    await op.emit('ticket:create', { opId: randomUUID(), ticket: { phone: '9812300002', category: 'other', description: 'y' } });
    await sup.emit('ticket:create', { opId: randomUUID(), ticket: { phone: '9812300003', category: 'other', description: 'z' } });
    const report = (await sup.emit('report:daily', { date: today() })).report as DailyReport;
    expect(report.byOperator).toEqual([
      { username: 'kavita', name: 'Kavita', calls: 3, avgHandleSeconds: expect.any(Number), tickets: 1, dispositions: { callback: 2, prank: 1 }, breakSeconds: 0 },
      { username: 'sup1', name: 'Supervisor', calls: 0, avgHandleSeconds: null, tickets: 1, dispositions: {}, breakSeconds: 0 },
    ]);
    const yesterday = (await sup.emit('report:daily', { date: localDateKey(new Date(Date.now() - 86_400_000), 'Asia/Kolkata') })).report as DailyReport;
    expect(yesterday.byOperator).toEqual([]);
  });
});

describe('work queued while cut off', () => {
  it('is sent with the token once the console is back, also after a hub restart, and recorded under its person', async () => {
    const dataDir = await res.dataDir();
    let hub = await startTestHub(res, { dataDir, seats: 8 });
    const clientId = randomUUID();
    const op = await res.ready(hub.url, operatorAuth(6, { clientId, user: 'anil' }));
    const { token } = op.session!;
    const sent = await op.emit('ticket:create', { opId: 'before-the-drop', ticket: { phone: '9812300004', category: 'other', description: 'sent' } });
    const since = op.seq;
    op.close();
    await hub.close();
    hub = await startTestHub(res, { dataDir, seats: 8 });
    // Back with the token (no PIN), the outbox sends what it holds, the first again as its ack was lost.
    const back = await res.ready(hub.url, { key: TEST_KEYS.operator, clientId, seat: 6, token, since }, { base: op.mirror! });
    const again = await back.emit('ticket:create', { opId: 'before-the-drop', ticket: { phone: '9812300004', category: 'other', description: 'sent' } });
    expect(again).toEqual(sent);
    const queued = await back.emit('ticket:create', { opId: 'while-offline', ticket: { phone: '9812300005', category: 'other', description: 'queued' } });
    expect(queued.ticket).toMatchObject({ createdBy: 'Anil', createdByUser: 'anil', seat: 6 });
    const note = await back.emit('ticket:note', { opId: 'note-while-offline', id: sent.ticket!.id, text: 'queued note' });
    expect(note.ticket!.notes.at(-1)).toMatchObject({ author: 'Anil', user: 'anil' });
    const sup = await res.ready(hub.url, supervisorAuth());
    const history = (await sup.emit('ticket:history', { id: sent.ticket!.id })).events as TicketEvent[];
    expect(history.map((e) => e.user)).toEqual(['anil', 'anil']);
  });
});
