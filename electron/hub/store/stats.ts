/**
 * What the floor statistics read: calls per local hour, today's mix, open tickets by status and
 * age, departments' queues, handle times, dropped and running calls. Aggregated in SQL, so the
 * hub never pulls thousands of rows into memory once a second.
 */
import type { ReadDb } from '../db/connection';

const HOUR = 3_600_000;

/** The instants the figures are cut at: now, local midnight, and the start of the 24-hour window (local hours). */
export type StatsWindow = { now: Date; dayStart: string; offsetMs: number; windowStart: number };

/** `gone`: seats whose open calls are not counted as running (offline past the grace period). */
export async function floorFigures(db: ReadDb, { now, dayStart, offsetMs: offset, windowStart }: StatsWindow, gone: readonly number[] = []) {
  const nowMs = now.getTime();
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
    () => db.get<{ seat: number; started_at: string }>(
      'SELECT seat, started_at FROM calls WHERE ended_at IS NULL AND seat NOT IN (SELECT value FROM json_each(?)) ORDER BY +started_at LIMIT 1',
      [JSON.stringify(gone)],
    ),
  ]);

  return { hourRows, lastHour: lastHour?.n ?? 0, categories, active, pending, avgHandle: handle?.s ?? null, dropped: dropped?.n ?? 0, recentDropped, running };
}

/** Runs the queries one at a time, keeping the tuple's types. */
async function sequence<T extends unknown[]>(steps: [...{ [K in keyof T]: () => Promise<T[K]> }]): Promise<T> {
  const results: unknown[] = [];
  for (const step of steps as (() => Promise<unknown>)[]) results.push(await step());
  return results as T;
}
