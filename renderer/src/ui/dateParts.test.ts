import { describe, expect, it } from 'vitest';
import { joinDay, monthNames, splitDay, yearsOffered } from './dateParts';

describe('a date as day, month and year', () => {
  it('takes a day key apart and puts it back', () => {
    expect(splitDay('2026-11-28')).toEqual({ year: 2026, month: 11, day: 28 });
    expect(splitDay('28/11/2026')).toBeNull();
    expect(joinDay({ year: 2026, month: 11, day: 28 })).toBe('2026-11-28');
  });

  it('keeps the day within its month and the field within its range', () => {
    expect(joinDay({ year: 2026, month: 2, day: 31 })).toBe('2026-02-28');
    expect(joinDay({ year: 2024, month: 2, day: 31 })).toBe('2024-02-29');
    expect(joinDay({ year: 2026, month: 12, day: 5 }, undefined, '2026-11-28')).toBe('2026-11-28');
    expect(joinDay({ year: 2019, month: 1, day: 5 }, '2020-03-01')).toBe('2020-03-01');
  });

  it('offers the years up to the last day allowed', () => {
    expect(yearsOffered({ year: 2026, month: 11, day: 28 }, undefined, '2026-11-28')).toEqual(Array.from({ length: 11 }, (_, i) => 2016 + i));
    expect(yearsOffered({ year: 2026, month: 11, day: 28 }, '2025-01-01', '2026-11-28')).toEqual([2025, 2026]);
  });

  it('names the months in the page’s language', () => {
    expect(monthNames('hi-IN')[10]).toBe('नवंबर');
    expect(monthNames('en-GB')[10]).toBe('November');
  });
});
