/**
 * What the wall shows, computed from the hub state alone. Panels read these plain rows, so a
 * later panel (hub-computed statistics) adds a function here and a component beside the others.
 */
import type { Seat } from '../../../shared/protocol';
import type { SeatState } from '../../../shared/domain/vocabulary';
import type { HubState } from '../sync/hubState';

export interface SeatRow {
  seat: number;
  name?: string;
  state: SeatState;
  /** ms in the current state, by the hub's clock. */
  inStateMs: number;
  /** ms on the current call, while on a call. */
  callMs?: number;
}

export const DEFAULT_SEAT_COUNT = 40;

export function seatRows(hub: HubState, hubNow: Date): SeatRow[] {
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

/** The banner appears only after a few seconds: a blink of the network is not news on the floor. */
export const DISCONNECT_BANNER_AFTER_MS = 4000;

export function showDisconnectBanner(connected: boolean, disconnectedSince: number | undefined, now: number): boolean {
  return !connected && disconnectedSince !== undefined && now - disconnectedSince >= DISCONNECT_BANNER_AFTER_MS;
}
