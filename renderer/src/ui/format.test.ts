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

  it('writes sizes as people read them, in the page’s words', () => {
    const en = { bytes: 'bytes', kb: 'KB', mb: 'MB', gb: 'GB' } as const;
    const hi = { bytes: 'बाइट', kb: 'केबी', mb: 'एमबी', gb: 'जीबी' } as const;
    expect(bytes(512, (u) => en[u])).toBe('512 bytes');
    expect(bytes(4.2 * 1024 * 1024, (u) => en[u])).toBe('4.2 MB');
    expect(bytes(4.2 * 1024 * 1024, (u) => hi[u])).toBe('4.2 एमबी');
    expect(bytes(12_34_567 * 1024 * 1024, (u) => hi[u])).toBe('1,205.6 जीबी');
    expect(bytes(1023.5 * 1024 * 1024, (u) => en[u])).toBe('1,023.5 MB');
  });
});
