/**
 * Session rows. A session is known by the SHA-256 of its token: the token itself is only ever
 * with the console that signed in, so a copy of the database (or a backup) signs no one in.
 */
import type { AccountRole, SessionEndReason } from '../../../shared/protocol/accounts';
import type { AnyDb, ReadDb, WriteDb } from '../db/connection';
import type { Tx } from './writer';

export type StoredSession = {
  tokenHash: string;
  username: string;
  role: AccountRole;
  seat?: number;
  clientId?: string;
  address?: string;
  createdAt: string;
  expiresAt: string;
  endedAt?: string;
  endReason?: SessionEndReason;
};

type SessionRow = {
  token_hash: string;
  username: string;
  role: AccountRole;
  seat: number | null;
  client_id: string | null;
  address: string | null;
  created_at: string;
  expires_at: string;
  ended_at: string | null;
  end_reason: SessionEndReason | null;
};

function sessionFromRow(r: SessionRow): StoredSession {
  return {
    tokenHash: r.token_hash,
    username: r.username,
    role: r.role,
    ...(r.seat !== null ? { seat: r.seat } : {}),
    ...(r.client_id ? { clientId: r.client_id } : {}),
    ...(r.address ? { address: r.address } : {}),
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    ...(r.ended_at ? { endedAt: r.ended_at } : {}),
    ...(r.end_reason ? { endReason: r.end_reason } : {}),
  };
}

export async function insertSession(tx: Tx, s: StoredSession): Promise<void> {
  await tx.db.run(
    'INSERT INTO sessions (token_hash, username, role, seat, client_id, address, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    [s.tokenHash, s.username, s.role, s.seat ?? null, s.clientId ?? null, s.address ?? null, s.createdAt, s.expiresAt],
  );
}

export async function findSession(db: AnyDb, tokenHash: string): Promise<StoredSession | undefined> {
  const row = await db.get<SessionRow>('SELECT * FROM sessions WHERE token_hash = ?', [tokenHash]);
  return row ? sessionFromRow(row) : undefined;
}

/** Where a session is now: a reconnect may come from another window, address or seat. */
export async function moveSession(tx: Tx, tokenHash: string, where: Pick<StoredSession, 'seat' | 'clientId' | 'address'>): Promise<void> {
  await tx.db.run('UPDATE sessions SET seat = ?, client_id = ?, address = ? WHERE token_hash = ?', [where.seat ?? null, where.clientId ?? null, where.address ?? null, tokenHash]);
}

/** Which open sessions to end: one, all of a person's, or those at a seat. */
export type SessionsOf = { tokenHash: string } | { username: string } | { seat: number };

/**
 * Ends the open sessions `of` selects; returns those it ended. Sessions already past their
 * time are left as they are, except by `expired`, which is what ends them.
 */
export async function endSessions(tx: Tx, of: SessionsOf, reason: SessionEndReason): Promise<StoredSession[]> {
  const [column, value] = 'tokenHash' in of ? ['token_hash', of.tokenHash] : 'username' in of ? ['username', of.username] : ['seat', of.seat];
  const now = tx.now.toISOString();
  const where = `${column} = ? AND ended_at IS NULL${reason === 'expired' ? '' : ' AND expires_at > ?'}`;
  const params = reason === 'expired' ? [value] : [value, now];
  const rows = await tx.db.all<SessionRow>(`SELECT * FROM sessions WHERE ${where}`, params);
  if (rows.length === 0) return [];
  await tx.db.run(`UPDATE sessions SET ended_at = ?, end_reason = ? WHERE ${where}`, [now, reason, ...params]);
  return rows.map((r) => ({ ...sessionFromRow(r), endedAt: now, endReason: reason }));
}

/** Sessions not ended and not expired at `now`, oldest first. */
export async function openSessions(db: ReadDb, now: Date): Promise<StoredSession[]> {
  const rows = await db.all<SessionRow>('SELECT * FROM sessions WHERE ended_at IS NULL AND expires_at > ? ORDER BY created_at', [now.toISOString()]);
  return rows.map(sessionFromRow);
}

/** Forgets sessions that began before `before` (long ended or expired: the security log keeps their story). */
export async function pruneSessions(db: WriteDb, before: Date): Promise<void> {
  await db.run('DELETE FROM sessions WHERE created_at < ?', [before.toISOString()]);
}
