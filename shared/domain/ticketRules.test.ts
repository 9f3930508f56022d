import { describe, expect, it } from 'vitest';
import { isActive, statusChangeError } from './ticketRules';
import { TICKET_STATUSES } from '../protocol/vocabulary';

describe('statusChangeError', () => {
  it('lets an open ticket move to every other status', () => {
    for (const to of TICKET_STATUSES) expect(statusChangeError('open', to)).toBeNull();
  });
  it('only reopens a closed ticket', () => {
    expect(statusChangeError('closed', 'open')).toBeNull();
    for (const to of ['in_progress', 'forwarded', 'resolved'] as const) {
      expect(statusChangeError('closed', to)).toMatch(/reopened/);
    }
  });
  it('counts resolved and closed tickets as done', () => {
    expect(TICKET_STATUSES.filter(isActive)).toEqual(['open', 'in_progress', 'forwarded']);
  });
});
