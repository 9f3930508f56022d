/**
 * What the wall shows, computed from the mirror of the hub alone. Panels read these plain rows, so a
 * later panel (hub-computed statistics) adds a function here and a component beside the others.
 */
import type { FloorStats, Seat } from '../../../shared/protocol';
import { istHour } from '../ui/format';
import type { SeatState } from '../../../shared/protocol/vocabulary';
import type { HubMirror } from '../hubLink/hubMirror';

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

/** The banner appears only after a few seconds: a blink of the network is not news on the floor. */
export const DISCONNECT_BANNER_AFTER_MS = 4000;

export function showDisconnectBanner(connected: boolean, disconnectedSince: number | undefined, now: number): boolean {
  return !connected && disconnectedSince !== undefined && now - disconnectedSince >= DISCONNECT_BANNER_AFTER_MS;
}

/** The hub sends figures every few seconds even when nothing happens; this long without means they are stuck. */
export const STATS_STALE_AFTER_MS = 20_000;

export function statsStale(stats: FloorStats | null, hubNow: Date): boolean {
  if (!stats) return false;
  const at = Date.parse(stats.at);
  return Number.isFinite(at) && hubNow.getTime() - at > STATS_STALE_AFTER_MS;
}

export interface HourBar {
  /** IST clock hour, "00".."23". */
  label: string;
  calls: number;
  /** Height as a share of the busiest hour, 0..1. */
  share: number;
  current: boolean;
  peak: boolean;
}

/** The sliding 24 hours as bars, oldest first; the last is the hour running now. */
export function hourBars(stats: FloorStats): HourBar[] {
  const max = Math.max(1, ...stats.hourly.map((h) => h.calls));
  const peak = Math.max(...stats.hourly.map((h) => h.calls));
  let peakSeen = false;
  return stats.hourly.map((h, i) => {
    const isPeak = peak > 0 && h.calls === peak && !peakSeen;
    if (isPeak) peakSeen = true;
    return { label: istHour(h.hour), calls: h.calls, share: h.calls / max, current: i === stats.hourly.length - 1, peak: isPeak };
  });
}

export interface MixRow {
  /** A category id, or null for the rest taken together. */
  id: string | null;
  count: number;
  share: number;
}

/** The largest `top` entries and the rest as one row, with shares of the largest. */
export function topWithRest<T>(items: readonly T[], count: (x: T) => number, id: (x: T) => string, top: number): MixRow[] {
  const head = items.slice(0, items.length > top ? top - 1 : top);
  const rest = items.slice(head.length).reduce((n, x) => n + count(x), 0);
  const rows: MixRow[] = head.map((x) => ({ id: id(x), count: count(x), share: 0 }));
  if (rest > 0) rows.push({ id: null, count: rest, share: 0 });
  const max = Math.max(1, ...rows.map((r) => r.count));
  for (const r of rows) r.share = r.count / max;
  return rows;
}
