/**
 * Filtering and searching the ticket list on this screen, before (and while) the hub is asked
 * for older tickets. Plain functions over plain data: 1 lakh tickets filter in a few ms.
 */
import { normalizePhone } from '../../../../shared/protocol/phone';
import { phoneDigits } from '../../../../shared/domain/phone';
import { isActive } from '../../../../shared/domain/ticketRules';
import type { TicketStatus } from '../../../../shared/protocol/vocabulary';
import type { TicketsSearchRequest } from '../../../../shared/protocol';
import type { ViewTicket } from '../../hubLink/view';

export interface TicketFilters {
  mine: boolean;
  /** Only tickets still to be acted on (not resolved or closed). */
  open: boolean;
  urgent: boolean;
  /** Only active tickets past their service-level target. */
  overdue: boolean;
  category: string;
  status: TicketStatus | '';
  department: string;
  query: string;
}

export const NO_FILTERS: TicketFilters = { mine: false, open: false, urgent: false, overdue: false, category: '', status: '', department: '', query: '' };

export type ParsedQuery =
  | { kind: 'none' }
  | { kind: 'number'; number: number; digits: string }
  | { kind: 'phone'; digits: string; phone?: string }
  | { kind: 'words'; words: string[] };

/** "#123" or a short number is a ticket number; 3+ digits also match phones; else words. */
export function parseQuery(raw: string): ParsedQuery {
  const q = raw.trim();
  if (!q) return { kind: 'none' };
  const hash = /^#\s*(\d+)$/.exec(q);
  if (hash) return { kind: 'number', number: Number(hash[1]), digits: '' };
  if (/^[+\d\s\-()]+$/.test(q)) {
    const digits = phoneDigits(q);
    const n = normalizePhone(q);
    if (n.ok) return { kind: 'phone', digits, phone: n.phone };
    if (digits.length <= 6) return { kind: 'number', number: Number(digits), digits: digits.length >= 3 ? digits : '' };
    return { kind: 'phone', digits };
  }
  return { kind: 'words', words: q.toLocaleLowerCase().split(/\s+/).filter(Boolean) };
}

// Tickets are immutable (a change makes a new object), so their lower-cased text is kept per object.
const textCache = new WeakMap<ViewTicket, string>();

function searchableText(t: ViewTicket): string {
  let text = textCache.get(t);
  if (text === undefined) {
    text = [t.description, t.callerName ?? '', t.locality ?? '', ...t.notes.map((n) => n.text)].join(' ').toLocaleLowerCase();
    textCache.set(t, text);
  }
  return text;
}

export function matchesQuery(t: ViewTicket, q: ParsedQuery): boolean {
  switch (q.kind) {
    case 'none':
      return true;
    case 'number':
      return t.number === q.number || (q.digits !== '' && phoneDigits(t.phone).includes(q.digits));
    case 'phone':
      return q.phone ? t.phone === q.phone : phoneDigits(t.phone).includes(q.digits);
    case 'words': {
      const text = searchableText(t);
      return q.words.every((w) => text.includes(w));
    }
  }
}

export function filterTickets(list: readonly ViewTicket[], f: TicketFilters, seat: number | undefined, hubNow: Date = new Date()): ViewTicket[] {
  const q = parseQuery(f.query);
  const noFilter = !f.mine && !f.open && !f.urgent && !f.overdue && !f.category && !f.status && !f.department && q.kind === 'none';
  if (noFilter) return list as ViewTicket[];
  const now = hubNow.getTime();
  return list.filter(
    (t) =>
      // A ticket assigned to this seat for follow-up is this seat's too.
      (!f.mine || t.seat === seat || t.assignedSeat === seat) &&
      (!f.overdue || (isActive(t.status) && !!t.dueAt && Date.parse(t.dueAt) < now)) &&
      (!f.open || isActive(t.status)) &&
      (!f.urgent || t.priority === 'urgent') &&
      (!f.category || t.category === f.category) &&
      (!f.status || t.status === f.status) &&
      (!f.department || t.department === f.department) &&
      matchesQuery(t, q),
  );
}

/**
 * The hub searches for the same filters; none when the query is too short to be worth it. A
 * short run of digits may be a ticket number or part of a phone, so both are asked.
 */
export function hubSearchFor(f: TicketFilters, seat: number | undefined): TicketsSearchRequest[] {
  const q = parseQuery(f.query);
  const base: TicketsSearchRequest = { limit: 100 };
  if (f.category) base.category = f.category;
  if (f.status) base.status = f.status;
  else if (f.open) base.status = ['open', 'in_progress', 'forwarded'];
  if (f.urgent) base.priority = 'urgent';
  if (f.overdue) base.overdue = true;
  if (f.department) base.department = f.department;
  if (f.mine && seat !== undefined) base.seat = seat;
  switch (q.kind) {
    case 'phone':
      return [{ ...base, phone: q.phone ?? q.digits }];
    case 'number':
      return q.digits ? [{ ...base, text: `#${q.number}` }, { ...base, phone: q.digits }] : [{ ...base, text: `#${q.number}` }];
    case 'words':
      return q.words.join(' ').length < 3 ? [] : [{ ...base, text: q.words.join(' ') }];
    case 'none':
      return [];
  }
}
