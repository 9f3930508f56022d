/**
 * Editing the floor configuration while others may edit it too. `config:update` replaces whole
 * lists and refuses a stale version; so an edit is kept as the items the supervisor changed,
 * laid over whatever the hub has now. Two supervisors editing different categories both get
 * their way; the same category edited by both is a clash, shown rather than overwritten.
 */
import type { CategoryConfig, DepartmentConfig, SlaConfig } from '../../../shared/protocol';
import { ID_PATTERN } from '../../../shared/protocol/vocabulary';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export interface Rebased<T> {
  list: T[];
  /** Ids the supervisor changed that someone else changed too since the edit began. */
  clashes: string[];
}

/** The supervisor's changes (`edited` against `base`) laid over `current`; new items go last. */
export function rebaseList<T extends { id: string }>(base: readonly T[], edited: readonly T[], current: readonly T[]): Rebased<T> {
  const baseById = new Map(base.map((x) => [x.id, x]));
  const currentById = new Map(current.map((x) => [x.id, x]));
  const mine = new Map<string, T>();
  for (const x of edited) if (!same(baseById.get(x.id), x)) mine.set(x.id, x);
  const clashes = [...mine.keys()].filter((id) => baseById.has(id) && currentById.has(id) && !same(baseById.get(id), currentById.get(id)) && !same(currentById.get(id), mine.get(id)));
  const list = current.map((x) => mine.get(x.id) ?? x);
  for (const [id, x] of mine) if (!currentById.has(id)) list.push(x);
  return { list, clashes };
}

export function changedIds<T extends { id: string }>(base: readonly T[], edited: readonly T[]): string[] {
  const baseById = new Map(base.map((x) => [x.id, x]));
  return edited.filter((x) => !same(baseById.get(x.id), x)).map((x) => x.id);
}

/** An id from an English label: "Biomedical waste" → "biomedical_waste". */
export function idFromLabel(label: string): string {
  const id = label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^[0-9_]+/, '')
    .slice(0, 40);
  return id;
}

export type NewItemProblem = 'id' | 'taken' | 'labelEn' | 'labelHi' | null;

/** Why a new category or department cannot be added yet, or null. */
export function newItemProblem(id: string, en: string, hi: string, taken: readonly { id: string }[]): NewItemProblem {
  if (!en.trim()) return 'labelEn';
  if (!hi.trim()) return 'labelHi';
  if (!ID_PATTERN.test(id)) return 'id';
  if (taken.some((x) => x.id === id)) return 'taken';
  return null;
}

export function newCategory(id: string, en: string, hi: string): CategoryConfig {
  return { id, label: { en: en.trim(), hi: hi.trim() }, guidance: { en: '', hi: '' }, active: true };
}

export function newDepartment(id: string, en: string, hi: string): DepartmentConfig {
  return { id, label: { en: en.trim(), hi: hi.trim() }, active: true };
}

/** Hours as typed: a positive number, or null when the field is blank or not a number. */
export function hoursOf(text: string): number | null {
  const n = Number(text.replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(n) && n > 0 && n <= 24 * 90 ? n : null;
}

/** Form values of the service levels: blank means "the default". */
export interface SlaForm {
  normalHours: string;
  urgentHours: string;
  perCategory: Record<string, { normal: string; urgent: string }>;
}

export function slaForm(sla: SlaConfig, categories: readonly CategoryConfig[]): SlaForm {
  const perCategory: SlaForm['perCategory'] = {};
  for (const c of categories) {
    const own = sla.perCategory[c.id];
    perCategory[c.id] = { normal: own?.normalHours !== undefined ? String(own.normalHours) : '', urgent: own?.urgentHours !== undefined ? String(own.urgentHours) : '' };
  }
  return { normalHours: String(sla.normalHours), urgentHours: String(sla.urgentHours), perCategory };
}

/** The service levels a form describes, or the first field that is not a valid number of hours. */
export function slaFromForm(f: SlaForm): { ok: true; sla: SlaConfig } | { ok: false; field: string } {
  const normal = hoursOf(f.normalHours);
  if (normal === null) return { ok: false, field: 'normalHours' };
  const urgent = hoursOf(f.urgentHours);
  if (urgent === null) return { ok: false, field: 'urgentHours' };
  const perCategory: SlaConfig['perCategory'] = {};
  for (const [id, v] of Object.entries(f.perCategory)) {
    const entry: { normalHours?: number; urgentHours?: number } = {};
    if (v.normal.trim()) {
      const h = hoursOf(v.normal);
      if (h === null) return { ok: false, field: `${id}.normal` };
      entry.normalHours = h;
    }
    if (v.urgent.trim()) {
      const h = hoursOf(v.urgent);
      if (h === null) return { ok: false, field: `${id}.urgent` };
      entry.urgentHours = h;
    }
    if (entry.normalHours !== undefined || entry.urgentHours !== undefined) perCategory[id] = entry;
  }
  return { ok: true, sla: { normalHours: normal, urgentHours: urgent, perCategory } };
}
