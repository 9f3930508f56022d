/** `call:start` — a seat picks up a call; the all-time and today counters move at once. */
import { z } from 'zod';
import type { Call } from './call';
import { OpId, PhoneInput } from './common';
import type { Counter } from './counter';

export const CallStartRequest = z.strictObject({
  opId: OpId,
  phone: PhoneInput.optional(),
});
export type CallStartRequest = z.infer<typeof CallStartRequest>;
export type CallStartResult = { call: Call; counter: Counter };
