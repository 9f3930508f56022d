/**
 * Every seat of the floor as a plain row, with its time in state and on the call by the hub's
 * clock: what the wall shows across the room and the supervisor's floor lists.
 */
import type { Seat } from '../../../../shared/protocol';
import type { SeatState } from '../../../../shared/protocol/vocabulary';
import type { HubMirror } from '../../hubLink/hubMirror';

export interface SeatRow {
  seat: number;
  name?: string;
  /** The username of the person holding the seat (v2). */
  user?: string;
  state: SeatState;
  /** ms in the current state, by the hub's clock. */
  inStateMs: number;
  /** ms on the current call, while on a call. */
  callMs?: number;
}

export function seatRows(hub: HubMirror, hubNow: Date): SeatRow[] {
  const seats: Seat[] = [...hub.seats.values()].sort((a, b) => a.seat - b.seat);
  return seats.map((s) => {
    const since = Date.parse(s.since);
    const row: SeatRow = { seat: s.seat, state: s.state, inStateMs: Number.isFinite(since) ? hubNow.getTime() - since : 0 };
    if (s.name) row.name = s.name;
    if (s.user) row.user = s.user;
    if (s.state === 'on_call') {
      const call = s.callId ? hub.calls.get(s.callId) : undefined;
      const started = call ? Date.parse(call.startedAt) : since;
      row.callMs = Number.isFinite(started) ? hubNow.getTime() - started : 0;
    }
    return row;
  });
}

export type StateCounts = Record<SeatState, number>;

export function stateCounts(rows: readonly SeatRow[]): StateCounts {
  const c: StateCounts = { offline: 0, ready: 0, on_call: 0, wrap_up: 0, break: 0 };
  for (const r of rows) c[r.state] += 1;
  return c;
}

/** The order a supervisor reads the floor in: who is busy, who is free, who is away. */
const FLOOR_ORDER: Record<SeatState, number> = { on_call: 0, wrap_up: 1, ready: 2, break: 3, offline: 4 };

export interface FloorSeats {
  /** Seats someone is signed in at, on a call first, then wrap-up, ready and break; by number within each. */
  active: SeatRow[];
  /** The numbers of the seats nobody is at, in order. */
  offline: number[];
}

/**
 * The supervisor's floor: 40 seats of which a handful are staffed must show those without
 * scrolling, so the staffed seats come first and the empty ones shrink to their numbers. (The
 * wall keeps `seatRows`' order, by number, as the room knows its desks.)
 */
export function activeFirst(rows: readonly SeatRow[]): FloorSeats {
  const active = rows.filter((r) => r.state !== 'offline').sort((a, b) => FLOOR_ORDER[a.state] - FLOOR_ORDER[b.state] || a.seat - b.seat);
  const offline = rows.filter((r) => r.state === 'offline').map((r) => r.seat);
  return { active, offline };
}

/** Seat numbers as short runs, "1, 4–9, 12", so that 32 empty seats read in one line. */
export function seatRuns(seats: readonly number[]): string {
  const sorted = [...seats].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    runs.push(j > i + 1 ? `${sorted[i]}–${sorted[j]}` : j === i + 1 ? `${sorted[i]}, ${sorted[j]}` : String(sorted[i]));
    i = j + 1;
  }
  return runs.join(', ');
}

/**
 * A person's name for a username a record carries (a call's operator): the account's name as the
 * seat they hold says it, else the username itself, which is theirs as well. Records from before
 * accounts carry no username, and get nothing.
 */
export function nameOfUser(hub: HubMirror, username: string | undefined): string | undefined {
  if (!username) return undefined;
  for (const s of hub.seats.values()) if (s.user === username && s.name) return s.name;
  return username;
}
