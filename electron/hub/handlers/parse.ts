/** Turns a schema failure into a typed `invalid` error that says what was wrong. */
import type { z } from 'zod';
import { OpError } from '../errors';

export function parse<S extends z.ZodType>(schema: S, payload: unknown): z.output<S> {
  const r = schema.safeParse(payload);
  if (r.success) return r.data;
  const issues = r.error.issues.slice(0, 3).map((i) => {
    const path = i.path.map(String).join('.');
    return `${path ? `${path}: ` : ''}${i.message}`;
  });
  throw new OpError('invalid', issues.join('; ') || 'invalid request');
}
