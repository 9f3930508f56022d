/**
 * The People tab's rules over the hub's shapes, apart from React: the order accounts and
 * operators are listed in, a person's sessions, and how pages of the sign-in log join.
 */
import type { Account, PersonFigures, SecurityEvent, SignedIn } from '../../../../shared/protocol';

/** Accounts as a supervisor looks for them: those in use first, then by name; disabled ones last. */
export function sortAccounts(accounts: readonly Account[]): Account[] {
  return [...accounts].sort((a, b) => Number(a.disabled) - Number(b.disabled) || Number(b.sessions.length > 0) - Number(a.sessions.length > 0) || a.name.localeCompare(b.name) || a.username.localeCompare(b.username));
}

/** A person's sessions: those with a window connected first, then the newest. */
export function sessionsInOrder(sessions: readonly SignedIn[]): SignedIn[] {
  return [...sessions].sort((a, b) => Number(b.connected !== false) - Number(a.connected !== false) || Date.parse(b.since) - Date.parse(a.since));
}

/** Operators of the day: those at a seat first, by seat; then the others by name. */
export function sortFigures(people: readonly PersonFigures[]): PersonFigures[] {
  return [...people].sort((a, b) => (a.seat ?? Infinity) - (b.seat ?? Infinity) || a.name.localeCompare(b.name) || a.username.localeCompare(b.username));
}

/** The log as read so far: the newest page as the hub has it now, then older pages, each event once, newest first. */
export function joinLog(newest: readonly SecurityEvent[], older: readonly SecurityEvent[]): SecurityEvent[] {
  const seen = new Set<number>();
  const out: SecurityEvent[] = [];
  for (const e of [...newest, ...older]) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    out.push(e);
  }
  return out.sort((a, b) => b.id - a.id);
}
