/**
 * The columns of the CSV exports, in order, each with how a record fills it. People read
 * labels in the language asked for; machines read the ids, which have `_code` columns of their
 * own; times are local to the hub's zone, as the floor reads them.
 */
import type { Call } from '../../shared/protocol/call';
import type { FloorConfig } from '../../shared/protocol/config';
import type { Ticket } from '../../shared/protocol/ticket';
import { localTime, phoneForSheet } from './csv';
import { DISPOSITION_WORDS, type ExportLang, HEADERS_HI, LANGUAGE_WORDS, PRIORITY_WORDS, STATUS_WORDS, YES } from './exportWords';

/** What the rows of one export are written with. */
export interface ExportContext {
  lang: ExportLang;
  /** The hub's zone's offset from UTC, for local times. */
  offsetMs: number;
  category: (id: string) => string;
  department: (id: string) => string;
}

/** Labels of the floor's categories and departments as configured when the export was asked for. */
export function exportContext(lang: ExportLang, offsetMs: number, names: Pick<FloorConfig, 'categories' | 'departments'>): ExportContext {
  const labels = (list: readonly { id: string; label: Record<ExportLang, string> }[]) => {
    const byId = new Map(list.map((x) => [x.id, x.label[lang]]));
    return (id: string) => byId.get(id) ?? id;
  };
  return { lang, offsetMs, category: labels(names.categories), department: labels(names.departments) };
}

type Column<R> = readonly [name: string, value: (row: R, c: ExportContext) => unknown];

/** The label of a word of the contract's vocabulary; an id it does not know stays as it is. */
function word(words: Record<ExportLang, Record<string, string>>, c: ExportContext, id: string | undefined): string {
  return id === undefined ? '' : (words[c.lang][id] ?? id);
}

const at = (iso: string | undefined, c: ExportContext) => localTime(iso, c.offsetMs);

export const TICKET_COLUMNS: readonly Column<Ticket>[] = [
  ['number', (t) => t.number],
  ['created_at', (t, c) => at(t.createdAt, c)],
  ['status', (t, c) => word(STATUS_WORDS, c, t.status)],
  ['status_code', (t) => t.status],
  ['category', (t, c) => c.category(t.category)],
  ['category_code', (t) => t.category],
  ['priority', (t, c) => word(PRIORITY_WORDS, c, t.priority)],
  ['priority_code', (t) => t.priority],
  ['department', (t, c) => (t.department ? c.department(t.department) : '')],
  ['department_code', (t) => t.department],
  ['phone', (t) => phoneForSheet(t.phone)],
  ['caller_name', (t) => t.callerName],
  ['locality', (t) => t.locality],
  ['language', (t, c) => word(LANGUAGE_WORDS, c, t.language)],
  ['language_code', (t) => t.language],
  ['description', (t) => t.description],
  ['seat', (t) => t.seat],
  ['created_by', (t) => t.createdBy],
  ['created_by_user', (t) => t.createdByUser],
  ['assigned_seat', (t) => t.assignedSeat],
  ['escalated', (t, c) => (t.escalated ? YES[c.lang] : '')],
  ['due_at', (t, c) => at(t.dueAt, c)],
  ['forwarded_at', (t, c) => at(t.forwardedAt, c)],
  ['department_ack_at', (t, c) => at(t.departmentAckAt, c)],
  ['department_ref', (t) => t.departmentRef],
  ['callback_due_at', (t, c) => at(t.callbackDueAt, c)],
  ['callback_done_at', (t, c) => at(t.callbackDoneAt, c)],
  ['resolved_at', (t, c) => at(t.resolvedAt, c)],
  ['updated_at', (t, c) => at(t.updatedAt, c)],
  ['notes', (t, c) => t.notes.map((n) => `${at(n.at, c)} ${n.author}: ${n.text}`).join(' | ')],
  ['id', (t) => t.id],
];

export const CALL_COLUMNS: readonly Column<Call>[] = [
  ['started_at', (k, c) => at(k.startedAt, c)],
  ['ended_at', (k, c) => at(k.endedAt, c)],
  ['seconds', (k) => (k.endedAt ? Math.round((Date.parse(k.endedAt) - Date.parse(k.startedAt)) / 1000) : '')],
  ['seat', (k) => k.seat],
  ['operator_user', (k) => k.user],
  ['phone', (k) => phoneForSheet(k.phone)],
  ['disposition', (k, c) => word(DISPOSITION_WORDS, c, k.disposition)],
  ['disposition_code', (k) => k.disposition],
  ['ticket_id', (k) => k.ticketId],
  ['id', (k) => k.id],
];

export function headerOf<R>(columns: readonly Column<R>[], lang: ExportLang): string[] {
  return columns.map(([name]) => (lang === 'hi' ? (HEADERS_HI[name] ?? name) : name));
}

export function valuesOf<R>(columns: readonly Column<R>[], row: R, c: ExportContext): unknown[] {
  return columns.map(([, value]) => value(row, c));
}
