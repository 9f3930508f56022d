/**
 * Each person's figures over a stretch of time (today for the floor, a day for the report):
 * calls taken and their mean length, dispositions, tickets raised and time on break. Summed in
 * SQL by username, from the calls' and tickets' own columns and the seat's stretches in each
 * state (seat_states), so that the floor's figures stay cheap once a second.
 */
import type { OperatorDay } from '../../../shared/protocol/reports';
import type { CallDisposition } from '../../../shared/protocol/vocabulary';
import type { ReadDb } from '../db/connection';

/** One person's figures: the report's row (`OperatorDay`), with the handle and break times unrounded. */
export type PersonDay = OperatorDay;

/** A seat's stretch in one state is never longer than this, so only so far back can one reach into the range. */
const LONGEST_STRETCH_MS = 2 * 86_400_000;

/**
 * Figures of everyone who took a call, raised a ticket or held a seat in [from, to), counted up
 * to `until` (now, for a day still going on). Calls count by when they started, as the floor's
 * other figures do.
 */
export async function peopleFigures(db: ReadDb, from: string, to: string, until: Date): Promise<PersonDay[]> {
  const end = new Date(Math.min(Date.parse(to), until.getTime())).toISOString();
  const lookback = new Date(Date.parse(from) - LONGEST_STRETCH_MS).toISOString();
  // One query after another: see store/stats.ts for why they are not fired together.
  const calls = await db.all<{ username: string; n: number; handle: number | null }>(
    `SELECT username, COUNT(*) AS n, AVG(CASE WHEN ended_at IS NOT NULL THEN (julianday(ended_at) - julianday(started_at)) * 86400 END) AS handle
     FROM calls WHERE started_at >= ? AND started_at < ? AND username IS NOT NULL GROUP BY username`,
    [from, to],
  );
  const dispositions = await db.all<{ username: string; disposition: CallDisposition; n: number }>(
    `SELECT username, disposition, COUNT(*) AS n FROM calls
     WHERE started_at >= ? AND started_at < ? AND username IS NOT NULL AND disposition IS NOT NULL GROUP BY username, disposition`,
    [from, to],
  );
  // INDEXED BY: as for the floor's category mix (store/stats.ts), the day's tickets by creation.
  const tickets = await db.all<{ username: string; n: number }>(
    `SELECT created_by_user AS username, COUNT(*) AS n FROM tickets INDEXED BY tickets_created
     WHERE created_at >= ? AND created_at < ? AND created_by_user IS NOT NULL GROUP BY created_by_user`,
    [from, to],
  );
  // Each stretch clipped to [from, end): a break that began yesterday counts from midnight.
  const seats = await db.all<{ username: string; brk: number | null }>(
    `SELECT username,
       SUM(CASE WHEN state = 'break' THEN (julianday(MIN(COALESCE(ended_at, ?), ?)) - julianday(MAX(started_at, ?))) * 86400 ELSE 0 END) AS brk
     FROM seat_states
     WHERE username IS NOT NULL AND started_at >= ? AND started_at < ? AND (ended_at IS NULL OR ended_at > ?)
     GROUP BY username`,
    [end, end, from, lookback, end, from],
  );
  const names = new Map((await db.all<{ username: string; name: string }>('SELECT username, name FROM accounts')).map((a) => [a.username, a.name]));

  const people = new Map<string, PersonDay>();
  const person = (username: string): PersonDay => {
    let p = people.get(username);
    if (!p) {
      p = { username, name: names.get(username) ?? username, calls: 0, avgHandleSeconds: null, tickets: 0, dispositions: {}, breakSeconds: 0 };
      people.set(username, p);
    }
    return p;
  };
  for (const c of calls) Object.assign(person(c.username), { calls: c.n, avgHandleSeconds: c.handle });
  for (const d of dispositions) person(d.username).dispositions[d.disposition] = d.n;
  for (const t of tickets) person(t.username).tickets = t.n;
  for (const s of seats) person(s.username).breakSeconds = Math.max(0, s.brk ?? 0);
  return [...people.values()];
}
