import { describe, expect, it } from 'vitest';
import { TEXT_LIMITS } from '../../../shared/protocol/limits';
import { draftAfterCall, draftAfterTicket, draftFromTicket, EMPTY_DRAFT, ticketFromDraft } from './draft';

const filled = { ...EMPTY_DRAFT, phone: '98765 43210', callerName: 'Ramesh', category: 'migrant_worker', locality: 'Sector 14', language: 'hi', priority: 'urgent' as const, description: 'Needs to register for travel to Bihar' };

describe('draft', () => {
  it('names the first missing field', () => {
    expect(ticketFromDraft(EMPTY_DRAFT)).toEqual({ ok: false, field: 'phone', problem: 'missing' });
    expect(ticketFromDraft({ ...EMPTY_DRAFT, phone: '12345' })).toEqual({ ok: false, field: 'phone', problem: 'invalid' });
    expect(ticketFromDraft({ ...EMPTY_DRAFT, phone: '98765 43210' })).toEqual({ ok: false, field: 'category', problem: 'missing' });
    expect(ticketFromDraft({ ...EMPTY_DRAFT, phone: '98765 43210', category: 'food_ration', description: '   ' })).toEqual({ ok: false, field: 'description', problem: 'missing' });
  });

  it('names the field that is too long, with the hub’s limit, not Description', () => {
    expect(ticketFromDraft({ ...filled, locality: 'x'.repeat(TEXT_LIMITS.locality + 1) })).toEqual({ ok: false, field: 'locality', problem: 'tooLong', max: TEXT_LIMITS.locality });
    expect(ticketFromDraft({ ...filled, callerName: 'n'.repeat(TEXT_LIMITS.callerName + 1) })).toEqual({ ok: false, field: 'callerName', problem: 'tooLong', max: TEXT_LIMITS.callerName });
    expect(ticketFromDraft({ ...filled, description: 'd'.repeat(TEXT_LIMITS.description + 1) })).toEqual({ ok: false, field: 'description', problem: 'tooLong', max: TEXT_LIMITS.description });
    expect(ticketFromDraft({ ...filled, locality: 'x'.repeat(TEXT_LIMITS.locality) }).ok).toBe(true);
  });

  it('builds the ticket the hub expects, leaving empty optional fields out', () => {
    const r = ticketFromDraft({ ...EMPTY_DRAFT, phone: '098765-43210', category: 'food_ration', description: ' No ration ', callerName: ' Ramesh ' });
    expect(r).toEqual({ ok: true, ticket: { phone: '098765-43210', category: 'food_ration', description: 'No ration', priority: 'normal', callerName: 'Ramesh' } });
  });

  it('turns a ticket that could not be saved back into a draft', () => {
    expect(draftFromTicket({ phone: '9876543210', category: 'medical', description: 'x', priority: 'urgent' })).toMatchObject({ phone: '9876543210', priority: 'urgent', callerName: '' });
  });
});

describe('the call’s context', () => {
  it('a ticket raised during a call keeps the caller and the category (the guidance being read), and clears what was asked', () => {
    expect(draftAfterTicket(filled, true)).toEqual({ ...filled, description: '', priority: 'normal' });
  });

  it('a ticket raised with no call running starts the next one afresh but for the caller', () => {
    expect(draftAfterTicket(filled, false)).toEqual({ ...filled, category: '', description: '', priority: 'normal' });
  });

  it('the end of the call clears the form, category included, unless words are not yet a ticket', () => {
    expect(draftAfterCall(draftAfterTicket(filled, true))).toEqual(EMPTY_DRAFT);
    expect(draftAfterCall(filled)).toEqual(filled);
  });
});
