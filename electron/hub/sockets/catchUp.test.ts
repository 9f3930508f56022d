import { describe, expect, it } from 'vitest';
import { CatchUpSlots } from './catchUp';

describe('CatchUpSlots', () => {
  it('runs at most N at once, in arrival order, and frees a slot when work fails', async () => {
    const slots = new CatchUpSlots(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const job = (i: number, fail = false) =>
      slots.run(async () => {
        running += 1;
        most = Math.max(most, running);
        order.push(i);
        await new Promise((r) => setTimeout(r, 10));
        running -= 1;
        if (fail) throw new Error('x');
        return i;
      });
    const results = await Promise.allSettled([job(1), job(2, true), job(3), job(4), job(5)]);
    expect(most).toBe(2);
    expect(order).toEqual([1, 2, 3, 4, 5]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(await slots.run(async () => 'free again')).toBe('free again');
  });
});
