/**
 * Roles: the wall only watches (never mutates, never sees a full phone number), operators act
 * only as their own seat, and a second window for a seat takes the seat over.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Call, Ticket } from '../../shared/protocol';
import { type TestClient, operatorAuth, supervisorAuth, wallAuth } from '../helpers/client';
import { startTestHub, type TestHub } from '../helpers/hub';
import { healthz, Resources, settle, waitSeatsOffline } from '../helpers/resources';
import { sleep, waitUntil } from '../helpers/wait';

const res = new Resources();
const perTest = new Resources();
let hub: TestHub;
let sup: TestClient;

beforeAll(async () => {
  hub = await startTestHub(res);
  sup = await res.ready(hub.url, supervisorAuth());
});
afterEach(async () => {
  await perTest.cleanup();
  // Every seat a test used goes offline before the next test measures "nothing changed".
  await waitSeatsOffline(sup, [1, 2, 5, 6, 7, 9, 10, 11]);
});
afterAll(() => res.cleanup());

// A number with no repeated digit runs, so that no timestamp or id contains it by chance.
const PHONE_DIGITS = '9812374650';
const LAST4 = PHONE_DIGITS.slice(-4);

function expectMasked(phone: string | undefined, where: string): void {
  expect(phone, where).toBeDefined();
  expect(phone!.replace(/\D/g, ''), `${where}: only the last 4 digits may show`).toBe(LAST4);
}

describe('wall', () => {
  it('every mutation from a wall key is forbidden and changes nothing', async () => {
    const op = await perTest.ready(hub.url, operatorAuth(1));
    const call = await op.emit('call:start', { opId: randomUUID() });
    const t = await op.emit('ticket:create', { opId: randomUUID(), ticket: { phone: '9876543210', category: 'other', description: 'Wall may not touch this' } });
    const wall = await perTest.ready(hub.url, wallAuth());
    const before = await settle(hub.url, [sup, wall]);
    const attempts: [string, unknown][] = [
      ['call:start', { opId: randomUUID() }],
      ['call:end', { opId: randomUUID(), callId: call.call!.id, disposition: 'dropped' }],
      ['ticket:create', { opId: randomUUID(), ticket: { phone: '9876543210', category: 'other', description: 'From the wall' } }],
      ['ticket:update', { opId: randomUUID(), id: t.ticket!.id, version: 1, patch: { status: 'closed' } }],
      ['ticket:note', { opId: randomUUID(), id: t.ticket!.id, text: 'Wall note' }],
      ['seat:set', { opId: randomUUID(), state: 'break' }],
    ];
    for (const [event, payload] of attempts) {
      const ack = await wall.emit(event, payload);
      expect(ack.ok, event).toBe(false);
      expect(ack.error!.code, event).toBe('forbidden');
    }
    await sleep(100);
    expect((await healthz(hub.url)).seq).toBe(before);
    expect(wall.changes.filter((c) => c.seq > before)).toEqual([]);
  });

  it('sees phone numbers masked everywhere: snapshot, changes, acks; the full number never reaches it', async () => {
    const op = await perTest.ready(hub.url, operatorAuth(2));
    // Some data before the wall connects (it arrives in the snapshot) ...
    const call1 = await op.emit('call:start', { opId: randomUUID(), phone: PHONE_DIGITS });
    const t1 = await op.emit('ticket:create', { opId: randomUUID(), ticket: { phone: `0${PHONE_DIGITS}`, category: 'medical', description: 'Oxygen needed', callId: call1.call!.id } });
    await op.emit('call:end', { opId: randomUUID(), callId: call1.call!.id, disposition: 'ticket_raised', ticketId: t1.ticket!.id });

    const wall = await perTest.ready(hub.url, wallAuth());
    const snapTicket = wall.snapshots[0]!.tickets.find((x) => x.id === t1.ticket!.id);
    expect(snapTicket, 'the ticket is in the wall snapshot').toBeDefined();
    expectMasked(snapTicket!.phone, 'snapshot ticket');

    // ... and some after (it arrives as changes).
    const call2 = await op.emit('call:start', { opId: randomUUID(), phone: `+91 ${PHONE_DIGITS.slice(0, 5)} ${PHONE_DIGITS.slice(5)}` });
    const t2 = await op.emit('ticket:create', { opId: randomUUID(), ticket: { phone: PHONE_DIGITS, category: 'medical', description: 'Second call', callId: call2.call!.id } });
    await op.emit('ticket:update', { opId: randomUUID(), id: t2.ticket!.id, version: 1, patch: { status: 'forwarded', department: 'health' } });
    await op.emit('ticket:note', { opId: randomUUID(), id: t2.ticket!.id, text: 'Forwarded to the health department' });
    await op.emit('call:end', { opId: randomUUID(), callId: call2.call!.id, disposition: 'ticket_raised', ticketId: t2.ticket!.id });
    await settle(hub.url, [sup, wall]);

    const seen = { calls: 0, tickets: 0 };
    for (const c of wall.changes) {
      if (c.type === 'call.started' || c.type === 'call.ended') {
        const call: Call = c.data.call;
        if (call.phone !== undefined) {
          expectMasked(call.phone, `${c.type} ${c.seq}`);
          seen.calls++;
        }
      }
      if (c.type === 'ticket.created' || c.type === 'ticket.updated') {
        const ticket: Ticket = c.data.ticket;
        expectMasked(ticket.phone, `${c.type} ${c.seq}`);
        seen.tickets++;
      }
    }
    expect(seen.calls).toBeGreaterThanOrEqual(1);
    expect(seen.tickets).toBeGreaterThanOrEqual(3);

    // Reads the wall may make are masked too (or refused).
    for (const [event, payload] of [
      ['tickets:search', {}],
      ['tickets:search', { phone: PHONE_DIGITS }],
      ['caller:lookup', { phone: PHONE_DIGITS }],
      ['ticket:history', { id: t2.ticket!.id }],
    ] as const) {
      const ack = await wall.emit(event, payload);
      if (!ack.ok) expect(ack.error!.code, event).toBe('forbidden');
    }

    // The supervisor sees the full number (the masking is for the wall only).
    expect(sup.mirror!.tickets.get(t2.ticket!.id)!.phone).toBe(`+91${PHONE_DIGITS}`);

    // Nothing the wall received, in any frame, holds the number or a long part of it.
    const raw = wall.rawText();
    expect(raw.length).toBeGreaterThan(0);
    const compact = raw.replace(/[\s\-().]/g, '');
    expect(compact).not.toContain(PHONE_DIGITS);
    expect(compact).not.toContain(PHONE_DIGITS.slice(0, 6));
    expect(compact).not.toContain(PHONE_DIGITS.slice(2, 8));
  });
});

describe('operators', () => {
  it("cannot end another seat's call", async () => {
    const a = await perTest.ready(hub.url, operatorAuth(5));
    const b = await perTest.ready(hub.url, operatorAuth(6));
    const call = await a.emit('call:start', { opId: randomUUID() });
    const before = await settle(hub.url, [sup, a, b]);
    const ack = await b.emit('call:end', { opId: randomUUID(), callId: call.call!.id, disposition: 'prank' });
    expect(ack.ok).toBe(false);
    expect(ack.error!.code).toBe('forbidden');
    await sleep(50);
    expect((await healthz(hub.url)).seq).toBe(before);
    expect(sup.mirror!.seats.get(5)).toMatchObject({ state: 'on_call', callId: call.call!.id });
    expect((await a.emit('call:end', { opId: randomUUID(), callId: call.call!.id, disposition: 'info_given' })).ok).toBe(true);
  });

  it('cannot name another seat in a payload', async () => {
    const a = await perTest.ready(hub.url, operatorAuth(7));
    const before = await settle(hub.url, [sup, a]);
    for (const [event, payload] of [
      ['call:start', { opId: randomUUID(), seat: 8 }],
      ['seat:set', { opId: randomUUID(), state: 'break', seat: 8 }],
      ['ticket:create', { opId: randomUUID(), ticket: { phone: '9876543210', category: 'other', description: 'x', seat: 8 } }],
    ] as const) {
      const ack = await a.emit(event, payload);
      expect(ack.ok, event).toBe(false);
      expect(['invalid', 'forbidden'], event).toContain(ack.error!.code);
    }
    await sleep(50);
    expect((await healthz(hub.url)).seq).toBe(before);
  });
});

describe('seat takeover', () => {
  it('a second connection of the same person for a seat revokes the first; the seat stays online', async () => {
    const first = await perTest.ready(hub.url, operatorAuth(9));
    await settle(hub.url, [sup, first]);
    const marker = sup.seq;
    const second = await perTest.ready(hub.url, operatorAuth(9));
    await waitUntil(() => first.disconnectReason !== null, 'the first socket to be disconnected');
    expect(first.disconnectReason).toBe('io server disconnect');
    const revoked = first.events.find((e) => e.event === 'seat:revoked');
    expect(revoked, 'seat:revoked reached the old socket').toBeDefined();
    expect(revoked!.args[0]).toMatchObject({ seat: 9 });
    expect(typeof (revoked!.args[0] as { reason: unknown }).reason).toBe('string');
    await settle(hub.url, [sup, second]);
    // At no point after the takeover did the seat go offline.
    const seat9 = sup.changes.filter((c) => c.seq > marker && c.type === 'seat.updated' && c.data.seat.seat === 9);
    for (const c of seat9) expect(c.type === 'seat.updated' && c.data.seat.state).not.toBe('offline');
    expect(sup.mirror!.seats.get(9)!.state).not.toBe('offline');
    const fresh = await perTest.ready(hub.url, supervisorAuth());
    expect(fresh.snapshots[0]!.seats.find((s) => s.seat === 9)!.state).not.toBe('offline');
    // The new window works; the old one is gone.
    expect((await second.emit('seat:set', { opId: randomUUID(), state: 'break' })).ok).toBe(true);
    expect(first.socket.connected).toBe(false);
  });

  it('a seat taken over during a call keeps its call, and the new window can end it', async () => {
    const first = await perTest.ready(hub.url, operatorAuth(10));
    const call = await first.emit('call:start', { opId: randomUUID(), phone: '9876543210' });
    const second = await perTest.ready(hub.url, operatorAuth(10));
    await waitUntil(() => first.disconnectReason !== null, 'the first socket to be disconnected');
    await settle(hub.url, [sup, second]);
    expect(sup.mirror!.seats.get(10)).toMatchObject({ state: 'on_call', callId: call.call!.id });
    const end = await second.emit('call:end', { opId: randomUUID(), callId: call.call!.id, disposition: 'info_given' });
    expect(end.ok).toBe(true);
  });

  it('closing the revoked window later does not take the new window offline', async () => {
    const first = await perTest.ready(hub.url, operatorAuth(11));
    const second = await perTest.ready(hub.url, operatorAuth(11));
    await waitUntil(() => first.disconnectReason !== null, 'the first socket to be disconnected');
    first.close();
    await sleep(200);
    await settle(hub.url, [sup, second]);
    expect(sup.mirror!.seats.get(11)!.state).toBe('ready');
    second.close();
    await waitUntil(() => sup.mirror!.seats.get(11)!.state === 'offline', 'seat 11 offline once its last window closed');
  });
});
