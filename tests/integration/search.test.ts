/**
 * Phone numbers and search: every spelling of a caller's number is stored as +91 and ten
 * digits, so that the caller is found again by any spelling; text search covers English and
 * Hindi words, ticket numbers, status and category; results page newest first.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../shared/protocol';
import { type TestClient, operatorAuth } from '../helpers/client';
import { startTestHub, type TestHub } from '../helpers/hub';
import { Resources } from '../helpers/resources';

const res = new Resources();
let hub: TestHub;
let op: TestClient;
const made: Record<string, Ticket> = {};

async function create(key: string, ticket: Record<string, unknown>): Promise<Ticket> {
  const ack = await op.emit('ticket:create', { opId: randomUUID(), ticket: { category: 'other', ...ticket } });
  expect(ack, key).toMatchObject({ ok: true });
  made[key] = ack.ticket!;
  return ack.ticket!;
}

async function search(query: Record<string, unknown>): Promise<{ items: Ticket[]; next?: number }> {
  const ack = await op.emit('tickets:search', query);
  expect(ack, JSON.stringify(query)).toMatchObject({ ok: true });
  expect(Array.isArray(ack.items)).toBe(true);
  return { items: ack.items!, ...(ack.next !== undefined ? { next: ack.next } : {}) };
}

const numbers = (items: Ticket[]): number[] => items.map((t) => t.number);

beforeAll(async () => {
  hub = await startTestHub(res);
  op = await res.ready(hub.url, operatorAuth(1));
  await create('dashed', { phone: '098765-43210', category: 'food_ration', description: 'Ration card holder did not get wheat this month', callerName: 'Ramesh Kumar', locality: 'Sector 14' });
  await create('plus', { phone: '+91 98765 43210', category: 'migrant_worker', description: 'प्रवासी श्रमिक पंजीकरण के लिए सहायता चाहिए' });
  await create('bare', { phone: '9876543210', category: 'food_ration', description: 'राशन नहीं मिला, परिवार को भोजन चाहिए', locality: 'गुरुग्राम' });
  await create('other', { phone: '7011122233', category: 'movement_pass', description: 'Movement pass for a hospital visit', callerName: 'Priya Sharma' });
  await create('landline', { phone: '0124 2345678', category: 'medical', description: 'Oxygen cylinder refill needed urgently' });
});
afterAll(() => res.cleanup());

describe('phone normalisation', () => {
  it.each([
    ['dashed', '098765-43210'],
    ['plus', '+91 98765 43210'],
    ['bare', '9876543210'],
  ])('"%s" spelling %s is stored as +919876543210', (key) => {
    expect(made[key]!.phone).toBe('+919876543210');
  });

  it('a landline with its trunk prefix is stored as +91 and ten digits', () => {
    expect(made.landline!.phone).toBe('+911242345678');
  });

  it('call:start stores the caller number in canonical form too', async () => {
    const ack = await op.emit('call:start', { opId: randomUUID(), phone: '0 98765 43210' });
    expect(ack.call!.phone).toBe('+919876543210');
    await op.emit('call:end', { opId: randomUUID(), callId: ack.call!.id, disposition: 'info_given' });
  });

  it.each(['9876543210', '098765-43210', '+91 98765 43210', '+919876543210', '98765 43210', '0091 98765 43210'])('search by phone "%s" finds the caller\'s three tickets and nothing else', async (phone) => {
    const { items } = await search({ phone });
    expect(numbers(items).sort()).toEqual([made.dashed!.number, made.plus!.number, made.bare!.number].sort());
  });

  it('search by a run of digits of the number finds the caller (typing in progress)', async () => {
    const { items } = await search({ phone: '43210' });
    expect(numbers(items)).toEqual(expect.arrayContaining([made.dashed!.number, made.plus!.number, made.bare!.number]));
    expect(numbers(items)).not.toContain(made.other!.number);
  });

  it('search by another number does not find this caller', async () => {
    const { items } = await search({ phone: '7011122233' });
    expect(numbers(items)).toEqual([made.other!.number]);
  });
});

describe('text search', () => {
  it.each([
    ['wheat', 'dashed'],
    ['Wheat', 'dashed'],
    ['Ramesh', 'dashed'],
    ['Sector', 'dashed'],
    ['राशन', 'bare'],
    ['भोजन', 'bare'],
    ['गुरुग्राम', 'bare'],
    ['प्रवासी', 'plus'],
    ['पंजीकरण', 'plus'],
    ['hospital', 'other'],
    ['Priya', 'other'],
    ['Oxygen', 'landline'],
  ])('"%s" finds the %s ticket', async (text, key) => {
    const { items } = await search({ text });
    expect(numbers(items)).toContain(made[key]!.number);
    expect(items.length).toBe(1);
  });

  it('finds words in notes', async () => {
    await op.emit('ticket:note', { opId: randomUUID(), id: made.other!.id, text: 'Pass issued by the tehsildar' });
    const { items } = await search({ text: 'tehsildar' });
    expect(numbers(items)).toEqual([made.other!.number]);
  });

  it('a word that is nowhere finds nothing', async () => {
    expect((await search({ text: 'zebracrossing' })).items).toEqual([]);
    expect((await search({ text: 'चुनाव' })).items).toEqual([]);
  });

  it.each(['#2', '2'])('a ticket number "%s" finds that ticket', async (text) => {
    const { items } = await search({ text });
    expect(numbers(items)).toContain(2);
    expect(items.find((t) => t.number === 2)!.id).toBe(made.plus!.id);
  });

  it('search results are whole tickets with full phone numbers for operators', async () => {
    const { items } = await search({ text: 'Oxygen' });
    expect(items[0]).toEqual(made.landline);
  });
});

describe('filters', () => {
  it('by category', async () => {
    const { items } = await search({ category: 'food_ration' });
    expect(numbers(items)).toEqual([made.bare!.number, made.dashed!.number]);
  });

  it('by status, one or several', async () => {
    const upd = await op.emit('ticket:update', { opId: randomUUID(), id: made.landline!.id, version: made.landline!.version, patch: { status: 'in_progress' } });
    expect(upd.ok).toBe(true);
    made.landline = upd.ticket!;
    expect(numbers((await search({ status: 'in_progress' })).items)).toEqual([made.landline.number]);
    const open = numbers((await search({ status: 'open' })).items);
    expect(open).not.toContain(made.landline.number);
    expect(open).toContain(made.dashed!.number);
    const both = numbers((await search({ status: ['open', 'in_progress'] })).items);
    expect(both.sort((a, b) => a - b)).toEqual(Object.values(made).map((t) => t.number).sort((a, b) => a - b));
    expect((await search({ status: 'closed' })).items).toEqual([]);
  });

  it('filters combine', async () => {
    const { items } = await search({ phone: '9876543210', category: 'migrant_worker' });
    expect(numbers(items)).toEqual([made.plus!.number]);
    expect((await search({ phone: '9876543210', category: 'medical' })).items).toEqual([]);
    expect(numbers((await search({ text: 'राशन', status: 'open' })).items)).toEqual([made.bare!.number]);
  });
});

describe('pagination', () => {
  const local = new Resources();
  let client: TestClient;
  const N = 57;
  beforeAll(async () => {
    const h = await startTestHub(local);
    client = await local.ready(h.url, operatorAuth(2));
    for (let i = 1; i <= N; i++) {
      const ack = await client.emitPatiently('ticket:create', { opId: randomUUID(), ticket: { phone: '8800112233', category: 'grievance', description: `Streetlight complaint ${i}` } });
      expect(ack.ok).toBe(true);
    }
  }, 60_000);
  afterAll(() => local.cleanup());

  async function page(query: Record<string, unknown>): Promise<{ items: Ticket[]; next?: number }> {
    const ack = await client.emit('tickets:search', query);
    expect(ack.ok, JSON.stringify(ack.error)).toBe(true);
    return { items: ack.items!, ...(ack.next !== undefined ? { next: ack.next } : {}) };
  }

  it('limit/before/next walk every ticket once, newest first', async () => {
    const seen: number[] = [];
    let before: number | undefined;
    let pages = 0;
    for (;;) {
      const { items, next } = await page({ limit: 10, ...(before !== undefined ? { before } : {}) });
      pages++;
      expect(items.length).toBeLessThanOrEqual(10);
      seen.push(...numbers(items));
      if (next === undefined) break;
      expect(items.length).toBe(10);
      expect(next).toBeLessThanOrEqual(items[items.length - 1]!.number);
      before = next;
      expect(pages).toBeLessThan(20);
    }
    expect(seen).toEqual(Array.from({ length: N }, (_, i) => N - i));
    expect(pages).toBe(6);
  });

  it('without a limit, a page holds 50 tickets and says where to go on', async () => {
    const first = await page({});
    expect(numbers(first.items)).toEqual(Array.from({ length: 50 }, (_, i) => N - i));
    expect(first.next).toBeDefined();
    const second = await page({ before: first.next });
    expect(numbers(second.items)).toEqual(Array.from({ length: N - 50 }, (_, i) => N - 50 - i));
    expect(second.next).toBeUndefined();
  });

  it('a limit above the page bound is served a page at a time, nothing lost', async () => {
    const { items, next } = await page({ limit: 100_000 });
    expect(numbers(items)).toEqual(Array.from({ length: N }, (_, i) => N - i));
    expect(next).toBeUndefined();
  });

  it('before alone returns only lower numbers', async () => {
    const { items } = await page({ before: 5, limit: 500 });
    expect(numbers(items)).toEqual([4, 3, 2, 1]);
  });

  it('pagination works with a filter', async () => {
    const { items, next } = await page({ text: 'Streetlight', limit: 20 });
    expect(items).toHaveLength(20);
    const rest = await page({ text: 'Streetlight', limit: 50, before: next });
    expect(rest.items).toHaveLength(N - 20);
    expect(rest.next).toBeUndefined();
  });
});
