/** `seat:set` — the operator marks their own seat ready, on break or in wrap-up. */
import { z } from 'zod';
import { SETTABLE_SEAT_STATES } from '../protocol/vocabulary';
import { OpId } from './common';
import type { Seat } from './seat';

export const SeatSetRequest = z.strictObject({
  opId: OpId,
  state: z.enum(SETTABLE_SEAT_STATES),
});
export type SeatSetRequest = z.infer<typeof SeatSetRequest>;
export type SeatSetResult = { seat: Seat };
