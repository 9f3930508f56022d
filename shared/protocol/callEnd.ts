/** `call:end` — the seat hangs up with a disposition; the seat goes to wrap-up. */
import { z } from 'zod';
import { DISPOSITIONS } from '../protocol/vocabulary';
import type { Call } from './call';
import { EntityId, OpId, PhoneInput } from './common';

export const CallEndRequest = z.strictObject({
  opId: OpId,
  callId: EntityId,
  disposition: z.enum(DISPOSITIONS),
  ticketId: EntityId.optional(),
  /** Extension: the caller's number when it was typed after the call was picked up. */
  phone: PhoneInput.optional(),
});
export type CallEndRequest = z.infer<typeof CallEndRequest>;
export type CallEndResult = { call: Call };
