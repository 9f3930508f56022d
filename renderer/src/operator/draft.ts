/**
 * The caller form as the operator is typing it. It lives in this screen's storage, not in the
 * hub's state, so no live update and no reload can wipe a half-typed ticket.
 */
import type { z } from 'zod';
import { normalizePhone } from '../../../shared/protocol/phone';
import type { Priority } from '../../../shared/protocol/vocabulary';
import { NewTicket } from '../../../shared/protocol';
import { browserStore, readJson } from '../hubLink/storage';

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

const key = (seat: number) => `hcr.draft.seat-${seat}`;

export function loadDraft(seat: number): Draft {
  const d = readJson<Partial<Draft>>(browserStore(), key(seat));
  return { ...EMPTY_DRAFT, ...(d ?? {}) };
}

export function saveDraft(seat: number, d: Draft): void {
  browserStore().setItem(key(seat), JSON.stringify(d));
}

export type DraftCheck = { ok: true; ticket: z.input<typeof NewTicket> } | { ok: false; field: 'phone' | 'category' | 'description' };

/** The ticket to send, or the first field the operator still has to fill. */
export function ticketFromDraft(d: Draft): DraftCheck {
  if (!normalizePhone(d.phone).ok) return { ok: false, field: 'phone' };
  if (!d.category) return { ok: false, field: 'category' };
  if (!d.description.trim()) return { ok: false, field: 'description' };
  const ticket: z.input<typeof NewTicket> = { phone: d.phone.trim(), category: d.category, description: d.description.trim(), priority: d.priority };
  if (d.callerName.trim()) ticket.callerName = d.callerName.trim();
  if (d.locality.trim()) ticket.locality = d.locality.trim();
  if (d.language) ticket.language = d.language;
  // The same schema the hub applies, so what the form lets through the hub accepts.
  const parsed = NewTicket.safeParse(ticket);
  if (!parsed.success) {
    const path = String(parsed.error.issues[0]?.path[0] ?? 'description');
    return { ok: false, field: path === 'phone' ? 'phone' : path === 'category' ? 'category' : 'description' };
  }
  return { ok: true, ticket };
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
