/**
 * `call:close` (extension, supervisors) — closes a call left open: its seat went offline during
 * it, or it has run far longer than any call should. The call is recorded as `disconnected`,
 * ended when its seat went offline (now, for a seat still online); the seat goes to wrap-up.
 */
import { z } from 'zod';
import type { Call } from './call';
import { EntityId, OpId } from './common';

export const CallCloseRequest = z.strictObject({
  opId: OpId,
  callId: EntityId,
});
export type CallCloseRequest = z.infer<typeof CallCloseRequest>;
export type CallCloseResult = { call: Call };
