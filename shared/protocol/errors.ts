import { z } from 'zod';

export const ERROR_CODES = ['invalid', 'forbidden', 'conflict', 'not_found', 'too_large', 'rate_limited', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Extension: one way a request failed its schema. `field` is the path to the value, dotted
 * (`ticket.locality`, `patch.description`, `text`); `code` is the schema's issue code
 * (`too_big`, `too_small`, `invalid_type`, `invalid_format`, `unrecognized_keys`, `custom`…);
 * `max` is the limit a `too_big` text or number went past.
 */
export const ErrorIssue = z.object({
  field: z.string(),
  code: z.string(),
  max: z.number().optional(),
});
export type ErrorIssue = z.infer<typeof ErrorIssue>;

export const ProtocolError = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  /**
   * Extension, on `invalid` for a payload that failed its schema: the path of the first value
   * at fault (absent when the fault is the message as a whole), and up to three issues, so a
   * console can say what is wrong under the field the person typed it in.
   */
  field: z.string().optional(),
  issues: z.array(ErrorIssue).optional(),
});
export type ProtocolError = z.infer<typeof ProtocolError>;

/** Every acknowledgement: `{ ok: true, ...result }` or `{ ok: false, error }` (plus context, e.g. a conflict's current ticket). */
export type Ack<T extends object> = ({ ok: true } & T) | ({ ok: false; error: ProtocolError } & Partial<T>);
export type AckFn<T extends object> = (ack: Ack<T>) => void;

export function fail(code: ErrorCode, message: string): { ok: false; error: ProtocolError } {
  return { ok: false, error: { code, message } };
}
