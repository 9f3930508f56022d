/** Ticket rows, their search index and their audit trail. */
import type { Ticket, TicketEvent } from '../../../shared/protocol/ticket';
import { SEARCH_DEFAULT_LIMIT, type TicketsSearchRequest } from '../../../shared/protocol/ticketsSearch';
import { SNAPSHOT_TICKET_LIMIT } from '../../../shared/protocol/snapshot';
import { normalizePhone } from '../../../shared/protocol/phone';
import { phoneDigits } from '../../../shared/domain/phone';
import type { AnyDb, ReadDb } from '../db/connection';
import type { Tx } from './writer';

/** Who did something to a ticket: the seat (0 off the floor), the name and, since accounts, the username. */
export type Actor = { seat: number; name: string; user?: string };

function ftsPhone(t: Ticket): string {
  const d = phoneDigits(t.phone);
  // Both the full digits and the national ten, so "98765" and "919876" both match.
  return d.startsWith('91') && d.length === 12 ? `${d} ${d.slice(2)}` : d;
}

function ftsBody(t: Ticket): string {
  return [t.description, t.callerName, t.locality, t.department, ...t.notes.map((n) => n.text)].filter(Boolean).join('\n');
}

export async function insertTicket(tx: Tx, t: Ticket): Promise<void> {
  await tx.db.run(
    `INSERT INTO tickets (id, number, status, category, priority, department, phone, seat, created_at, updated_at, due_at, assigned_seat, created_by_user, doc)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [t.id, t.number, t.status, t.category, t.priority, t.department ?? null, t.phone, t.seat, t.createdAt, t.updatedAt, t.dueAt ?? null, t.assignedSeat ?? null, t.createdByUser ?? null, JSON.stringify(t)],
  );
  await tx.db.run('INSERT INTO tickets_fts (rowid, phone, body) VALUES (?, ?, ?)', [t.number, ftsPhone(t), ftsBody(t)]);
}

export async function saveTicket(tx: Tx, t: Ticket): Promise<void> {
  await tx.db.run(
    `UPDATE tickets SET status = ?, category = ?, priority = ?, department = ?, updated_at = ?, due_at = ?, assigned_seat = ?, doc = ? WHERE id = ?`,
    [t.status, t.category, t.priority, t.department ?? null, t.updatedAt, t.dueAt ?? null, t.assignedSeat ?? null, JSON.stringify(t), t.id],
  );
  await reindexTicket(tx, t);
}

export async function reindexTicket(tx: Tx, t: Ticket): Promise<void> {
  await tx.db.run('DELETE FROM tickets_fts WHERE rowid = ?', [t.number]);
  await tx.db.run('INSERT INTO tickets_fts (rowid, phone, body) VALUES (?, ?, ?)', [t.number, ftsPhone(t), ftsBody(t)]);
}

export async function getTicket(db: AnyDb, id: string): Promise<Ticket | undefined> {
  const row = await db.get<{ doc: string }>('SELECT doc FROM tickets WHERE id = ?', [id]);
  return row ? (JSON.parse(row.doc) as Ticket) : undefined;
}

export async function lastTicketNumber(db: AnyDb): Promise<number> {
  return (await db.get<{ n: number | null }>('SELECT MAX(number) AS n FROM tickets'))?.n ?? 0;
}

export async function ticketExists(db: AnyDb, id: string): Promise<boolean> {
  return (await db.get('SELECT 1 FROM tickets WHERE id = ?', [id])) !== undefined;
}

export async function addTicketEvent(tx: Tx, ticketId: string, actor: Actor, kind: TicketEvent['kind'], detail: Pick<TicketEvent, 'changes' | 'text'>): Promise<void> {
  await tx.db.run('INSERT INTO ticket_events (ticket_id, at, seat, author, username, kind, detail) VALUES (?, ?, ?, ?, ?, ?, ?)', [
    ticketId,
    tx.now.toISOString(),
    actor.seat,
    actor.name,
    actor.user ?? null,
    kind,
    JSON.stringify(detail),
  ]);
}

export async function ticketEvents(db: ReadDb, ticketId: string): Promise<TicketEvent[]> {
  const rows = await db.all<{ at: string; seat: number; author: string; username: string | null; kind: TicketEvent['kind']; detail: string }>(
    'SELECT at, seat, author, username, kind, detail FROM ticket_events WHERE ticket_id = ? ORDER BY id',
    [ticketId],
  );
  return rows.map((r) => ({ at: r.at, seat: r.seat, author: r.author, ...(r.username ? { user: r.username } : {}), kind: r.kind, ...(JSON.parse(r.detail) as object) }));
}

/**
 * Every ticket not closed and every ticket touched in the last 24 hours, newest first, bounded.
 * INDEXED BY: without it the planner scans every ticket by number for the 24-hour half
 * (140 ms at a lakh of tickets; 50 ms so).
 */
export async function snapshotTickets(db: ReadDb, now: Date): Promise<{ tickets: Ticket[]; truncated: boolean }> {
  const dayAgo = new Date(now.getTime() - 86_400_000).toISOString();
  const rows = await db.all<{ doc: string }>(
    `SELECT doc FROM tickets WHERE number IN (
       SELECT number FROM tickets WHERE status IN ('open', 'in_progress', 'forwarded', 'resolved')
       UNION SELECT number FROM tickets INDEXED BY tickets_updated WHERE updated_at >= ?)
     ORDER BY number DESC LIMIT ?`,
    [dayAgo, SNAPSHOT_TICKET_LIMIT + 1],
  );
  const truncated = rows.length > SNAPSHOT_TICKET_LIMIT;
  return { tickets: rows.slice(0, SNAPSHOT_TICKET_LIMIT).map((r) => JSON.parse(r.doc) as Ticket), truncated };
}

/** A page of the tickets created in [from, to), numbered above `afterNumber`, in number order. */
export async function ticketsCreatedPage(db: ReadDb, from: string, to: string, afterNumber: number, limit: number): Promise<Ticket[]> {
  const rows = await db.all<{ doc: string }>('SELECT doc FROM tickets WHERE created_at >= ? AND created_at < ? AND number > ? ORDER BY number LIMIT ?', [from, to, afterNumber, limit]);
  return rows.map((r) => JSON.parse(r.doc) as Ticket);
}

/** Quotes each word for FTS5 so that user text is never read as query syntax. */
function ftsWords(text: string, min = 3): string[] {
  return text
    .split(/\s+/)
    .map((w) => w.trim())
    .filter((w) => [...w].length >= min)
    .map((w) => `"${w.replace(/"/g, '""')}"`);
}

export async function searchTickets(db: ReadDb, q: TicketsSearchRequest): Promise<{ items: Ticket[]; next?: number }> {
  const limit = q.limit ?? SEARCH_DEFAULT_LIMIT;
  const where: string[] = [];
  const params: unknown[] = [];
  const match: string[] = [];

  if (q.phone !== undefined) {
    const full = normalizePhone(q.phone);
    if (full.ok) {
      where.push('t.phone = ?');
      params.push(full.phone);
    } else {
      const digits = phoneDigits(q.phone);
      if (digits.length < 3) return { items: [] };
      match.push(`phone : "${digits}"`);
    }
  }
  if (q.text !== undefined) {
    const num = /^#?(\d+)$/.exec(q.text.trim());
    const words = ftsWords(q.text);
    if (num) {
      // A bare number is a ticket number, or digits that appear in the text.
      const textMatch = words.length > 0 ? ` OR t.number IN (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH ?)` : '';
      where.push(`(t.number = ?${textMatch})`);
      params.push(Number(num[1]), ...(words.length > 0 ? [`body : (${words.join(' AND ')})`] : []));
    } else if (words.length > 0) {
      match.push(`body : (${words.join(' AND ')})`);
    } else {
      where.push("t.doc LIKE ? ESCAPE '\\'");
      params.push(`%${q.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
  }
  if (q.status !== undefined) {
    const statuses = Array.isArray(q.status) ? q.status : [q.status];
    where.push(`t.status IN (${statuses.map(() => '?').join(', ')})`);
    params.push(...statuses);
  }
  for (const [column, value] of [
    ['category', q.category],
    ['department', q.department],
    ['priority', q.priority],
    ['seat', q.seat],
  ] as const) {
    if (value !== undefined) {
      where.push(`t.${column} = ?`);
      params.push(value);
    }
  }
  if (q.overdue) {
    where.push("t.status IN ('open', 'in_progress', 'forwarded') AND t.due_at < ?");
    params.push(new Date().toISOString());
  }
  if (q.assignedSeat !== undefined) {
    where.push('t.assigned_seat = ?');
    params.push(q.assignedSeat);
  }
  if (q.before !== undefined) {
    where.push('t.number < ?');
    params.push(q.before);
  }
  if (match.length > 0) {
    where.unshift('t.number IN (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH ?)');
    params.unshift(match.join(' AND '));
  }
  const sql = `SELECT t.number, t.doc FROM tickets t ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY t.number DESC LIMIT ?`;
  const rows = await db.all<{ number: number; doc: string }>(sql, [...params, limit + 1]);
  const page = rows.slice(0, limit);
  const items = page.map((r) => JSON.parse(r.doc) as Ticket);
  return rows.length > limit ? { items, next: page[page.length - 1]!.number } : { items };
}

export async function ticketsByPhone(db: ReadDb, phone: string, limit: number): Promise<Ticket[]> {
  const rows = await db.all<{ doc: string }>(
    `SELECT doc FROM tickets WHERE phone = ?
     ORDER BY CASE WHEN status IN ('resolved', 'closed') THEN 1 ELSE 0 END, number DESC LIMIT ?`,
    [phone, limit],
  );
  return rows.map((r) => JSON.parse(r.doc) as Ticket);
}
