/** The security log: sign-ins, refusals, lockouts, sessions ended and every change to an account, with who made it. */
import type { SecurityEvent, SecurityEventKind } from '../../../shared/protocol/accounts';
import type { AnyDb, ReadDb } from '../db/connection';
import type { Tx } from './writer';

export type NewSecurityEvent = Omit<SecurityEvent, 'id' | 'at'>;

type EventRow = { id: number; at: string; kind: SecurityEventKind; username: string | null; by_user: string | null; address: string | null; seat: number | null; detail: string | null };

function eventFromRow(r: EventRow): SecurityEvent {
  return {
    id: r.id,
    at: r.at,
    kind: r.kind,
    ...(r.username !== null ? { username: r.username } : {}),
    ...(r.by_user !== null ? { by: r.by_user } : {}),
    ...(r.address !== null ? { address: r.address } : {}),
    ...(r.seat !== null ? { seat: r.seat } : {}),
    ...(r.detail !== null ? { detail: r.detail } : {}),
  };
}

export async function logSecurity(tx: Tx, e: NewSecurityEvent): Promise<void> {
  await tx.db.run('INSERT INTO security_log (at, kind, username, by_user, address, seat, detail) VALUES (?, ?, ?, ?, ?, ?, ?)', [
    tx.now.toISOString(),
    e.kind,
    e.username ?? null,
    e.by ?? null,
    e.address ?? null,
    e.seat ?? null,
    e.detail ?? null,
  ]);
}

/** A page of the log, newest first, before the event `before` (an id). */
export async function securityLogPage(db: ReadDb, limit: number, before?: number): Promise<{ items: SecurityEvent[]; next?: number }> {
  const rows = await db.all<EventRow>(`SELECT * FROM security_log ${before !== undefined ? 'WHERE id < ?' : ''} ORDER BY id DESC LIMIT ?`, [...(before !== undefined ? [before] : []), limit + 1]);
  const items = rows.slice(0, limit).map(eventFromRow);
  return rows.length > limit ? { items, next: items[items.length - 1]!.id } : { items };
}

/** Refused sign-ins, lockouts and throttled addresses since `since`, oldest first: what the throttle is rebuilt from at start. */
export async function failuresSince(db: AnyDb, since: string): Promise<SecurityEvent[]> {
  const rows = await db.all<EventRow>("SELECT * FROM security_log WHERE kind IN ('refused', 'locked', 'throttled') AND at >= ? ORDER BY id", [since]);
  return rows.map(eventFromRow);
}
