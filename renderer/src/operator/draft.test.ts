import { describe, expect, it } from 'vitest';
import { draftFromTicket, EMPTY_DRAFT, ticketFromDraft } from './draft';

describe('draft', () => {
  it('names the first missing field', () => {
    expect(ticketFromDraft(EMPTY_DRAFT)).toEqual({ ok: false, field: 'phone' });
    expect(ticketFromDraft({ ...EMPTY_DRAFT, phone: '98765 43210' })).toEqual({ ok: false, field: 'category' });
    expect(ticketFromDraft({ ...EMPTY_DRAFT, phone: '98765 43210', category: 'food_ration', description: '   ' })).toEqual({ ok: false, field: 'description' });
  });

  it('builds the ticket the hub expects, leaving empty optional fields out', () => {
    const r = ticketFromDraft({ ...EMPTY_DRAFT, phone: '098765-43210', category: 'food_ration', description: ' No ration ', callerName: ' Ramesh ' });
    expect(r).toEqual({ ok: true, ticket: { phone: '098765-43210', category: 'food_ration', description: 'No ration', priority: 'normal', callerName: 'Ramesh' } });
  });

  it('turns a ticket that could not be saved back into a draft', () => {
    expect(draftFromTicket({ phone: '9876543210', category: 'medical', description: 'x', priority: 'urgent' })).toMatchObject({ phone: '9876543210', priority: 'urgent', callerName: '' });
  });
});
