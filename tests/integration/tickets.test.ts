/**
 * Tickets: numbers count from 1 per hub, versions start at 1 and grow by one per change, a
 * stale version is a conflict that carries the current ticket (nothing is overwritten
 * silently), notes bump the version, unknown ids are not_found.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../shared/protocol';
import { type TestClient, operatorAuth, supervisorAuth } from '../helpers/client';
import { startTestHub, type TestHub } from '../helpers/hub';
import { healthz, Resources, settle } from '../helpers/resources';
import { sleep } from '../helpers/wait';

const res = new Resources();
let hub: TestHub;
let op: TestClient;
let op2: TestClient;
let sup: TestClient;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

beforeAll(async () => {
  hub = await startTestHub(res);
  sup = await res.ready(hub.url, supervisorAuth());
  op = await res.ready(hub.url, operatorAuth(3, { user: 'sunita' }));
  op2 = await res.ready(hub.url, operatorAuth(4, { user: 'imran' }));
});
afterAll(() => res.cleanup());

async function create(client: TestClient, description: string, extra: Record<string, unknown> = {}): Promise<Ticket> {
  const ack = await client.emit('ticket:create', { opId: randomUUID(), ticket: { phone: '9876543210', category: 'food_ration', description, ...extra } });
  expect(ack, description).toMatchObject({ ok: true });
  return ack.ticket!;
}

/** Runs `action`, then checks that the hub's seq did not move. */
async function expectNoChange(action: () => Promise<void>): Promise<void> {
  const before = await settle(hub.url, [sup]);
  await action();
  await sleep(50);
  expect((await healthz(hub.url)).seq).toBe(before);
}

describe('ticket:create', () => {
  it('numbers tickets from 1 and fills the contract fields', async () => {
    const call = await op.emit('call:start', { opId: randomUUID(), phone: '9876543210' });
    const t1 = await create(op, 'No ration for three weeks', {
      phone: '098765-43210',
      callerName: 'Ramesh Kumar',
      locality: 'Sector 14',
      language: 'hi',
      priority: 'urgent',
      callId: call.call!.id,
    });
    const t2 = await create(op2, 'Needs a movement pass');
    const t3 = await create(op, 'Asked about Aarogya Setu');
    expect([t1.number, t2.number, t3.number]).toEqual([1, 2, 3]);
    expect(t1).toMatchObject({
      number: 1,
      version: 1,
      status: 'open',
      category: 'food_ration',
      phone: '+919876543210',
      callerName: 'Ramesh Kumar',
      locality: 'Sector 14',
      language: 'hi',
      priority: 'urgent',
      description: 'No ration for three weeks',
      callId: call.call!.id,
      seat: 3,
      notes: [],
    });
    expect(t2.priority).toBe('normal');
    expect(t2.seat).toBe(4);
    expect(t1.createdAt).toMatch(ISO_UTC);
    expect(t1.updatedAt).toMatch(ISO_UTC);
    expect(new Set([t1.id, t2.id, t3.id]).size).toBe(3);
    await settle(hub.url, [sup, op, op2]);
    const created = sup.changes.filter((c) => c.type === 'ticket.created').map((c) => (c.type === 'ticket.created' ? c.data.ticket : null));
    expect(created).toEqual([t1, t2, t3]);
    await op.emit('call:end', { opId: randomUUID(), callId: call.call!.id, disposition: 'ticket_raised', ticketId: t1.id });
  });

  it('trims free text', async () => {
    const t = await create(op, '   Padded description   ', { callerName: '  Meena  ' });
    expect(t.description).toBe('Padded description');
    expect(t.callerName).toBe('Meena');
  });
});

describe('ticket:update', () => {
  it('with the current version applies the patch and bumps the version by one', async () => {
    const t = await create(op, 'Update me');
    const ack = await op2.emit('ticket:update', { opId: randomUUID(), id: t.id, version: 1, patch: { status: 'in_progress', department: 'food_supplies' } });
    expect(ack.ok).toBe(true);
    expect(ack.ticket).toMatchObject({ id: t.id, number: t.number, version: 2, status: 'in_progress', department: 'food_supplies', description: 'Update me' });
    expect(Date.parse(ack.ticket!.updatedAt)).toBeGreaterThanOrEqual(Date.parse(t.updatedAt));
    expect(ack.ticket!.createdAt).toBe(t.createdAt);
    const ack3 = await op.emit('ticket:update', { opId: randomUUID(), id: t.id, version: 2, patch: { priority: 'urgent', description: 'Updated twice' } });
    expect(ack3.ticket).toMatchObject({ version: 3, priority: 'urgent', description: 'Updated twice', status: 'in_progress' });
    await settle(hub.url, [sup]);
    expect(sup.mirror!.tickets.get(t.id)).toEqual(ack3.ticket);
    const updates = sup.changes.filter((c) => c.type === 'ticket.updated' && c.data.ticket.id === t.id);
    expect(updates.map((c) => (c.type === 'ticket.updated' ? c.data.ticket.version : 0))).toEqual([2, 3]);
  });

  it('with a stale version is a conflict carrying the current ticket, and changes nothing', async () => {
    const t = await create(op, 'Two seats edit at once');
    const winner = await op.emit('ticket:update', { opId: randomUUID(), id: t.id, version: 1, patch: { status: 'forwarded', department: 'police' } });
    expect(winner.ticket!.version).toBe(2);
    let loser: Awaited<ReturnType<TestClient['emit']>> | undefined;
    await expectNoChange(async () => {
      loser = await op2.emit('ticket:update', { opId: randomUUID(), id: t.id, version: 1, patch: { status: 'resolved' } });
    });
    expect(loser!.ok).toBe(false);
    expect(loser!.error!.code).toBe('conflict');
    // The project's typed contract puts the current ticket both at top level and in the error.
    expect(loser!.ticket).toEqual(winner.ticket);
    expect(loser!.error!.ticket).toEqual(winner.ticket);
  });

  it('two updates with the same version at once: exactly one wins', async () => {
    const t = await create(op, 'Race for version 1');
    const [a, b] = await Promise.all([
      op.emit('ticket:update', { opId: randomUUID(), id: t.id, version: 1, patch: { status: 'in_progress' } }),
      op2.emit('ticket:update', { opId: randomUUID(), id: t.id, version: 1, patch: { status: 'forwarded' } }),
    ]);
    expect([a!.ok, b!.ok].filter(Boolean)).toHaveLength(1);
    const lost = a!.ok ? b! : a!;
    const won = a!.ok ? a! : b!;
    expect(lost.error!.code).toBe('conflict');
    expect(won.ticket!.version).toBe(2);
    await settle(hub.url, [sup]);
    expect(sup.mirror!.tickets.get(t.id)).toEqual(won.ticket);
  });

  it('a version from the future is refused and changes nothing', async () => {
    const t = await create(op, 'Future version');
    let ack: Awaited<ReturnType<TestClient['emit']>> | undefined;
    await expectNoChange(async () => {
      ack = await op.emit('ticket:update', { opId: randomUUID(), id: t.id, version: 7, patch: { status: 'resolved' } });
    });
    expect(ack!.ok).toBe(false);
    expect(['conflict', 'invalid']).toContain(ack!.error!.code);
  });

  it('a closed ticket can only be reopened', async () => {
    const t = await create(op, 'Close and reopen');
    const closed = await op.emit('ticket:update', { opId: randomUUID(), id: t.id, version: 1, patch: { status: 'closed' } });
    expect(closed.ticket!.status).toBe('closed');
    await expectNoChange(async () => {
      const bad = await op.emit('ticket:update', { opId: randomUUID(), id: t.id, version: 2, patch: { status: 'in_progress' } });
      expect(bad.ok).toBe(false);
    });
    const reopened = await op.emit('ticket:update', { opId: randomUUID(), id: t.id, version: 2, patch: { status: 'open' } });
    expect(reopened.ticket).toMatchObject({ status: 'open', version: 3 });
  });
});

describe('ticket:note', () => {
  it('adds a note with its author and seat, and bumps the version', async () => {
    const t = await create(op, 'Needs a callback');
    const ack = await op2.emit('ticket:note', { opId: randomUUID(), id: t.id, text: '  Called back at 4 pm, ration delivered  ' });
    expect(ack.ok).toBe(true);
    expect(ack.ticket!.version).toBe(2);
    expect(ack.ticket!.notes).toHaveLength(1);
    // Its author is the account the note was written under, by name and username.
    expect(ack.ticket!.notes[0]).toMatchObject({ seat: 4, author: 'Imran', user: 'imran', text: 'Called back at 4 pm, ration delivered' });
    expect(ack.ticket!.notes[0]!.at).toMatch(ISO_UTC);
    const ack2 = await op.emit('ticket:note', { opId: randomUUID(), id: t.id, text: 'Second note' });
    expect(ack2.ticket!.version).toBe(3);
    expect(ack2.ticket!.notes.map((n) => n.text)).toEqual(['Called back at 4 pm, ration delivered', 'Second note']);
    // A note moves the version, so an update based on the old version is a conflict.
    const stale = await op.emit('ticket:update', { opId: randomUUID(), id: t.id, version: 1, patch: { status: 'resolved' } });
    expect(stale.error?.code).toBe('conflict');
    await settle(hub.url, [sup]);
    expect(sup.mirror!.tickets.get(t.id)).toEqual(ack2.ticket);
  });

  it('a supervisor note is written as seat 0', async () => {
    const t = await create(op, 'Supervisor follows up');
    const ack = await sup.emit('ticket:note', { opId: randomUUID(), id: t.id, text: 'Escalated to the district office' });
    expect(ack.ok).toBe(true);
    expect(ack.ticket!.notes[0]).toMatchObject({ seat: 0, author: 'Supervisor', user: 'sup1' });
  });
});

describe('unknown ids', () => {
  it.each([
    ['ticket:update', () => ({ opId: randomUUID(), id: randomUUID(), version: 1, patch: { status: 'resolved' } })],
    ['ticket:note', () => ({ opId: randomUUID(), id: randomUUID(), text: 'Nobody home' })],
    ['call:end', () => ({ opId: randomUUID(), callId: randomUUID(), disposition: 'dropped' })],
  ])('%s with an unknown id is not_found and changes nothing', async (event, payload) => {
    await expectNoChange(async () => {
      const ack = await op.emit(event, payload());
      expect(ack.ok).toBe(false);
      expect(ack.error!.code).toBe('not_found');
      expect(typeof ack.error!.message).toBe('string');
    });
  });

  it('call:end naming an unknown ticket is not_found and leaves the call open', async () => {
    const call = await op2.emit('call:start', { opId: randomUUID() });
    await expectNoChange(async () => {
      const ack = await op2.emit('call:end', { opId: randomUUID(), callId: call.call!.id, disposition: 'ticket_raised', ticketId: randomUUID() });
      expect(ack.error?.code).toBe('not_found');
    });
    expect(sup.mirror!.seats.get(4)?.state).toBe('on_call');
    const end = await op2.emit('call:end', { opId: randomUUID(), callId: call.call!.id, disposition: 'info_given' });
    expect(end.ok).toBe(true);
    expect(end.call).toMatchObject({ id: call.call!.id, seat: 4, disposition: 'info_given' });
    expect(end.call!.endedAt).toMatch(ISO_UTC);
  });

  it('ending a call twice with two op ids is refused the second time', async () => {
    const call = await op2.emit('call:start', { opId: randomUUID() });
    const end = await op2.emit('call:end', { opId: randomUUID(), callId: call.call!.id, disposition: 'callback' });
    expect(end.ok).toBe(true);
    await expectNoChange(async () => {
      const again = await op2.emit('call:end', { opId: randomUUID(), callId: call.call!.id, disposition: 'dropped' });
      expect(again.ok).toBe(false);
    });
  });
});
