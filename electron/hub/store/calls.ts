/** Call rows: a seat's calls, their ends, and what the helpline knows of a caller's number. */
import type { Call } from '../../../shared/protocol/call';
import type { AnyDb, ReadDb } from '../db/connection';
import type { Tx } from './writer';

type CallRow = {
  id: string;
  seat: number;
  started_at: string;
  ended_at: string | null;
  disposition: Call['disposition'] | null;
  phone: string | null;
  ticket_id: string | null;
  username: string | null;
};

const CALL_COLUMNS = 'id, seat, started_at, ended_at, disposition, phone, ticket_id, username';

function callFromRow(r: CallRow): Call {
  return {
    id: r.id,
    seat: r.seat,
    startedAt: r.started_at,
    ...(r.ended_at ? { endedAt: r.ended_at } : {}),
    ...(r.disposition ? { disposition: r.disposition } : {}),
    ...(r.phone ? { phone: r.phone } : {}),
    ...(r.ticket_id ? { ticketId: r.ticket_id } : {}),
    ...(r.username ? { user: r.username } : {}),
  };
}

export async function insertCall(tx: Tx, call: Call): Promise<void> {
  await tx.db.run('INSERT INTO calls (id, seat, started_at, phone, username) VALUES (?, ?, ?, ?, ?)', [call.id, call.seat, call.startedAt, call.phone ?? null, call.user ?? null]);
}

export async function getCall(db: AnyDb, id: string): Promise<Call | undefined> {
  const row = await db.get<CallRow>(`SELECT ${CALL_COLUMNS} FROM calls WHERE id = ?`, [id]);
  return row ? callFromRow(row) : undefined;
}

export async function callExists(db: AnyDb, id: string): Promise<boolean> {
  return (await db.get('SELECT 1 FROM calls WHERE id = ?', [id])) !== undefined;
}

/** Writes what ending `call` settled: its end, disposition, ticket and (typed late) number. */
export async function saveCallEnd(tx: Tx, call: Call): Promise<void> {
  await tx.db.run('UPDATE calls SET ended_at = ?, disposition = ?, ticket_id = ?, phone = ? WHERE id = ?', [
    call.endedAt ?? null,
    call.disposition ?? null,
    call.ticketId ?? null,
    call.phone ?? null,
    call.id,
  ]);
}

/** A caller's latest calls, newest first. */
export async function callsByPhone(db: ReadDb, phone: string, limit: number): Promise<Call[]> {
  const rows = await db.all<CallRow>(`SELECT ${CALL_COLUMNS} FROM calls WHERE phone = ? ORDER BY started_at DESC LIMIT ?`, [phone, limit]);
  return rows.map(callFromRow);
}

/**
 * A page of the calls started in [from, to), after `after` in (start time, id) order: a stable
 * order, so that a page boundary never skips or repeats a call (several may start in one ms).
 */
export async function callsStartedPage(db: ReadDb, from: string, to: string, after: { startedAt: string; id: string }, limit: number): Promise<Call[]> {
  const rows = await db.all<CallRow>(
    `SELECT ${CALL_COLUMNS} FROM calls
     WHERE started_at >= ? AND started_at < ? AND (started_at > ? OR (started_at = ? AND id > ?))
     ORDER BY started_at, id LIMIT ?`,
    [from, to, after.startedAt, after.startedAt, after.id, limit],
  );
  return rows.map(callFromRow);
}

/** Calls started at or after `since` (all calls for null). */
export async function countCallsSince(db: AnyDb, since: string | null): Promise<number> {
  const row = since === null ? await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM calls') : await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM calls WHERE started_at >= ?', [since]);
  return row?.n ?? 0;
}

export async function countCallsByPhoneSince(db: ReadDb, phone: string, since: string): Promise<number> {
  return (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM calls WHERE phone = ? AND started_at >= ?', [phone, since]))?.n ?? 0;
}

/** Seats with a call not yet ended (the small partial index of open calls answers this). */
export async function seatsWithOpenCalls(db: AnyDb): Promise<number[]> {
  const rows = await db.all<{ seat: number }>('SELECT DISTINCT seat FROM calls WHERE ended_at IS NULL');
  return rows.map((r) => r.seat);
}

/** A seat's calls not yet ended, oldest first. */
export async function openCallsOfSeat(db: AnyDb, seat: number): Promise<Call[]> {
  const rows = await db.all<CallRow>(`SELECT ${CALL_COLUMNS} FROM calls WHERE seat = ? AND ended_at IS NULL ORDER BY started_at, id`, [seat]);
  return rows.map(callFromRow);
}

/**
 * A seat's latest call started at or after `since`, running or ended, that `username` took (or
 * one from before accounts): a person is not shown the call of whoever sat there before.
 */
export async function latestCallOfSeat(db: AnyDb, seat: number, since: string, username: string): Promise<Call | undefined> {
  const row = await db.get<CallRow>(
    `SELECT ${CALL_COLUMNS} FROM calls WHERE started_at >= ? AND seat = ? AND (username = ? OR username IS NULL) ORDER BY started_at DESC, id DESC LIMIT 1`,
    [since, seat, username],
  );
  return row ? callFromRow(row) : undefined;
}
