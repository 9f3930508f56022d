import { describe, expect, it } from 'vitest';
import { ticket } from '../../hubLink/testing';
import { filterTickets, hubSearchFor, NO_FILTERS, parseQuery } from './ticketFilter';

const list = [
  ticket(12, { phone: '+919812345678', description: 'राशन नहीं मिला', seat: 2 }),
  ticket(11, { phone: '+919876543210', description: 'Needs a movement pass to Jaipur', priority: 'urgent', category: 'movement_pass' }),
  ticket(3, { phone: '+911242345678', description: 'Old complaint', status: 'closed', department: 'police' }),
];

describe('ticket filters', () => {
  it('reads a query as a number, a phone or words', () => {
    expect(parseQuery('#12')).toEqual({ kind: 'number', number: 12, digits: '' });
    expect(parseQuery('98765 43210')).toEqual({ kind: 'phone', digits: '9876543210', phone: '+919876543210' });
    expect(parseQuery('5432')).toMatchObject({ kind: 'number', number: 5432, digits: '5432' });
    expect(parseQuery('Movement Pass')).toEqual({ kind: 'words', words: ['movement', 'pass'] });
  });

  it('finds by number, by any spelling of a phone, by part of a phone, by words (Hindi too)', () => {
    const by = (query: string) => filterTickets(list, { ...NO_FILTERS, query }, 1).map((t) => t.number);
    expect(by('#3')).toEqual([3]);
    expect(by('098765-43210')).toEqual([11]);
    expect(by('43210')).toEqual([11]);
    expect(by('राशन')).toEqual([12]);
    expect(by('jaipur pass')).toEqual([11]);
    expect(by('')).toEqual([12, 11, 3]);
  });

  it('narrows by mine, open, urgent, category, status and department', () => {
    const f = (more: Partial<typeof NO_FILTERS>) => filterTickets(list, { ...NO_FILTERS, ...more }, 2).map((t) => t.number);
    expect(f({ mine: true })).toEqual([12]);
    expect(f({ open: true })).toEqual([12, 11]);
    expect(f({ urgent: true })).toEqual([11]);
    expect(f({ category: 'movement_pass' })).toEqual([11]);
    expect(f({ status: 'closed' })).toEqual([3]);
    expect(f({ department: 'police' })).toEqual([3]);
  });

  it('asks the hub only for queries worth asking', () => {
    expect(hubSearchFor({ ...NO_FILTERS, query: 'ab' }, 1)).toEqual([]);
    expect(hubSearchFor({ ...NO_FILTERS, query: '' }, 1)).toEqual([]);
    expect(hubSearchFor({ ...NO_FILTERS, query: '9876543210', open: true }, 1)).toEqual([
      { limit: 100, phone: '+919876543210', status: ['open', 'in_progress', 'forwarded'] },
    ]);
    expect(hubSearchFor({ ...NO_FILTERS, query: 'ration', mine: true }, 4)).toEqual([{ limit: 100, text: 'ration', seat: 4 }]);
  });

  it('asks for a ticket number and for part of a phone when the digits could be either', () => {
    expect(hubSearchFor({ ...NO_FILTERS, query: '43210' }, 1)).toEqual([
      { limit: 100, text: '#43210' },
      { limit: 100, phone: '43210' },
    ]);
    expect(hubSearchFor({ ...NO_FILTERS, query: '#12' }, 1)).toEqual([{ limit: 100, text: '#12' }]);
  });
});

describe('a lakh of tickets', () => {
  // Correctness at a lakh of tickets; the speed of search-as-you-type is measured by
  // `npm run bench` in Chromium, not asserted here.
  it('filters and searches a lakh of tickets', () => {
    const many = Array.from({ length: 100_000 }, (_, i) =>
      ticket(100_000 - i, { id: `t${i}`, phone: `+9198${String(i).padStart(8, '0')}`, description: i % 7 ? 'ration kit not received' : 'needs a movement pass', seat: i % 40 }),
    );
    const byWords = filterTickets(many, { ...NO_FILTERS, query: 'movement pass', open: true }, 3);
    const byPhone = filterTickets(many, { ...NO_FILTERS, query: '98 00012345' }, 3);
    const mine = filterTickets(many, { ...NO_FILTERS, mine: true }, 3);
    expect(byWords.length).toBe(Math.ceil(100_000 / 7));
    expect(byPhone.map((t) => t.id)).toEqual(['t12345']);
    expect(mine).toHaveLength(2500);
  });

  it('finds what is past its target, and counts a ticket assigned to this seat as its own', () => {
    const now = new Date('2026-11-28T12:00:00.000Z');
    const list = [
      ticket(1, { dueAt: '2026-11-28T11:00:00.000Z' }),
      ticket(2, { dueAt: '2026-11-28T11:00:00.000Z', status: 'resolved' }),
      ticket(3, { dueAt: '2026-11-28T13:00:00.000Z', seat: 5, assignedSeat: 2 }),
    ];
    expect(filterTickets(list, { ...NO_FILTERS, overdue: true }, 2, now).map((t) => t.number)).toEqual([1]);
    expect(filterTickets(list, { ...NO_FILTERS, mine: true }, 2, now).map((t) => t.number)).toEqual([3]);
    expect(hubSearchFor({ ...NO_FILTERS, overdue: true, query: 'ration' }, 2)).toEqual([{ limit: 100, overdue: true, text: 'ration' }]);
  });
});
