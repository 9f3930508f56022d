/**
 * Typed failures raised inside the hub and turned into `{ ok: false, error }` acks.
 * Nothing else may cross the socket boundary: an unexpected exception becomes `internal`.
 */
import type { ErrorCode } from '../../shared/protocol/errors';

export class OpError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Context returned beside the error, e.g. the current ticket of a conflict. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function toAckError(err: unknown, log: (msg: string, err: unknown) => void): { ok: false; error: { code: ErrorCode; message: string } } & Record<string, unknown> {
  if (err instanceof OpError) {
    const extra = err.extra;
    return { ok: false, error: { code: err.code, message: err.message, ...extra }, ...extra };
  }
  log('unexpected error while handling a request', err);
  const message = isDiskFull(err) ? 'the hub cannot write: its disk is full' : 'the hub could not complete this; it was not applied';
  return { ok: false, error: { code: 'internal', message } };
}

export function isDiskFull(err: unknown): boolean {
  return err instanceof Error && /SQLITE_FULL|ENOSPC|disk is full/i.test(err.message);
}
