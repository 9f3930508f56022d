/**
 * Supervisor reports: CSV exports streamed straight from SQLite to the response (10 lakh rows
 * never sit in memory; the socket's backpressure paces the reads), each one recorded in the
 * export audit; and the daily situation report.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { dueAt } from '../../shared/domain/sla';
import type { DailyReport } from '../../shared/protocol/reports';
import { localDayStart, zoneOffsetMs } from '../../shared/domain/localDay';
import { csvRow, localTime } from './csv';
import type { ReadDb } from './db/connection';
import { callsStartedPage } from './store/calls';
import { recordExportEnd, recordExportStart } from './store/exports';
import { dayFigures } from './store/reports';
import { ticketsCreatedPage } from './store/tickets';
import type { HubParts } from './handlers/context';
import type { Handler } from './handlers/handler';

const PAGE = 2000;
const TOKEN_TTL_MS = 60_000;

type Pending = { kind: 'tickets' | 'calls'; from: string; to: string; who: string; expires: number };
const tokens = new Map<string, Pending>();

/** Start of local day `date` (YYYY-MM-DD) as a UTC instant. */
export function dayStartIso(date: string, timeZone: string): string {
  // Noon UTC of that date is inside the local day in every zone within ±12h.
  return localDayStart(new Date(`${date}T12:00:00Z`), timeZone).toISOString();
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

export const startExport: Handler<'export:start'> = async (_parts, caller, req) => {
  const now = Date.now();
  for (const [t, p] of tokens) if (p.expires < now) tokens.delete(t);
  const token = randomBytes(24).toString('base64url');
  tokens.set(token, { kind: req.kind, from: req.from, to: req.to, who: caller.name, expires: now + TOKEN_TTL_MS });
  const filename = `${req.kind}-${req.from}-to-${req.to}.csv`;
  return { url: `/export/${req.kind}.csv?token=${token}`, filename };
};

const TICKET_COLUMNS = [
  'number', 'created_at', 'status', 'category', 'priority', 'department', 'phone', 'caller_name', 'locality', 'language',
  'description', 'seat', 'created_by', 'assigned_seat', 'escalated', 'due_at', 'forwarded_at', 'department_ack_at',
  'department_ref', 'callback_due_at', 'callback_done_at', 'resolved_at', 'updated_at', 'notes', 'id',
];
const CALL_COLUMNS = ['started_at', 'ended_at', 'seconds', 'seat', 'phone', 'disposition', 'ticket_id', 'id'];

/** Serves `/export/{tickets,calls}.csv?token=…`; answers 403 for a missing or used token. */
export async function serveExport(parts: HubParts, url: URL, res: ServerResponse, headers: Record<string, string>, log: (m: string, e?: unknown) => void): Promise<void> {
  const token = url.searchParams.get('token') ?? '';
  const pending = tokens.get(token);
  tokens.delete(token); // single use
  const kind = url.pathname === '/export/tickets.csv' ? 'tickets' : url.pathname === '/export/calls.csv' ? 'calls' : null;
  if (!pending || pending.expires < Date.now() || pending.kind !== kind) {
    res.writeHead(403, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('This export link is not valid (it works once, for a minute). Start the export again from the console.\n');
    return;
  }
  const id = randomUUID();
  const from = dayStartIso(pending.from, parts.timeZone);
  const to = dayStartIso(nextDay(pending.to), parts.timeZone);
  await parts.writer.write((tx) => recordExportStart(tx, { id, who: pending.who, kind: pending.kind, from: pending.from, to: pending.to }));
  res.writeHead(200, {
    ...headers,
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
    const offset = zoneOffsetMs(new Date(), parts.timeZone);
    await write('\uFEFF'); // lets spreadsheet programs read Hindi as UTF-8
    if (pending.kind === 'tickets') {
      await write(csvRow(TICKET_COLUMNS));
      let after = 0;
      while (!aborted) {
        const page = await ticketsCreatedPage(parts.reader, from, to, after, PAGE);
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
        const page = await callsStartedPage(parts.reader, from, to, after, PAGE);
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
    log('export failed', err);
    aborted = true;
  } finally {
    res.end();
    await parts.writer
      .write((tx) => recordExportEnd(tx, id, rows, !aborted))
      .catch((err) => log('recording the export failed', err));
  }
}

export const dailyReport: Handler<'report:daily'> = async (parts, _caller, { date }) => {
  return { report: await buildDailyReport(parts.reader, parts, date) };
};

export async function buildDailyReport(db: ReadDb, parts: Pick<HubParts, 'timeZone' | 'config' | 'writer'>, date: string): Promise<DailyReport> {
  const from = dayStartIso(date, parts.timeZone);
  const to = dayStartIso(nextDay(date), parts.timeZone);
  const offset = zoneOffsetMs(new Date(from), parts.timeZone);
  const now = new Date();
  const day = await dayFigures(db, from, to);
  const hourly = Array.from({ length: 24 }, () => 0);
  for (const at of day.callStarts) hourly[new Date(Date.parse(at) + offset).getUTCHours()]! += 1;
  const max = Math.max(...hourly);
  const raised = day.raised;
  const categories = new Map<string, { raised: number; resolved: number }>();
  for (const t of raised) categories.set(t.category, { raised: (categories.get(t.category)?.raised ?? 0) + 1, resolved: 0 });
  for (const r of day.resolvedByCategory) categories.set(r.category, { raised: categories.get(r.category)?.raised ?? 0, resolved: r.n });
  const departments = new Map<string, { forwarded: number; acknowledged: number; pending: number }>();
  for (const t of raised) {
    if (!t.department || !t.forwardedAt) continue;
    const d = departments.get(t.department) ?? { forwarded: 0, acknowledged: 0, pending: 0 };
    d.forwarded += 1;
    if (t.departmentAckAt) d.acknowledged += 1;
    if (t.status === 'forwarded') d.pending += 1;
    departments.set(t.department, d);
  }
  const config = parts.config();
  const breaches = raised
    .map((t) => ({ t, due: t.dueAt ?? dueAt(config.sla, t) }))
    .filter(({ t, due }) => (t.resolvedAt ? t.resolvedAt > due : now.toISOString() > due))
    .map(({ t, due }) => ({ number: t.number, category: t.category, priority: t.priority, dueAt: due, status: t.status, ...(t.department ? { department: t.department } : {}) }));
  return {
    date,
    timeZone: parts.timeZone,
    generatedAt: now.toISOString(),
    calls: {
      total: day.callStarts.length,
      avgHandleSeconds: day.avgHandleSeconds === null ? null : Math.round(day.avgHandleSeconds),
      byDisposition: Object.fromEntries(day.byDisposition.map((d) => [d.disposition, d.n])),
      hourly,
      busiestHour: max > 0 ? hourly.indexOf(max) : null,
    },
    tickets: {
      raised: raised.length,
      resolved: day.resolvedByCategory.reduce((n, r) => n + r.n, 0),
      byCategory: [...categories].map(([category, v]) => ({ category, ...v })).sort((a, b) => b.raised - a.raised),
      byDepartment: [...departments].map(([department, v]) => ({ department, ...v })).sort((a, b) => b.forwarded - a.forwarded),
      breaches,
      urgent: raised.filter((t) => t.priority === 'urgent').length,
    },
    totalToDate: parts.writer.state.initialTotal + day.callsBefore,
  };
}
