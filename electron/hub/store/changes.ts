/** Reading the change log back, for clients that reconnect with `since`. */
import type { Change } from '../../../shared/protocol/change';
import type { Db } from '../db/connection';

/** How far behind a reconnecting client may be and still get changes instead of a snapshot. */
export const MAX_CATCH_UP = 5000;
/** Changes kept in the log; older ones are pruned (a client that far behind gets a snapshot). */
export const CHANGES_KEPT = 100_000;

/** The changes after `since`, or null when the log cannot bridge the gap. */
export async function changesSince(db: Db, since: number, lastSeq: number, seqFloor = 0): Promise<Change[] | null> {
  if (since > lastSeq) return null; // the client saw a different hub's history
  if (since < seqFloor) return null; // ...or the history before a restore
  if (lastSeq - since > MAX_CATCH_UP) return null;
  if (since === lastSeq) return [];
  const rows = await db.all<{ seq: number; type: Change['type']; data: string; at: string; op_id: string | null }>('SELECT seq, type, data, at, op_id FROM changes WHERE seq > ? ORDER BY seq', [since]);
  if (rows.length !== lastSeq - since || rows[0]?.seq !== since + 1) return null; // pruned
  return rows.map((r) => ({ seq: r.seq, type: r.type, data: JSON.parse(r.data), at: r.at, ...(r.op_id ? { opId: r.op_id } : {}) }) as Change);
}

export async function pruneChanges(db: Db, lastSeq: number): Promise<void> {
  await db.run('DELETE FROM changes WHERE seq <= ?', [lastSeq - CHANGES_KEPT]);
}
