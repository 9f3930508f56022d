/**
 * The floor's aggregates for the wall and supervisors, from the figures store/stats.ts reads on
 * the read connection and the live seats. Computed at most once a second after something
 * changed, and every few seconds regardless (the windows slide with the clock), then pushed;
 * nobody polls and no wall needs every ticket.
 */
import type { FloorStats, PersonFigures } from '../../shared/protocol/stats';
import { localDayStart, zoneOffsetMs } from '../../shared/domain/localDay';
import { maskPhone } from '../../shared/domain/phone';
import { SEAT_STATES } from '../../shared/protocol/vocabulary';
import type { ReadDb } from './db/connection';
import { peopleFigures, type PersonDay } from './store/people';
import { floorFigures } from './store/stats';
import { offlinePastGrace } from './store/seats';
import { counterOf, type LiveState } from './store/state';
import { DEFAULT_CALL_GRACE_SECONDS } from './options';

const HOUR = 3_600_000;

export type StatsOptions = {
  /** Each online seat's clock minus the hub's. */
  drift?: ReadonlyMap<number, number>;
  /** The hub's `callGraceSeconds` in ms: calls of seats offline longer than this are not running. */
  callGraceMs?: number;
  now?: Date;
};

export async function computeStats(db: ReadDb, state: LiveState, timeZone: string, options: StatsOptions = {}): Promise<FloorStats> {
  const { drift = new Map<number, number>(), callGraceMs = DEFAULT_CALL_GRACE_SECONDS * 1000, now = new Date() } = options;
  const nowMs = now.getTime();
  const dayStart = localDayStart(now, timeZone).toISOString();
  // Local clock hours: IST hours begin at :30 UTC, so buckets are cut in local time.
  const offset = zoneOffsetMs(now, timeZone);
  const currentHourStart = Math.floor((nowMs + offset) / HOUR) * HOUR - offset;
  const windowStart = currentHourStart - 23 * HOUR;

  // A seat offline past the grace period will not come back to its call (the hub is closing it):
  // its call is not "running", whatever the moment the figures are cut at.
  const gone = [...state.seats.values()].filter((s) => offlinePastGrace(s, callGraceMs, now)).map((s) => s.seat);
  const { hourRows, lastHour, categories, active, pending, avgHandle, dropped, recentDropped, running } = await floorFigures(db, { now, dayStart, offsetMs: offset, windowStart }, gone);
  const people = await peopleFigures(db, dayStart, now.toISOString(), now);

  const perHour = new Map(hourRows.map((r) => [r.h, r.n]));
  const hourly = Array.from({ length: 24 }, (_, i) => {
    const start = windowStart + i * HOUR;
    return { hour: new Date(start).toISOString(), calls: perHour.get(Math.floor((start + offset) / HOUR)) ?? 0 };
  });

  const openByStatus = { open: 0, in_progress: 0, forwarded: 0 };
  const openByAge = { under1h: 0, h1to4: 0, h4to24: 0, over24h: 0 };
  let overdue = 0;
  for (const row of active) {
    openByStatus[row.status] = row.n;
    openByAge.under1h += row.u1;
    openByAge.h1to4 += row.h4 - row.u1;
    openByAge.h4to24 += row.h24 - row.h4;
    openByAge.over24h += row.n - row.h24;
    overdue += row.overdue;
  }

  const seats = Object.fromEntries(SEAT_STATES.map((s) => [s, 0])) as FloorStats['seats'];
  for (const seat of state.seats.values()) seats[seat.state] += 1;

  return {
    at: now.toISOString(),
    counter: counterOf(state, now, timeZone),
    lastHour,
    hourly,
    categoriesToday: categories.map((c) => ({ category: c.category, tickets: c.n })),
    openByStatus,
    openByAge,
    overdue,
    pendingByDepartment: pending.map((p) => ({ department: p.department, tickets: p.n })),
    avgHandleSeconds: avgHandle === null ? null : Math.round(avgHandle),
    longestCall: running ? { seat: running.seat, startedAt: running.started_at } : null,
    droppedToday: dropped,
    recentDropped: recentDropped.map((c) => ({ callId: c.id, seat: c.seat, at: c.started_at, ...(c.phone ? { phone: c.phone } : {}) })),
    seats,
    clockDrift: [...drift].filter(([, ms]) => Math.abs(ms) > CLOCK_DRIFT_SHOWN_MS).map(([seat, ms]) => ({ seat, ms })),
    people: peopleOnTheFloor(people, state),
  };
}

/** Each person's day with the seat they hold now; those at a seat first, by seat, then the others by name. */
function peopleOnTheFloor(days: readonly PersonDay[], state: LiveState): PersonFigures[] {
  const held = new Map<string, { seat: number; state: PersonFigures['state'] }>();
  for (const seat of state.seats.values()) if (seat.user && seat.state !== 'offline') held.set(seat.user, { seat: seat.seat, state: seat.state });
  return days
    .map((d): PersonFigures => ({
      username: d.username,
      name: d.name,
      ...held.get(d.username),
      callsToday: d.calls,
      avgHandleSeconds: d.avgHandleSeconds === null ? null : Math.round(d.avgHandleSeconds),
      ticketsToday: d.tickets,
      dispositions: d.dispositions,
      breakSecondsToday: Math.round(d.breakSeconds),
    }))
    .sort((a, b) => (a.seat ?? Infinity) - (b.seat ?? Infinity) || a.name.localeCompare(b.name));
}

const CLOCK_DRIFT_SHOWN_MS = 60_000;

/** The wall's figures: phone numbers masked, and no one's personal figures (a TV the room's visitors read). */
export function maskStats(s: FloorStats): FloorStats {
  const { people: _people, ...floor } = s;
  return { ...floor, recentDropped: s.recentDropped.map((d) => (d.phone ? { ...d, phone: maskPhone(d.phone) } : d)) };
}
