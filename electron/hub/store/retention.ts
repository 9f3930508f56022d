/**
 * Privacy retention: once a ticket has been closed for the configured number of days, its
 * caller's phone number (to the last four digits) and name are masked, in the row, the
 * document and the search index; calls older than that lose their numbers the same way.
 * Runs in small batches through the writer, so it never holds up the seats. Masked records
 * are not re-announced as changes: they are long closed, and no client holds them live.
 */
import type { Ticket } from '../../../shared/protocol/ticket';
import { maskPhone } from '../../../shared/domain/phone';
import type { Writer } from './writer';
import { reindexTicket } from './tickets';

const BATCH = 500;

export function isMasked(phone: string): boolean {
  return phone.startsWith('•');
}

export async function applyRetention(writer: Writer, days: number | null, now = new Date()): Promise<{ tickets: number; calls: number }> {
  if (days === null) return { tickets: 0, calls: 0 };
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  let tickets = 0;
  for (;;) {
    const n = await writer.write(async (tx) => {
      const rows = await tx.db.all<{ doc: string }>(
        "SELECT doc FROM tickets WHERE status = 'closed' AND updated_at < ? AND phone NOT LIKE '•%' LIMIT ?",
        [cutoff, BATCH],
      );
      for (const r of rows) {
        const t = JSON.parse(r.doc) as Ticket;
        const { callerName: _name, ...rest } = t;
        const masked: Ticket = { ...rest, phone: maskPhone(t.phone) };
        await tx.db.run('UPDATE tickets SET phone = ?, doc = ? WHERE id = ?', [masked.phone, JSON.stringify(masked), t.id]);
        await reindexTicket(tx, masked);
      }
      return rows.length;
    });
    tickets += n;
    if (n < BATCH) break;
  }
  const calls = await writer.write(async (tx) => {
    const r = await tx.db.run("UPDATE calls SET phone = '••••••' || substr(phone, -4) WHERE started_at < ? AND phone IS NOT NULL AND phone NOT LIKE '•%'", [cutoff]);
    return r.changes;
  });
  return { tickets, calls };
}
