import { describe, expect, it } from 'vitest';
import { backoffDelay, HUB_RESTART_BACKOFF, RECONNECT_BACKOFF } from './backoff';

describe('backoffDelay', () => {
  it('doubles up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 50].map((a) => backoffDelay(a, HUB_RESTART_BACKOFF))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });
  it('spreads reconnects within ±30% and never past the cap', () => {
    expect(backoffDelay(1, RECONNECT_BACKOFF, () => 0)).toBe(1400);
    expect(backoffDelay(1, RECONNECT_BACKOFF, () => 0.999999)).toBe(2600);
    expect(backoffDelay(20, RECONNECT_BACKOFF, () => 0.999999)).toBe(15000);
  });
});
