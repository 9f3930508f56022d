import { z } from 'zod';

/** `total`: every call ever (from --initial-total on); `today`: calls since local midnight. */
export const Counter = z.object({
  total: z.number().int().nonnegative(),
  today: z.number().int().nonnegative(),
});
export type Counter = z.infer<typeof Counter>;
