import { z } from 'zod';
import { CALL_DISPOSITIONS } from '../protocol/vocabulary';

export const Call = z.object({
  id: z.string(),
  seat: z.number().int(),
  startedAt: z.string(),
  endedAt: z.string().optional(),
  /** An operator's choice, or `disconnected`, which the hub records for a call left open. */
  disposition: z.enum(CALL_DISPOSITIONS).optional(),
  phone: z.string().optional(),
  ticketId: z.string().optional(),
  /** Extension (v2): the username of the operator who took the call (absent on calls from before accounts). */
  user: z.string().optional(),
});
export type Call = z.infer<typeof Call>;
