import { describe, expect, it } from 'vitest';
import { localDateKey, localDayStart } from './localDay';

const IST = 'Asia/Kolkata';

describe('local days in IST', () => {
  it('starts the day at 18:30 UTC of the previous date', () => {
    expect(localDayStart(new Date('2026-11-28T10:00:00Z'), IST).toISOString()).toBe('2026-11-27T18:30:00.000Z');
  });
  it('moves to the next day exactly at IST midnight', () => {
    const before = new Date('2026-11-28T18:29:59.999Z');
    const after = new Date('2026-11-28T18:30:00.000Z');
    expect(localDateKey(before, IST)).toBe('2026-11-28');
    expect(localDateKey(after, IST)).toBe('2026-11-29');
    expect(localDayStart(after, IST).toISOString()).toBe('2026-11-28T18:30:00.000Z');
    expect(localDayStart(before, IST).toISOString()).toBe('2026-11-27T18:30:00.000Z');
  });
  it('handles zones with daylight saving', () => {
    // 2026-03-08 is the US spring-forward day; New York midnight is 05:00 UTC.
    expect(localDayStart(new Date('2026-03-08T20:00:00Z'), 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
  });
  it('keys UTC days as themselves', () => {
    expect(localDateKey(new Date('2026-01-01T00:00:00Z'), 'UTC')).toBe('2026-01-01');
  });
});
