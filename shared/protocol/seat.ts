import { z } from 'zod';
import { SEAT_STATES } from '../protocol/vocabulary';

export const Seat = z.object({
  seat: z.number().int().positive(),
  name: z.string().optional(),
  /** Extension (v2): the username of the person holding the seat. */
  user: z.string().optional(),
  state: z.enum(SEAT_STATES),
  /** When the seat entered `state` (hub clock). */
  since: z.string(),
  /** The call the seat is on, while `on_call` (kept while offline, so a dropped seat resumes it). */
  callId: z.string().optional(),
});
export type Seat = z.infer<typeof Seat>;
