/** The export audit: one row per CSV export, with who took which callers' data, when, and how many rows. */
import type { Tx } from './writer';

export type ExportKind = 'tickets' | 'calls';

/** `who`: the name of the person who asked; `user`: their username (exports from before accounts have none). */
export async function recordExportStart(tx: Tx, e: { id: string; who: string; user?: string; kind: ExportKind; from: string; to: string }): Promise<void> {
  await tx.db.run('INSERT INTO exports (id, at, who, username, kind, from_day, to_day) VALUES (?, ?, ?, ?, ?, ?, ?)', [e.id, tx.now.toISOString(), e.who, e.user ?? null, e.kind, e.from, e.to]);
}

/** How many rows went out, and whether the export finished (an abandoned download records no finish time). */
export async function recordExportEnd(tx: Tx, id: string, rows: number, finished: boolean): Promise<void> {
  await tx.db.run('UPDATE exports SET rows = ?, finished = ? WHERE id = ?', [rows, finished ? tx.now.toISOString() : null, id]);
}
