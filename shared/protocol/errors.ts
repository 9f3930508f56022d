import { z } from 'zod';

export const ERROR_CODES = ['invalid', 'forbidden', 'conflict', 'not_found', 'too_large', 'rate_limited', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ProtocolError = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
});
export type ProtocolError = z.infer<typeof ProtocolError>;

/** Every acknowledgement: `{ ok: true, ...result }` or `{ ok: false, error }` (plus context, e.g. a conflict's current ticket). */
export type Ack<T extends object> = ({ ok: true } & T) | ({ ok: false; error: ProtocolError } & Partial<T>);
export type AckFn<T extends object> = (ack: Ack<T>) => void;

export function fail(code: ErrorCode, message: string): { ok: false; error: ProtocolError } {
  return { ok: false, error: { code, message } };
}
