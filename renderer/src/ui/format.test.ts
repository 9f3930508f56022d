import { describe, expect, it } from 'vitest';
import { bytes, duration, formatIndian } from './format';

describe('format', () => {
  it('groups numbers the Indian way', () => {
    expect(formatIndian(103515)).toBe('1,03,515');
    expect(formatIndian(0)).toBe('0');
  });

  it('writes durations as a timer does', () => {
    expect(duration(0)).toBe('0:00');
    expect(duration(65_000)).toBe('1:05');
    expect(duration(3_723_000)).toBe('1:02:03');
    expect(duration(-5000)).toBe('0:00');
  });

  it('writes sizes as people read them', () => {
    expect(bytes(512)).toBe('512 B');
    expect(bytes(4.2 * 1024 * 1024)).toBe('4.2 MB');
  });
});
