import { describe, expect, it } from 'vitest';
import { uuidV4, UUID_PATTERN } from './uuid';

describe('uuidV4', () => {
  it('sets the version and variant bits whatever the random bytes are', () => {
    expect(uuidV4((b) => b.fill(0xff))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(uuidV4((b) => b.fill(0))).toBe('00000000-0000-4000-8000-000000000000');
  });

  it('lays the bytes out in order, as RFC 9562 writes them', () => {
    expect(uuidV4((b) => b.map((_, i) => i))).toBe('00010203-0405-4607-8809-0a0b0c0d0e0f');
  });

  it('makes distinct, well-formed ids from real randomness', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => uuidV4((b) => crypto.getRandomValues(b))));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(UUID_PATTERN);
  });
});
