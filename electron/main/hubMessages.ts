/**
 * Messages between the main process and the hub's process. Both sides parse what they receive:
 * a message that does not fit is logged and dropped, never acted on.
 */
import { z } from 'zod';

const Keys = z.strictObject({ operator: z.string().min(1), supervisor: z.string().min(1), wall: z.string().min(1) });

export const HubStartOptions = z.strictObject({
  dataDir: z.string().min(1),
  port: z.number().int().min(0).max(65535),
  host: z.string().min(1),
  seats: z.number().int().positive().optional(),
  initialTotal: z.number().int().nonnegative().optional(),
  timeZone: z.string().optional(),
  rendererDir: z.string().min(1),
  /** Keys set in the machine configuration; any left out come from, or are generated into, hub.json. */
  keys: z.strictObject({ operator: z.string().optional(), supervisor: z.string().optional(), wall: z.string().optional() }),
  /** The mDNS name to advertise; null advertises nothing. */
  advertiseAs: z.string().min(1).nullable(),
  /** The hub's own online backups; anything left out takes the hub's default (DATA/backups, hourly, 48 kept). */
  backup: z.strictObject({ dir: z.string().min(1).optional(), everyMinutes: z.number().int().nonnegative().optional(), keep: z.number().int().positive().optional() }),
  /** A backup to put in place before the hub opens its database (IT's restore); given on the first start only. */
  restoreFrom: z.string().min(1).optional(),
});
export type HubStartOptions = z.infer<typeof HubStartOptions>;

export const ToHub = z.discriminatedUnion('type', [z.strictObject({ type: z.literal('start'), options: HubStartOptions }), z.strictObject({ type: z.literal('stop') })]);
export type ToHub = z.infer<typeof ToHub>;

export const FromHub = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready'), url: z.string(), port: z.number().int(), keys: Keys, generated: z.array(z.enum(['operator', 'supervisor', 'wall'])) }),
  z.strictObject({ type: z.literal('failed'), message: z.string() }),
  z.strictObject({ type: z.literal('stopped') }),
  z.strictObject({ type: z.literal('log'), line: z.string() }),
]);
export type FromHub = z.infer<typeof FromHub>;
