/**
 * Loading the live state from the database at start. Kept apart from state.ts, which the
 * writer uses: the queries here need the store's modules, and those need the writer's types.
 */
import type { Seat } from '../../../shared/protocol/seat';
import { localDateKey, localDayStart } from '../../../shared/domain/localDay';
import type { AnyDb } from '../db/connection';
import { countCallsSince } from './calls';
import { currentSeq } from './changes';
import { createdAt, initialTotal } from './meta';
import type { LiveState } from './state';
import { lastTicketNumber } from './tickets';

/** The state as the database holds it; run once at start (it counts every call). */
export async function loadState(db: AnyDb, seats: number, timeZone: string, now: Date): Promise<LiveState> {
  const { seq, seqFloor } = await currentSeq(db);
  const total = await countCallsSince(db, null);
  const today = await countCallsSince(db, localDayStart(now, timeZone).toISOString());
  const maxNumber = await lastTicketNumber(db);
  const rows = await db.all<{ seat: number; name: string | null; username: string | null; state: Seat['state']; since: string; call_id: string | null; resume_state: Seat['state'] | null }>(
    'SELECT seat, name, username, state, since, call_id, resume_state FROM seats',
  );
  const map: LiveState['seats'] = new Map();
  // A seat never used has been offline since the database was created: a stable time, so that
  // a restart changes nothing a client could have missed.
  const created = (await createdAt(db)) ?? now.toISOString();
  for (let n = 1; n <= seats; n++) map.set(n, { seat: n, state: 'offline', since: created });
  for (const r of rows) {
    if (r.seat < 1 || r.seat > seats) continue;
    map.set(r.seat, {
      seat: r.seat,
      state: r.state,
      since: r.since,
      ...(r.name ? { name: r.name } : {}),
      ...(r.username ? { user: r.username } : {}),
      ...(r.call_id ? { callId: r.call_id } : {}),
      ...(r.resume_state ? { resumeState: r.resume_state } : {}),
    });
  }
  return {
    seq,
    seqFloor,
    ticketsSeq: seq,
    initialTotal: await initialTotal(db),
    callsTotal: total,
    callsToday: today,
    dayKey: localDateKey(now, timeZone),
    nextTicketNumber: maxNumber + 1,
    seats: map,
  };
}
