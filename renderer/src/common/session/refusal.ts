/**
 * Why a console is back at the sign-in, in the person's words: a sign-in the hub refused, or a
 * session that ended. An unknown user and a wrong PIN get one answer (the hub gives one word
 * for both, so that nobody can find out which usernames exist); the key is named only when the
 * person has just typed it. A supervisor has no seat, so nothing said to one mentions a seat.
 */
import type { SessionEndReason } from '../../../../shared/protocol';
import type { ConsoleRole } from './session';

/**
 * What to say, as the dictionary's key and its values: said when shown, so that the words follow
 * the page's language when the person switches it.
 */
export type Words = { key: string; values?: Record<string, unknown> };

const REFUSALS: Record<ConsoleRole, Record<string, string>> = {
  operator: {
    unauthorized: 'refused.unauthorized',
    unauthorizedKey: 'refused.unauthorizedKey',
    locked: 'refused.locked',
    seat_taken: 'refused.seatTaken',
    invalid: 'refused.invalid',
    outdated: 'refused.outdated',
  },
  supervisor: {
    unauthorized: 'refused.unauthorized',
    unauthorizedKey: 'refused.supervisor.unauthorizedKey',
    locked: 'refused.locked',
    invalid: 'refused.supervisor.invalid',
    outdated: 'refused.outdated',
  },
};

/** A sign-in the hub refused (`connect_error`); `keyTyped`: the person typed the key this time. */
export function refusalWords(reason: string | undefined, role: ConsoleRole, keyTyped = false): Words {
  const r = reason ?? 'unauthorized';
  const key = REFUSALS[role][r === 'unauthorized' && keyTyped ? 'unauthorizedKey' : r];
  return key ? { key } : { key: 'refused.other', values: { reason: r } };
}

const ENDED: Record<SessionEndReason, string> = {
  signed_out: 'ended.signed_out',
  disabled: 'ended.disabled',
  pin_reset: 'ended.pin_reset',
  expired: 'ended.expired',
  seat_freed: 'ended.seat_freed',
  role_changed: 'ended.role_changed',
};

/** A session the hub ended while the console was open (`session:ended`). */
export function endedWords(reason: SessionEndReason | undefined): Words {
  return { key: reason ? ENDED[reason] : 'ended.other' };
}

/**
 * A remembered session the hub would not resume. Its token is refused for the same reasons a
 * session ends (signed out elsewhere, disabled, PIN reset, 16 hours), which the hub does not
 * tell apart; past the session's end by this PC's clock, it says the 16 hours are over.
 */
export function resumeRefusedWords(reason: string | undefined, role: ConsoleRole, expiresAt: string, now: Date): Words {
  if (reason && reason !== 'unauthorized') return refusalWords(reason, role);
  return { key: Date.parse(expiresAt) <= now.getTime() ? 'ended.expired' : 'ended.other' };
}
