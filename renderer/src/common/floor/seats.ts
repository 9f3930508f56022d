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
