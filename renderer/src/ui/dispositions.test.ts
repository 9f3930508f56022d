import { describe, expect, it } from 'vitest';
import { dispositionCounts, dispositionsText } from './dispositions';

describe('a day’s dispositions in one cell', () => {
  it('reads in the contract’s order, leaving out what did not happen', () => {
    expect(dispositionCounts({ prank: 1, info_given: 5, dropped: 0, ticket_raised: 3 })).toEqual([
      ['info_given', 5],
      ['ticket_raised', 3],
      ['prank', 1],
    ]);
  });

  it('says each in the page’s words, with Indian grouping, or a dash for none', () => {
    const t = (k: string) => ({ 'disposition.info_given': 'Information given', 'disposition.prank': 'Prank / silent' })[k] ?? k;
    expect(dispositionsText({ info_given: 123456, prank: 2 }, t)).toBe('Information given 1,23,456 · Prank / silent 2');
    expect(dispositionsText({}, t)).toBe('—');
  });
});
