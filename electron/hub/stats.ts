/**
 * The floor's aggregates for the wall and supervisors. Computed from the read connection at
 * most once a second after something changed, and every few seconds regardless (the windows
 * slide with the clock), then pushed; nobody polls and no wall needs every ticket.
 */
import type { FloorStats } from '../../shared/protocol/stats';
import { localDayStart, zoneOffsetMs } from '../../shared/domain/localDay';
import { maskPhone } from '../../shared/domain/phone';
import { SEAT_STATES } from '../../shared/protocol/vocabulary';
import type { Db } from './db/connection';
import { counterOf, type LiveState } from './store/state';

const HOUR = 3_600_000;

export async function computeStats(db: Db, state: LiveState, timeZone: string, drift: ReadonlyMap<number, number> = new Map(), now = new Date()): Promise<FloorStats> {
  const nowMs = now.getTime();
  const dayStart = localDayStart(now, timeZone).toISOString();
  // Local clock hours: IST hours begin at :30 UTC, so buckets are cut in local time.
  const offset = zoneOffsetMs(now, timeZone);
  const currentHourStart = Math.floor((nowMs + offset) / HOUR) * HOUR - offset;
  const windowStart = currentHourStart - 23 * HOUR;

  // One query after another: the SQLite driver finalizes a statement on the main thread under
  // the connection's lock, so queries fired together block the event loop while the slowest
  // runs (measured: 280 ms blocked at 10 lakh calls, against under 10 ms one at a time).
  const [hourRows, lastHour, categories, active, pending, handle, dropped, recentDropped, running] = await sequence([
    () => db.all<{ h: number; n: number }>(
      `SELECT CAST(((julianday(started_at) - 2440587.5) * 86400000 + ?) / ${HOUR} AS INTEGER) AS h, COUNT(*) AS n
       FROM calls WHERE started_at >= ? GROUP BY h`,
      [offset, new Date(windowStart).toISOString()],
    ),
    () => db.get<{ n: number }>('SELECT COUNT(*) AS n FROM calls WHERE started_at >= ?', [new Date(nowMs - HOUR).toISOString()]),
    // INDEXED BY: the planner otherwise walks every ticket through tickets_category (170 ms at a lakh; 0.6 ms so).
    () => db.all<{ category: string; n: number }>('SELECT category, COUNT(*) AS n FROM tickets INDEXED BY tickets_created WHERE created_at >= ? GROUP BY category ORDER BY n DESC', [dayStart]),
    // Aggregated in SQL: at a lakh of tickets the active ones alone can be tens of thousands,
    // which the hub must not pull into memory once a second.
    () => db.all<{ status: 'open' | 'in_progress' | 'forwarded'; n: number; u1: number; h4: number; h24: number; overdue: number }>(
      `SELECT status, COUNT(*) AS n, SUM(created_at >= ?) AS u1, SUM(created_at >= ?) AS h4, SUM(created_at >= ?) AS h24,
         SUM(due_at IS NOT NULL AND due_at < ?) AS overdue
       FROM tickets WHERE status IN ('open', 'in_progress', 'forwarded') GROUP BY status`,
      [new Date(nowMs - HOUR).toISOString(), new Date(nowMs - 4 * HOUR).toISOString(), new Date(nowMs - 24 * HOUR).toISOString(), now.toISOString()],
    ),
    () => db.all<{ department: string; n: number }>(
      "SELECT department, COUNT(*) AS n FROM tickets WHERE status = 'forwarded' AND department IS NOT NULL GROUP BY department ORDER BY n DESC",
    ),
    () => db.get<{ s: number | null }>(
      'SELECT AVG((julianday(ended_at) - julianday(started_at)) * 86400) AS s FROM calls WHERE started_at >= ? AND ended_at IS NOT NULL',
      [dayStart],
    ),
    () => db.get<{ n: number }>("SELECT COUNT(*) AS n FROM calls WHERE disposition = 'dropped' AND started_at >= ?", [dayStart]),
    () => db.all<{ id: string; seat: number; started_at: string; phone: string | null }>(
      "SELECT id, seat, started_at, phone FROM calls WHERE disposition = 'dropped' AND started_at >= ? ORDER BY started_at DESC LIMIT 10",
      [dayStart],
    ),
    // `+started_at` keeps the planner on the small partial index of open calls (calls_open).
    () => db.get<{ seat: number; started_at: string }>('SELECT seat, started_at FROM calls WHERE ended_at IS NULL ORDER BY +started_at LIMIT 1'),
  ]);

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
    lastHour: lastHour?.n ?? 0,
    hourly,
    categoriesToday: categories.map((c) => ({ category: c.category, tickets: c.n })),
    openByStatus,
    openByAge,
    overdue,
    pendingByDepartment: pending.map((p) => ({ department: p.department, tickets: p.n })),
    avgHandleSeconds: handle?.s == null ? null : Math.round(handle.s),
    longestCall: running ? { seat: running.seat, startedAt: running.started_at } : null,
    droppedToday: dropped?.n ?? 0,
    recentDropped: recentDropped.map((c) => ({ callId: c.id, seat: c.seat, at: c.started_at, ...(c.phone ? { phone: c.phone } : {}) })),
    seats,
    clockDrift: [...drift].filter(([, ms]) => Math.abs(ms) > CLOCK_DRIFT_SHOWN_MS).map(([seat, ms]) => ({ seat, ms })),
  };
}

const CLOCK_DRIFT_SHOWN_MS = 60_000;

/** Runs the queries one at a time, keeping the tuple's types. */
async function sequence<T extends unknown[]>(steps: [...{ [K in keyof T]: () => Promise<T[K]> }]): Promise<T> {
  const results: unknown[] = [];
  for (const step of steps as (() => Promise<unknown>)[]) results.push(await step());
  return results as T;
}

export function maskStats(s: FloorStats): FloorStats {
  return { ...s, recentDropped: s.recentDropped.map((d) => (d.phone ? { ...d, phone: maskPhone(d.phone) } : d)) };
}

/** Recomputes when marked dirty (at most once per `minMs`) and every `maxMs` regardless. */
export class StatsPublisher {
  private dirty = true;
  private last = 0;
  private busy = false;
  private timer: NodeJS.Timeout;
  latest: FloorStats | null = null;

  constructor(
    private readonly compute: () => Promise<FloorStats>,
    private readonly publish: (s: FloorStats) => void,
    private readonly log: (msg: string, err?: unknown) => void,
    private readonly minMs = 1000,
    private readonly maxMs = 5000,
  ) {
    this.timer = setInterval(() => void this.tick(), 250);
    this.timer.unref();
  }

  markDirty(): void {
    this.dirty = true;
  }

  private async tick(): Promise<void> {
    const since = Date.now() - this.last;
    if (this.busy || since < this.minMs || (!this.dirty && since < this.maxMs)) return;
    this.busy = true;
    this.dirty = false;
    this.last = Date.now();
    try {
      this.latest = await this.compute();
      this.publish(this.latest);
    } catch (err) {
      this.log('computing the floor statistics failed', err);
    } finally {
      this.busy = false;
    }
  }

  async current(): Promise<FloorStats> {
    return this.latest ?? (this.latest = await this.compute());
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
