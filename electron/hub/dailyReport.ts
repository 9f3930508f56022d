/**
 * The daily situation report: one local day's calls (per hour, by disposition, handle time) and
 * tickets (raised, resolved, by category and department, service-level breaches), the
 * all-time counter at the day's end, and each person's day (`byOperator`).
 */
import { dueAt } from '../../shared/domain/sla';
import { zoneOffsetMs } from '../../shared/domain/localDay';
import type { DailyReport } from '../../shared/protocol/reports';
import { daysRange } from './days';
import type { ReadDb } from './db/connection';
import type { HubParts } from './handlers/context';
import { peopleFigures } from './store/people';
import { dayFigures } from './store/reports';

export async function buildDailyReport(db: ReadDb, parts: Pick<HubParts, 'timeZone' | 'config' | 'writer'>, date: string): Promise<DailyReport> {
  const { from, to } = daysRange(date, date, parts.timeZone);
  const offset = zoneOffsetMs(new Date(from), parts.timeZone);
  const now = new Date();
  const day = await dayFigures(db, from, to);
  const people = await peopleFigures(db, from, to, now);
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
  const config = parts.config.current;
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
    byOperator: people
      .map((p) => ({ ...p, avgHandleSeconds: p.avgHandleSeconds === null ? null : Math.round(p.avgHandleSeconds), breakSeconds: Math.round(p.breakSeconds) }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.username.localeCompare(b.username)),
  };
}
