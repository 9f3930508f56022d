import { describe, expect, it } from 'vitest';
import { duration, formatIndian, fromIstInput, istDate, istHour, istInputValue, istTime, istWhen } from './format';

describe('format', () => {
  it('groups numbers the Indian way', () => {
    expect(formatIndian(103515)).toBe('1,03,515');
    expect(formatIndian(0)).toBe('0');
  });

  it('shows times in IST whatever the machine zone', () => {
    expect(istTime('2026-11-28T18:31:05.000Z')).toBe('00:01:05');
    expect(istWhen('2026-11-28T08:00:00.000Z', new Date('2026-11-28T09:00:00.000Z'))).toBe('13:30');
    expect(istWhen('2026-11-26T08:00:00.000Z', new Date('2026-11-28T09:00:00.000Z'))).toBe('26 Nov 13:30');
  });

  it('writes durations as a timer does', () => {
    expect(duration(0)).toBe('0:00');
    expect(duration(65_000)).toBe('1:05');
    expect(duration(3_723_000)).toBe('1:02:03');
    expect(duration(-5000)).toBe('0:00');
  });
});

describe('IST date inputs', () => {
  it('reads and writes datetime-local values in IST whatever the machine zone', () => {
    expect(istInputValue('2026-11-28T10:30:00.000Z')).toBe('2026-11-28T16:00');
    expect(fromIstInput('2026-11-28T16:00')).toBe('2026-11-28T10:30:00.000Z');
    expect(fromIstInput('2026-11-29T00:10')).toBe('2026-11-28T18:40:00.000Z');
    expect(fromIstInput('')).toBeNull();
    expect(istDate('2026-11-28T18:31:00.000Z')).toBe('2026-11-29');
    expect(istHour('2026-11-28T18:31:00.000Z')).toBe('00');
  });
});
