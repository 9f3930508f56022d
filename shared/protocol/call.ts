import { z } from 'zod';
import { DISPOSITIONS } from '../protocol/vocabulary';

export const Call = z.object({
  id: z.string(),
  seat: z.number().int(),
  startedAt: z.string(),
  endedAt: z.string().optional(),
  disposition: z.enum(DISPOSITIONS).optional(),
  phone: z.string().optional(),
  ticketId: z.string().optional(),
});
export type Call = z.infer<typeof Call>;
