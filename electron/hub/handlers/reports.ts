/** export:start, report:daily and backup:now: the supervisor's reports and backups. */
import { buildDailyReport } from '../dailyReport';
import type { Handler } from './handler';

export const startExport: Handler<'export:start'> = async (parts, caller, req) => ({
  url: parts.exportLinks.create({
    kind: req.kind,
    from: req.from,
    to: req.to,
    who: caller.name,
    user: caller.username,
    lang: req.lang ?? 'en',
    names: { categories: parts.config.current.categories, departments: parts.config.current.departments },
  }),
  filename: `${req.kind}-${req.from}-to-${req.to}.csv`,
});

export const dailyReport: Handler<'report:daily'> = async (parts, _caller, { date }) => ({ report: await buildDailyReport(parts.reader, parts, date) });

export const backupNow: Handler<'backup:now'> = async (parts) => ({ backup: await parts.backups.run() });
