/**
 * CSV downloads of tickets or calls over a range of local days, streamed straight from SQLite
 * to the response: 10 lakh rows never sit in memory, and the socket's backpressure paces the
 * reads. Every export is recorded in the audit (who, when, what range, how many rows, finished
 * or abandoned).
 */
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { zoneOffsetMs } from '../../../shared/domain/localDay';
import { csvRow } from '../csv';
import { daysRange } from '../days';
import { CALL_COLUMNS, exportContext, headerOf, TICKET_COLUMNS, valuesOf } from '../exportColumns';
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
  await deps.writer.write((tx) => recordExportStart(tx, { id, who: pending.who, ...(pending.user ? { user: pending.user } : {}), kind: pending.kind, from: pending.from, to: pending.to }));
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
    const context = exportContext(pending.lang, zoneOffsetMs(new Date(), deps.timeZone), pending.names);
    await write('\uFEFF'); // lets spreadsheet programs read Hindi as UTF-8
    if (pending.kind === 'tickets') {
      await write(csvRow(headerOf(TICKET_COLUMNS, context.lang)));
      let after = 0;
      while (!aborted) {
        const page = await ticketsCreatedPage(deps.reader, from, to, after, PAGE);
        if (page.length === 0) break;
        const chunk = page.map((t) => csvRow(valuesOf(TICKET_COLUMNS, t, context))).join('');
        rows += page.length;
        after = page[page.length - 1]!.number;
        await write(chunk);
      }
    } else {
      await write(csvRow(headerOf(CALL_COLUMNS, context.lang)));
      let after = { startedAt: '', id: '' };
      while (!aborted) {
        const page = await callsStartedPage(deps.reader, from, to, after, PAGE);
        if (page.length === 0) break;
        const chunk = page.map((c) => csvRow(valuesOf(CALL_COLUMNS, c, context))).join('');
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
