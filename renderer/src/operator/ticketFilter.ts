/**
 * Filtering and searching the ticket list on this screen, before (and while) the hub is asked
 * for older tickets. Plain functions over plain data: 1 lakh tickets filter in a few ms.
 */
import { normalizePhone, phoneDigits } from '../../../shared/domain/phone';
import { isActive } from '../../../shared/domain/ticketRules';
import type { TicketStatus } from '../../../shared/domain/vocabulary';
import type { TicketsSearchRequest } from '../../../shared/protocol';
import type { ViewTicket } from '../sync/view';

export interface TicketFilters {
  mine: boolean;
  /** Only tickets still to be acted on (not resolved or closed). */
  open: boolean;
  urgent: boolean;
  category: string;
  status: TicketStatus | '';
  department: string;
  query: string;
}

export const NO_FILTERS: TicketFilters = { mine: false, open: false, urgent: false, category: '', status: '', department: '', query: '' };

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

function searchableText(t: ViewTicket): string {
  return [t.description, t.callerName ?? '', t.locality ?? '', ...t.notes.map((n) => n.text)].join(' ').toLocaleLowerCase();
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

export function filterTickets(list: readonly ViewTicket[], f: TicketFilters, seat: number | undefined): ViewTicket[] {
  const q = parseQuery(f.query);
  const noFilter = !f.mine && !f.open && !f.urgent && !f.category && !f.status && !f.department && q.kind === 'none';
  if (noFilter) return list as ViewTicket[];
  return list.filter(
    (t) =>
      (!f.mine || t.seat === seat) &&
      (!f.open || isActive(t.status)) &&
      (!f.urgent || t.priority === 'urgent') &&
      (!f.category || t.category === f.category) &&
      (!f.status || t.status === f.status) &&
      (!f.department || t.department === f.department) &&
      matchesQuery(t, q),
  );
}

/** The hub search for the same filters, or null when the query is too short to be worth it. */
export function hubSearchFor(f: TicketFilters, seat: number | undefined): TicketsSearchRequest | null {
  const q = parseQuery(f.query);
  const req: TicketsSearchRequest = { limit: 100 };
  if (q.kind === 'phone') req.phone = q.phone ?? q.digits;
  else if (q.kind === 'number') req.text = String(q.number);
  else if (q.kind === 'words') {
    if (q.words.join(' ').length < 3) return null;
    req.text = q.words.join(' ');
  } else return null;
  if (f.category) req.category = f.category;
  if (f.status) req.status = f.status;
  else if (f.open) req.status = ['open', 'in_progress', 'forwarded'];
  if (f.urgent) req.priority = 'urgent';
  if (f.department) req.department = f.department;
  if (f.mine && seat !== undefined) req.seat = seat;
  return req;
}
