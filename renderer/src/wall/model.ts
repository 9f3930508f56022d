/**
 * What the wall's panels show, as plain rows computed from the hub's figures, so a later panel
 * adds a function here and a component beside the others. The seats' rows are common/floor's,
 * which the supervisor's floor shows too.
 */
import type { FloorStats } from '../../../shared/protocol';
import type { HubTime } from '../ui/hubTime';

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
  /** The hub's local clock hour, "00".."23". */
  label: string;
  calls: number;
  /** Height as a share of the busiest hour, 0..1. */
  share: number;
  current: boolean;
  peak: boolean;
  /** Its count is written over it: the hour running now, and the busiest unless it stands right beside it. */
  showCount: boolean;
}

/** The sliding 24 hours as bars, oldest first; the last is the hour running now. */
export function hourBars(stats: FloorStats, time: HubTime): HourBar[] {
  const max = Math.max(1, ...stats.hourly.map((h) => h.calls));
  const peak = Math.max(...stats.hourly.map((h) => h.calls));
  const last = stats.hourly.length - 1;
  let peakSeen = false;
  return stats.hourly.map((h, i) => {
    const isPeak = peak > 0 && h.calls === peak && !peakSeen;
    if (isPeak) peakSeen = true;
    const current = i === last;
    // Counts over neighbouring bars would run into each other: a bar is narrower than a number.
    return { label: time.hour(h.hour), calls: h.calls, share: h.calls / max, current, peak: isPeak, showCount: current || (isPeak && last - i >= 2) };
  });
}

/**
 * Columns and rows of the seat grid: eight columns for the 40 seats of a floor (cards wide
 * enough for a name), more for a larger floor so its cards keep about the same shape.
 */
export function seatGridShape(seats: number): { columns: number; rows: number } {
  const columns = Math.max(8, Math.ceil(Math.sqrt(seats * 1.6)));
  return { columns, rows: Math.max(1, Math.ceil(seats / columns)) };
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
