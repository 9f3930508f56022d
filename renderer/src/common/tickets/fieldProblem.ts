/**
 * What is wrong with one field of a ticket form, whether the form's own check found it or the
 * hub refused the value (an `invalid` ack naming `error.field`), so that the message lands under
 * the field the person typed it in, in their language, and never under Description by default.
 */
import type { ProtocolError } from '../../../../shared/protocol/errors';
import { type LimitedText, TEXT_LIMITS } from '../../../../shared/protocol/limits';
import { formatIndian } from '../../ui/format';

export interface FieldProblem {
  /** The ticket's own name of the field (`locality`, `description`), or `note` for a note's text. */
  field: string;
  problem: 'missing' | 'tooLong' | 'invalid';
  /** For `tooLong`: the most characters the hub takes. */
  max?: number;
}

/** One schema issue (`{ field, code, max }`, as the hub's `error.issues` carry) as a problem of that field. */
export function fieldProblemOf(issue: { field: string; code: string; max?: number }): FieldProblem {
  const field = issue.field;
  if (issue.code === 'too_big') {
    const max = issue.max ?? (field in TEXT_LIMITS ? TEXT_LIMITS[field as LimitedText] : undefined);
    return max === undefined ? { field, problem: 'tooLong' } : { field, problem: 'tooLong', max };
  }
  if (issue.code === 'too_small' || issue.code === 'invalid_type') return { field, problem: 'missing' };
  return { field, problem: 'invalid' };
}

/** Where each request keeps the fields a person types, as the hub names them in `error.field`. */
const FORM_PATHS: Record<string, { prefix: string; rename?: Record<string, string> }> = {
  'ticket:create': { prefix: 'ticket.' },
  'ticket:update': { prefix: 'patch.' },
  'ticket:note': { prefix: '', rename: { text: 'note' } },
};

/** The field the hub refused in a request of this kind, or null when it named none a person typed. */
export function refusedField(request: string, error: ProtocolError): FieldProblem | null {
  if (error.code !== 'invalid' || !error.field) return null;
  const where = FORM_PATHS[request];
  if (!where || !error.field.startsWith(where.prefix)) return null;
  const name = error.field.slice(where.prefix.length);
  if (!name || name.includes('.')) return null;
  const issue = error.issues?.find((i) => i.field === error.field);
  return fieldProblemOf({ field: where.rename?.[name] ?? name, code: issue?.code ?? 'custom', ...(issue?.max !== undefined ? { max: issue.max } : {}) });
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The words for a field's problem when the form has none of its own: too long (and by how much may it be), or not accepted. */
export function fieldProblemText(t: Translate, p: FieldProblem): string {
  if (p.problem === 'tooLong' && p.max !== undefined) return t('limits.tooLong', { max: formatIndian(p.max) });
  return t('limits.refused');
}

/** The label a person knows each field by, to name it where the message cannot sit under it. */
const LABEL_KEYS: Record<string, string> = {
  phone: 'form.phone',
  callerName: 'form.name',
  category: 'form.category',
  locality: 'form.locality',
  language: 'form.language',
  priority: 'form.priority',
  description: 'form.description',
  note: 'detail.note',
  departmentRef: 'followUp.refLabel',
  status: 'field.status',
  department: 'field.department',
};

/** "Locality — Too long: …" for the list of what the hub refused, where no field is at hand. */
export function refusalText(t: Translate, request: string, error: ProtocolError): string | null {
  const p = refusedField(request, error);
  if (!p) return null;
  const label = LABEL_KEYS[p.field];
  return `${label ? t(label) : p.field} — ${fieldProblemText(t, p)}`;
}
