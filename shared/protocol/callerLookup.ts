/**
 * `caller:lookup` (extension) — what the hub knows of a phone number, while the operator is
 * still on the call: recent calls, tickets, and whether this is a repeat caller.
 */
import { z } from 'zod';
import type { Call } from './call';
import { PhoneInput } from './common';
import type { Ticket } from './ticket';

export const CallerLookupRequest = z.strictObject({ phone: PhoneInput });
export type CallerLookupRequest = z.infer<typeof CallerLookupRequest>;
export type CallerLookupResult = {
  phone: string;
  /** Newest first, at most 20. */
  calls: Call[];
  callsToday: number;
  /** Newest first, at most 20; open ones are listed before done ones. */
  tickets: Ticket[];
  /** Called before (another call than the one running now), or has a ticket. */
  repeat: boolean;
};
