/**
 * CSV downloads of tickets or calls over a range of local days, streamed straight from SQLite
 * to the response: 10 lakh rows never sit in memory, and the socket's backpressure paces the
 * reads. Every export is recorded in the audit (who, when, what range, how many rows, finished
 * or abandoned).
 */
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { zoneOffsetMs } from '../../../shared/domain/localDay';
import { csvRow, localTime } from '../csv';
import { daysRange } from '../days';
import type { ReadDb } from '../db/connection';
import type { LogError } from '../options';
import { callsStartedPage } from '../store/calls';
import { recordExportEnd, recordExportStart } from '../store/exports';
import { ticketsCreatedPage } from '../store/tickets';
import type { Writer } from '../store/writer';
import type { ExportLinks } from './exportLinks';
import { SECURITY_HEADERS } from './static';

export type ExportDeps = { links: ExportLinks; writer: Writer; reader: ReadDb; timeZone: string; logError: LogError };

const PAGE = 2000;

const TICKET_COLUMNS = [
  'number', 'created_at', 'status', 'category', 'priority', 'department', 'phone', 'caller_name', 'locality', 'language',
  'description', 'seat', 'created_by', 'assigned_seat', 'escalated', 'due_at', 'forwarded_at', 'department_ack_at',
  'department_ref', 'callback_due_at', 'callback_done_at', 'resolved_at', 'updated_at', 'notes', 'id',
];
const CALL_COLUMNS = ['started_at', 'ended_at', 'seconds', 'seat', 'phone', 'disposition', 'ticket_id', 'id'];

/** Serves `/export/{tickets,calls}.csv?token=…`; answers 403 for a missing or used token. */
export async function serveExport(deps: ExportDeps, url: URL, res: ServerResponse): Promise<void> {
  const kind = url.pathname === '/export/tickets.csv' ? 'tickets' : url.pathname === '/export/calls.csv' ? 'calls' : null;
  const pending = deps.links.take(url.searchParams.get('token') ?? '', kind);
  if (!pending) {
    res.writeHead(403, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('This export link is not valid (it works once, for a minute). Start the export again from the console.\n');
    return;
  }
  const id = randomUUID();
  const { from, to } = daysRange(pending.from, pending.to, deps.timeZone);
  await deps.writer.write((tx) => recordExportStart(tx, { id, who: pending.who, kind: pending.kind, from: pending.from, to: pending.to }));
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${pending.kind}-${pending.from}-to-${pending.to}.csv"`,
    'Cache-Control': 'no-store',
  });
  let rows = 0;
  let aborted = false;
  res.on('close', () => {
    if (!res.writableFinished) aborted = true;
  });
  const write = async (chunk: string) => {
    if (res.write(chunk)) return;
    // Wait for room in the socket, or for the download to be abandoned; then drop both listeners.
    await new Promise<void>((resolve) => {
      const done = () => {
        res.off('drain', done);
        res.off('close', done);
        resolve();
      };
      res.once('drain', done);
      res.once('close', done);
    });
  };
  try {
    const offset = zoneOffsetMs(new Date(), deps.timeZone);
    await write('\uFEFF'); // lets spreadsheet programs read Hindi as UTF-8
    if (pending.kind === 'tickets') {
      await write(csvRow(TICKET_COLUMNS));
      let after = 0;
      while (!aborted) {
        const page = await ticketsCreatedPage(deps.reader, from, to, after, PAGE);
        if (page.length === 0) break;
        let chunk = '';
        for (const t of page) {
          chunk += csvRow([
            t.number, localTime(t.createdAt, offset), t.status, t.category, t.priority, t.department, t.phone, t.callerName, t.locality, t.language,
            t.description, t.seat, t.createdBy, t.assignedSeat, t.escalated ? 'yes' : '', localTime(t.dueAt, offset), localTime(t.forwardedAt, offset),
            localTime(t.departmentAckAt, offset), t.departmentRef, localTime(t.callbackDueAt, offset), localTime(t.callbackDoneAt, offset),
            localTime(t.resolvedAt, offset), localTime(t.updatedAt, offset), t.notes.map((n) => `${localTime(n.at, offset)} ${n.author}: ${n.text}`).join(' | '), t.id,
          ]);
        }
        rows += page.length;
        after = page[page.length - 1]!.number;
        await write(chunk);
      }
    } else {
      await write(csvRow(CALL_COLUMNS));
      let after = { startedAt: '', id: '' };
      while (!aborted) {
        const page = await callsStartedPage(deps.reader, from, to, after, PAGE);
        if (page.length === 0) break;
        let chunk = '';
        for (const c of page) {
          const seconds = c.endedAt ? Math.round((Date.parse(c.endedAt) - Date.parse(c.startedAt)) / 1000) : '';
          chunk += csvRow([localTime(c.startedAt, offset), localTime(c.endedAt, offset), seconds, c.seat, c.phone, c.disposition, c.ticketId, c.id]);
        }
        rows += page.length;
        after = page[page.length - 1]!;
        await write(chunk);
      }
    }
  } catch (err) {
    deps.logError('export failed', err);
    aborted = true;
  } finally {
    res.end();
    await deps.writer
      .write((tx) => recordExportEnd(tx, id, rows, !aborted))
      .catch((err) => deps.logError('recording the export failed', err));
  }
}
