/**
 * Turns a schema failure into a typed `invalid` error that says what was wrong, in words for a
 * log and, as `field` and `issues`, in a shape a console can read to put its message under the
 * field the person typed the value in.
 */
import type { z } from 'zod';
import type { ErrorIssue, ProtocolError } from '../../../shared/protocol/errors';
import { OpError } from '../errors';

const ISSUES_KEPT = 3;

/** A payload that failed its schema: the ack names the fields at fault inside `error` only. */
export class InvalidRequest extends OpError {
  constructor(
    message: string,
    readonly issues: ErrorIssue[],
  ) {
    super('invalid', message);
  }

  ack(): { ok: false; error: ProtocolError } {
    const error: ProtocolError = { code: 'invalid', message: this.message };
    const first = this.issues[0]?.field;
    if (first) error.field = first;
    if (this.issues.length) error.issues = this.issues;
    return { ok: false, error };
  }
}

function issueOf(i: z.core.$ZodIssue): ErrorIssue {
  const issue: ErrorIssue = { field: i.path.map(String).join('.'), code: i.code };
  if (i.code === 'too_big' && typeof i.maximum === 'number') issue.max = i.maximum;
  return issue;
}

export function parse<S extends z.ZodType>(schema: S, payload: unknown): z.output<S> {
  const r = schema.safeParse(payload);
  if (r.success) return r.data;
  const kept = r.error.issues.slice(0, ISSUES_KEPT);
  const words = kept.map((i) => {
    const path = i.path.map(String).join('.');
    return `${path ? `${path}: ` : ''}${i.message}`;
  });
  throw new InvalidRequest(words.join('; ') || 'invalid request', kept.map(issueOf));
}
