/**
 * The caller form as the operator is typing it. It lives in this screen's storage, not in the
 * hub's state, so no live update and no reload can wipe a half-typed ticket.
 */
import type { z } from 'zod';
import { normalizePhone } from '../../../shared/protocol/phone';
import type { Priority } from '../../../shared/protocol/vocabulary';
import { NewTicket } from '../../../shared/protocol';
import { browserStore, readJson } from '../hubLink/storage';
import { type FieldProblem, fieldProblemOf } from '../common/tickets/fieldProblem';

export interface Draft {
  phone: string;
  callerName: string;
  category: string;
  locality: string;
  language: string;
  priority: Priority;
  description: string;
}

export const EMPTY_DRAFT: Draft = { phone: '', callerName: '', category: '', locality: '', language: '', priority: 'normal', description: '' };

export const CALL_LANGUAGES = ['hi', 'en', 'haryanvi', 'punjabi', 'bengali', 'bhojpuri', 'other'] as const;

/** Kept per seat and person, like the outbox: the caller someone was typing in stays theirs. */
const key = (seat: number, user: string) => `hcr.draft.seat-${seat}.user-${user}`;

export function loadDraft(seat: number, user: string): Draft {
  const d = readJson<Partial<Draft>>(browserStore(), key(seat, user));
  return { ...EMPTY_DRAFT, ...(d ?? {}) };
}

export function saveDraft(seat: number, user: string, d: Draft): void {
  browserStore().setItem(key(seat, user), JSON.stringify(d));
}

export type DraftCheck = { ok: true; ticket: z.input<typeof NewTicket> } | ({ ok: false } & FieldProblem);

/** The ticket to send, or the first field the operator still has to fill or put right. */
export function ticketFromDraft(d: Draft): DraftCheck {
  if (!normalizePhone(d.phone).ok) return { ok: false, field: 'phone', problem: d.phone.trim() ? 'invalid' : 'missing' };
  if (!d.category) return { ok: false, field: 'category', problem: 'missing' };
  if (!d.description.trim()) return { ok: false, field: 'description', problem: 'missing' };
  const ticket: z.input<typeof NewTicket> = { phone: d.phone.trim(), category: d.category, description: d.description.trim(), priority: d.priority };
  if (d.callerName.trim()) ticket.callerName = d.callerName.trim();
  if (d.locality.trim()) ticket.locality = d.locality.trim();
  if (d.language) ticket.language = d.language;
  // The same schema the hub applies, so what the form lets through the hub accepts.
  const parsed = NewTicket.safeParse(ticket);
  if (!parsed.success) {
    // The field the schema names, never Description by default: a long locality is the locality's problem.
    const issue = parsed.error.issues[0]!;
    const max = issue.code === 'too_big' ? Number(issue.maximum) : undefined;
    return { ok: false, ...fieldProblemOf({ field: String(issue.path[0]), code: issue.code, ...(max !== undefined ? { max } : {}) }) };
  }
  return { ok: true, ticket };
}

/**
 * The form once a ticket is raised from it. During a call the caller is still on the line: who
 * they are and what the call is about (the category, which chooses the guidance being read out)
 * stay until the call ends; only what was asked is cleared for the next request. Without a call
 * the next ticket is a new matter, so the category goes too.
 */
export function draftAfterTicket(d: Draft, onCall: boolean): Draft {
  return { ...d, category: onCall ? d.category : '', description: '', priority: 'normal' };
}

/** The form once the call ends: empty for the next caller, unless it holds words not yet made into a ticket (nothing the caller said is thrown away). */
export function draftAfterCall(d: Draft): Draft {
  return d.description.trim() ? d : EMPTY_DRAFT;
}

/** A ticket that could not be saved, back into the form's shape. */
export function draftFromTicket(t: z.input<typeof NewTicket>): Draft {
  return {
    phone: t.phone,
    callerName: t.callerName ?? '',
    category: t.category,
    locality: t.locality ?? '',
    language: t.language ?? '',
    priority: t.priority === 'urgent' ? 'urgent' : 'normal',
    description: t.description,
  };
}
