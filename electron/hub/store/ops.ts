/**
 * The op log: what makes retries idempotent. A mutation's (clientId, opId) and its first
 * successful result are written in the same transaction as the mutation, so after any crash
 * either both are on disk or neither is. Failed operations are not recorded: they changed
 * nothing, and a retry deserves a fresh try (a full disk may have been freed since).
 */
import { OpError } from '../errors';
import type { WriteDb } from '../db/connection';
import type { Tx } from './writer';

export type OpKey = { clientId: string; opId: string; kind: string };

/** Applies `apply` once per (clientId, opId); a repeat returns the first result unchanged. */
/** Forgets ops older than `before`: far longer ago than any outbox waits offline. */
export async function pruneOps(db: WriteDb, before: Date): Promise<void> {
  await db.run('DELETE FROM ops WHERE at < ?', [before.toISOString()]);
}

export async function once<T>(tx: Tx, key: OpKey, apply: () => Promise<T>): Promise<T> {
  const seen = await tx.db.get<{ kind: string; result: string }>('SELECT kind, result FROM ops WHERE client_id = ? AND op_id = ?', [key.clientId, key.opId]);
  if (seen) {
    if (seen.kind !== key.kind) throw new OpError('conflict', `opId ${key.opId} was already used for ${seen.kind}`);
    return JSON.parse(seen.result) as T;
  }
  tx.opId = key.opId;
  const result = await apply();
  await tx.db.run('INSERT INTO ops (client_id, op_id, kind, result, at) VALUES (?, ?, ?, ?, ?)', [key.clientId, key.opId, key.kind, JSON.stringify(result), tx.now.toISOString()]);
  return result;
}
