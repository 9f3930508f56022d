/**
 * Hostile or broken input: every payload is checked against its schema; anything else gets
 * `invalid` and changes nothing. Oversized messages and floods are refused without harming
 * other seats, and the hub never goes down.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AckDropped, type AckResult, emitAck, type TestClient, operatorAuth, supervisorAuth } from '../helpers/client';
import { startTestHub, type TestHub } from '../helpers/hub';
import { healthz, Resources, settle, waitSeatsOffline } from '../helpers/resources';
import { sleep } from '../helpers/wait';

const res = new Resources();
const perTest = new Resources();
let hub: TestHub;
let sup: TestClient;
let ticketId: string;
let callId: string;
let nextSeat = 1;

beforeAll(async () => {
  hub = await startTestHub(res, { seats: 40 });
  sup = await res.ready(hub.url, supervisorAuth());
  // A call and a ticket that valid-looking but broken updates can point at.
  const owner = await res.ready(hub.url, operatorAuth(40));
  callId = (await owner.emit('call:start', { opId: randomUUID() })).call!.id;
  ticketId = (await owner.emit('ticket:create', { opId: randomUUID(), ticket: { phone: '9876543210', category: 'other', description: 'Target of bad updates' } })).ticket!.id;
});
const openedSeats = new Set<number>();
afterEach(async () => {
  await perTest.cleanup();
  await waitSeatsOffline(sup, openedSeats);
  openedSeats.clear();
});
afterAll(() => res.cleanup());

/**
 * A fresh operator for each case, on its own seat and client id, so that a rate limit earned
 * by one case cannot answer for another.
 */
async function freshOperator(): Promise<TestClient> {
  const seat = nextSeat;
  nextSeat = (nextSeat % 38) + 1;
  openedSeats.add(seat);
  return perTest.ready(hub.url, operatorAuth(seat));
}

const ticket = { phone: '9876543210', category: 'food_ration', description: 'Valid ticket body' };
const proto = (json: string): unknown => JSON.parse(json);

type Case = [label: string, event: string, payload: () => unknown];
const cases: Case[] = [
  // Unknown keys.
  ['call:start with an unknown key', 'call:start', () => ({ opId: randomUUID(), urgent: true })],
  ['ticket:create with an unknown key in the ticket', 'ticket:create', () => ({ opId: randomUUID(), ticket: { ...ticket, number: 1 } })],
  ['ticket:create with an unknown top-level key', 'ticket:create', () => ({ opId: randomUUID(), ticket, clientId: 'x' })],
  ['ticket:update with an unknown patch key', 'ticket:update', () => ({ opId: randomUUID(), id: ticketId, version: 1, patch: { phone: '9876543211' } })],
  ['ticket:update changing the version through the patch', 'ticket:update', () => ({ opId: randomUUID(), id: ticketId, version: 1, patch: { version: 9 } })],
  ['seat:set with an unknown key', 'seat:set', () => ({ opId: randomUUID(), state: 'break', since: 'now' })],
  // Wrong types.
  ['call:start with a numeric opId', 'call:start', () => ({ opId: 42 })],
  ['call:start with an empty opId', 'call:start', () => ({ opId: '' })],
  ['call:start with an opId of 200 characters', 'call:start', () => ({ opId: 'x'.repeat(200) })],
  ['call:start with a numeric phone', 'call:start', () => ({ opId: randomUUID(), phone: 9876543210 })],
  ['ticket:create with a ticket that is a string', 'ticket:create', () => ({ opId: randomUUID(), ticket: JSON.stringify(ticket) })],
  ['ticket:update with a string version', 'ticket:update', () => ({ opId: randomUUID(), id: ticketId, version: '1', patch: { status: 'resolved' } })],
  ['ticket:update with version 0', 'ticket:update', () => ({ opId: randomUUID(), id: ticketId, version: 0, patch: { status: 'resolved' } })],
  ['ticket:update with a fractional version', 'ticket:update', () => ({ opId: randomUUID(), id: ticketId, version: 1.5, patch: { status: 'resolved' } })],
  ['ticket:update with an unknown status', 'ticket:update', () => ({ opId: randomUUID(), id: ticketId, version: 1, patch: { status: 'done' } })],
  ['ticket:update with an empty patch', 'ticket:update', () => ({ opId: randomUUID(), id: ticketId, version: 1, patch: {} })],
  ['ticket:update with an id that is an object', 'ticket:update', () => ({ opId: randomUUID(), id: { $gt: '' }, version: 1, patch: { status: 'resolved' } })],
  ['ticket:note with empty text', 'ticket:note', () => ({ opId: randomUUID(), id: ticketId, text: '   ' })],
  ['ticket:note with text that is an array', 'ticket:note', () => ({ opId: randomUUID(), id: ticketId, text: ['a'] })],
  ['call:end with an unknown disposition', 'call:end', () => ({ opId: randomUUID(), callId, disposition: 'hung_up' })],
  ['tickets:search with limit 0', 'tickets:search', () => ({ limit: 0 })],
  ['tickets:search with a fractional limit', 'tickets:search', () => ({ limit: 2.5 })],
  ['tickets:search with an unknown status', 'tickets:search', () => ({ status: 'lost' })],
  ['tickets:search with an unknown key', 'tickets:search', () => ({ sql: '1=1' })],
  // Missing fields.
  ['call:start without opId', 'call:start', () => ({ phone: '9876543210' })],
  ['ticket:create without ticket', 'ticket:create', () => ({ opId: randomUUID() })],
  ['ticket:create without description', 'ticket:create', () => ({ opId: randomUUID(), ticket: { phone: '9876543210', category: 'other' } })],
  ['ticket:create without phone', 'ticket:create', () => ({ opId: randomUUID(), ticket: { category: 'other', description: 'No phone' } })],
  ['ticket:create with an empty description', 'ticket:create', () => ({ opId: randomUUID(), ticket: { ...ticket, description: '  ' } })],
  ['ticket:create with a category that is not an id', 'ticket:create', () => ({ opId: randomUUID(), ticket: { ...ticket, category: 'Food Ration!' } })],
  ['ticket:create with an unknown priority', 'ticket:create', () => ({ opId: randomUUID(), ticket: { ...ticket, priority: 'critical' } })],
  ['ticket:update without version', 'ticket:update', () => ({ opId: randomUUID(), id: ticketId, patch: { status: 'resolved' } })],
  ['call:end without disposition', 'call:end', () => ({ opId: randomUUID(), callId })],
  ['seat:set without state', 'seat:set', () => ({ opId: randomUUID() })],
  // Prototype tricks, as JSON.parse makes them (own "__proto__" keys).
  ['call:start with a __proto__ key', 'call:start', () => proto('{"opId":"5d0c1b1e-0000-4000-8000-000000000001","__proto__":{"polluted":1}}')],
  ['ticket:create with __proto__ inside the ticket', 'ticket:create', () => ({ opId: randomUUID(), ticket: proto('{"phone":"9876543210","category":"other","description":"proto","__proto__":{"polluted":1}}') })],
  ['ticket:update with a __proto__ patch', 'ticket:update', () => ({ opId: randomUUID(), id: ticketId, version: 1, patch: proto('{"__proto__":{"status":"closed","polluted":1}}') })],
  ['ticket:update with constructor.prototype', 'ticket:update', () => ({ opId: randomUUID(), id: ticketId, version: 1, patch: proto('{"constructor":{"prototype":{"polluted":1}}}') })],
  ['seat:set with a __proto__ key', 'seat:set', () => proto('{"opId":"5d0c1b1e-0000-4000-8000-000000000002","state":"break","__proto__":{"polluted":1}}')],
  // Not an object at all.
  ['call:start with null', 'call:start', () => null],
  ['call:start with a number', 'call:start', () => 42],
  ['call:start with a string', 'call:start', () => 'start'],
  ['call:start with an array', 'call:start', () => [{ opId: randomUUID() }]],
  ['ticket:create with true', 'ticket:create', () => true],
  ['ticket:note with an array', 'ticket:note', () => []],
  ['tickets:search with a string', 'tickets:search', () => 'ration'],
  ['seat:set with null', 'seat:set', () => null],
  // Phone numbers that are not plausible.
  ...(
    [
      ['12345', 'too short'],
      ['1234567890', 'ten digits not starting 6-9'],
      ['+91 12345 6789', 'nine digits after +91'],
      ['98765O43210', 'a letter O'],
      ['abcdefghij', 'letters'],
      ['', 'empty'],
      ['   ', 'blank'],
      ['+91 98765 432101', 'eleven digits after +91'],
      ['9'.repeat(41), 'over 40 characters'],
      ['98765 43210; DROP TABLE tickets', 'text after the number'],
    ] as const
  ).flatMap(([phone, why]): Case[] => [
    [`call:start with phone "${phone.slice(0, 20)}" (${why})`, 'call:start', () => ({ opId: randomUUID(), phone })],
    [`ticket:create with phone "${phone.slice(0, 20)}" (${why})`, 'ticket:create', () => ({ opId: randomUUID(), ticket: { ...ticket, phone } })],
  ]),
];

describe('invalid payloads', () => {
  it.each(cases)('%s → invalid, nothing changes', async (_label, event, payload) => {
    const op = await freshOperator();
    const before = await settle(hub.url, [sup, op]);
    const ack = await op.emit(event, payload());
    expect(ack.ok).toBe(false);
    expect(ack.error?.code).toBe('invalid');
    expect(typeof ack.error?.message).toBe('string');
    await sleep(30);
    expect((await healthz(hub.url)).seq).toBe(before);
    expect(op.socket.connected).toBe(true);
  });

  it('no prototype was polluted in the hub process', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });
});

describe('messages the hub must survive', () => {
  it('an event without an ack callback, or with the callback in place of the payload', async () => {
    const op = await freshOperator();
    const before = await settle(hub.url, [sup, op]);
    op.socket.emit('ticket:update', { opId: randomUUID(), id: ticketId, version: 1, patch: { status: 'bogus' } });
    op.socket.emit('call:start', null);
    op.socket.emit('ticket:note');
    let odd: unknown = 'no answer';
    op.socket.emit('ticket:note', (a: unknown) => {
      odd = a;
    });
    await sleep(200);
    // Nothing valid was asked, so nothing changed, and the hub still answers this socket.
    expect((await healthz(hub.url)).seq).toBe(before);
    if (odd !== 'no answer') expect((odd as AckResult).ok).toBe(false);
    expect(op.socket.connected).toBe(true);
    expect((await op.emit('seat:set', { opId: randomUUID(), state: 'break' })).ok).toBe(true);
  });

  it('a valid mutation without an ack callback does not break the socket', async () => {
    const op = await freshOperator();
    op.socket.emit('seat:set', { opId: randomUUID(), state: 'break' });
    await sleep(100);
    expect(op.socket.connected).toBe(true);
    expect((await op.emit('seat:set', { opId: randomUUID(), state: 'ready' })).ok).toBe(true);
  });

  it('unknown event names are ignored or refused, and change nothing', async () => {
    const op = await freshOperator();
    const before = await settle(hub.url, [sup, op]);
    for (const event of ['ticket:delete', 'admin:reset', 'counter:set', 'constructor', '__proto__', 'hasOwnProperty', 'toString']) {
      try {
        const ack = await emitAck(op.socket, event, { opId: randomUUID() }, 300);
        expect(ack.ok, event).toBe(false);
      } catch (err) {
        // No answer at all is fine; a dropped socket is not.
        expect(err).not.toBeInstanceOf(AckDropped);
      }
    }
    expect((await healthz(hub.url)).seq).toBe(before);
    expect((await op.emit('seat:set', { opId: randomUUID(), state: 'break' })).ok).toBe(true);
  });
});

describe('limits', () => {
  async function oversized(bytes: number): Promise<void> {
    const big = await freshOperator();
    const bystander = await freshOperator();
    const before = await settle(hub.url, [sup, big, bystander]);
    const description = 'x'.repeat(bytes);
    let outcome: string;
    try {
      const ack = await big.emit('ticket:create', { opId: randomUUID(), ticket: { ...ticket, description } }, 10_000);
      outcome = ack.ok ? 'accepted' : `ack ${ack.error!.code}`;
    } catch (err) {
      outcome = err instanceof AckDropped ? 'closed' : `error ${String(err)}`;
    }
    expect(['ack too_large', 'closed']).toContain(outcome);
    // The bystander was not disconnected and still works; the hub is up.
    expect(bystander.socket.connected).toBe(true);
    expect(bystander.disconnectReason).toBeNull();
    const h = await healthz(hub.url);
    expect(h.ok).toBe(true);
    const start = await bystander.emit('call:start', { opId: randomUUID() });
    expect(start.ok).toBe(true);
    await settle(hub.url, [sup, bystander]);
    // Nothing of the big message was stored.
    const after = sup.changes.filter((c) => c.seq > before);
    expect(after.filter((c) => c.type === 'ticket.created')).toEqual([]);
    await bystander.emit('call:end', { opId: randomUUID(), callId: start.call!.id, disposition: 'dropped' });
  }

  it('a 70 KiB message is refused (too_large or that socket closed); other seats carry on', () => oversized(70 * 1024));
  it('a 2 MiB message is refused the same way', () => oversized(2 * 1024 * 1024));

  it('a message just under the limit is not refused as too large', async () => {
    const op = await freshOperator();
    // 60 KiB of description: over the schema's 4000 characters, so invalid, but not too large.
    const ack = await op.emit('ticket:create', { opId: randomUUID(), ticket: { ...ticket, description: 'y'.repeat(60 * 1024) } });
    expect(ack.ok).toBe(false);
    expect(ack.error!.code).toBe('invalid');
    expect(op.socket.connected).toBe(true);
  });

  it('a flood from one socket is rate_limited; refused ops change nothing; other seats are unaffected', async () => {
    const flooder = await freshOperator();
    const other = await freshOperator();
    const before = await settle(hub.url, [sup, flooder, other]);
    const otherLatencies: number[] = [];
    let flooding = true;
    const otherWork = (async () => {
      while (flooding) {
        const t0 = Date.now();
        const s = await other.emit('call:start', { opId: randomUUID() });
        expect(s.ok, `other seat call:start: ${JSON.stringify(s.error)}`).toBe(true);
        const e = await other.emit('call:end', { opId: randomUUID(), callId: s.call!.id, disposition: 'info_given' });
        expect(e.ok, `other seat call:end: ${JSON.stringify(e.error)}`).toBe(true);
        otherLatencies.push(Date.now() - t0);
        await sleep(20);
      }
    })();
    // Batches of 200 tickets sent without waiting, up to 2,000 in all: far beyond what a
    // person at a console can do, small enough to stay cheap if nothing limits it.
    const sent: string[] = [];
    const results: (AckResult | string)[] = [];
    let limited = 0;
    while (sent.length < 2_000 && limited === 0 && flooder.socket.connected) {
      const batch: Promise<AckResult | string>[] = [];
      for (let i = 0; i < 200; i++) {
        const description = `Flood ${sent.length}`;
        sent.push(description);
        batch.push(flooder.emit('ticket:create', { opId: randomUUID(), ticket: { ...ticket, description } }, 20_000).catch((e: unknown) => String(e)));
      }
      const got = await Promise.all(batch);
      results.push(...got);
      limited += got.filter((r) => typeof r !== 'string' && r.error?.code === 'rate_limited').length;
    }
    flooding = false;
    await otherWork;
    expect(limited, `rate_limited among ${results.length} flooded ops`).toBeGreaterThan(0);
    const errors = results.filter((r) => typeof r === 'string' || !r.ok).map((r) => (typeof r === 'string' ? r : r.error!.code));
    expect(new Set(errors)).toEqual(new Set(['rate_limited']));
    expect(otherLatencies.length).toBeGreaterThan(0);
    expect(Math.max(...otherLatencies), 'slowest round trip of the other seat, ms').toBeLessThan(3_000);
    // Exactly the acknowledged tickets exist: a refused op left no trace.
    await settle(hub.url, [sup]);
    const appliedDescriptions = sent.filter((_d, i) => {
      const r = results[i]!;
      return typeof r !== 'string' && r.ok;
    });
    const created = sup.changes.flatMap((c) => (c.seq > before && c.type === 'ticket.created' && c.data.ticket.description.startsWith('Flood ') ? [c.data.ticket.description] : []));
    expect(created.sort()).toEqual(appliedDescriptions.sort());
    // The hub is up, and the flooder, once calm, is served again (a console replaying its
    // outbox after an outage must get through in the end).
    expect((await healthz(hub.url)).ok).toBe(true);
    let served = false;
    for (let i = 0; i < 75 && !served && flooder.socket.connected; i++) {
      const r = await flooder.emit('seat:set', { opId: randomUUID(), state: i % 2 ? 'ready' : 'break' });
      served = r.ok;
      if (!served) await sleep(200);
    }
    expect(served).toBe(true);
  }, 60_000);
});
