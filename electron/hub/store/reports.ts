/** What the daily situation report reads: one local day's calls and tickets, [from, to) in UTC. */
import type { Ticket } from '../../../shared/protocol/ticket';
import type { ReadDb } from '../db/connection';

export type DayFigures = {
  /** Start times of the day's calls. */
  callStarts: string[];
  byDisposition: { disposition: string; n: number }[];
  /** Mean length of the day's ended calls, seconds, unrounded. */
  avgHandleSeconds: number | null;
  /** Tickets raised that day. */
  raised: Ticket[];
  /** Tickets resolved that day (whenever raised), by category. */
  resolvedByCategory: { category: string; n: number }[];
  /** Calls ever started before the day ended. */
  callsBefore: number;
};

export async function dayFigures(db: ReadDb, from: string, to: string): Promise<DayFigures> {
  const [calls, byDisposition, handle, tickets, resolvedByCategory, before] = await Promise.all([
    db.all<{ started_at: string }>('SELECT started_at FROM calls WHERE started_at >= ? AND started_at < ?', [from, to]),
    db.all<{ disposition: string; n: number }>('SELECT disposition, COUNT(*) AS n FROM calls WHERE started_at >= ? AND started_at < ? AND disposition IS NOT NULL GROUP BY disposition', [from, to]),
    db.get<{ s: number | null }>('SELECT AVG((julianday(ended_at) - julianday(started_at)) * 86400) AS s FROM calls WHERE started_at >= ? AND started_at < ? AND ended_at IS NOT NULL', [from, to]),
    db.all<{ doc: string }>('SELECT doc FROM tickets WHERE created_at >= ? AND created_at < ?', [from, to]),
    db.all<{ category: string; n: number }>(
      "SELECT category, COUNT(*) AS n FROM tickets WHERE json_extract(doc, '$.resolvedAt') >= ? AND json_extract(doc, '$.resolvedAt') < ? GROUP BY category",
      [from, to],
    ),
    db.get<{ n: number }>('SELECT COUNT(*) AS n FROM calls WHERE started_at < ?', [to]),
  ]);
  return {
    callStarts: calls.map((c) => c.started_at),
    byDisposition,
    avgHandleSeconds: handle?.s ?? null,
    raised: tickets.map((r) => JSON.parse(r.doc) as Ticket),
    resolvedByCategory,
    callsBefore: before?.n ?? 0,
  };
}
