/** The change log: written by the writer with every change, read back for clients that reconnect with `since`. */
import type { Change } from '../../../shared/protocol/change';
import type { AnyDb, ReadDb, WriteDb } from '../db/connection';

/** How far behind a reconnecting client may be and still get changes instead of a snapshot. */
export const MAX_CATCH_UP = 5000;
/** Changes kept in the log; older ones are pruned (a client that far behind gets a snapshot). */
export const CHANGES_KEPT = 100_000;

/** The changes after `since`, or null when the log cannot bridge the gap. */
/** Logs `c`; the writer calls this inside the transaction that made the change. */
export function appendChange(db: WriteDb, c: Change & { at: string }): Promise<unknown> {
  return db.run('INSERT INTO changes (seq, type, data, at, op_id) VALUES (?, ?, ?, ?, ?)', [c.seq, c.type, JSON.stringify(c.data), c.at, c.opId ?? null]);
}

/**
 * The seq a reader of `db` is at: the last logged change, or the floor a restore set when no
 * change has been logged above it yet. In a read transaction, it is the seq of what that
 * transaction sees.
 */
export async function currentSeq(db: AnyDb): Promise<{ seq: number; seqFloor: number }> {
  const row = await db.get<{ logged: number | null; floor: string | null }>(
    "SELECT (SELECT MAX(seq) FROM changes) AS logged, (SELECT value FROM meta WHERE key = 'seq_floor') AS floor",
  );
  const seqFloor = Number(row?.floor ?? 0);
  return { seq: Math.max(row?.logged ?? 0, seqFloor), seqFloor };
}

export async function changesSince(db: ReadDb, since: number, lastSeq: number, seqFloor = 0): Promise<Change[] | null> {
  if (since > lastSeq) return null; // the client saw a different hub's history
  if (since < seqFloor) return null; // ...or the history before a restore
  if (lastSeq - since > MAX_CATCH_UP) return null;
  if (since === lastSeq) return [];
  const rows = await db.all<{ seq: number; type: Change['type']; data: string; at: string; op_id: string | null }>('SELECT seq, type, data, at, op_id FROM changes WHERE seq > ? ORDER BY seq', [since]);
  if (rows.length !== lastSeq - since || rows[0]?.seq !== since + 1) return null; // pruned
  return rows.map((r) => ({ seq: r.seq, type: r.type, data: JSON.parse(r.data), at: r.at, ...(r.op_id ? { opId: r.op_id } : {}) }) as Change);
}

export async function pruneChanges(db: WriteDb, lastSeq: number): Promise<void> {
  await db.run('DELETE FROM changes WHERE seq <= ?', [lastSeq - CHANGES_KEPT]);
}
