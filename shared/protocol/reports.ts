/**
 * Supervisor reports (extensions): CSV exports streamed by the hub, and the daily situation
 * report. Days are local dates (YYYY-MM-DD) in the hub's time zone, both ends included.
 */
import { z } from 'zod';
import type { CallDisposition } from './vocabulary';

export const LocalDate = z.iso.date();

/** `export:start` — returns a single-use link (valid a minute) that streams the CSV. */
export const ExportStartRequest = z
  .strictObject({
    kind: z.enum(['tickets', 'calls']),
    from: LocalDate,
    to: LocalDate,
    /** The language of the header and the labels (category, status…); codes have columns of their own. English if absent. */
    lang: z.enum(['en', 'hi']).optional(),
  })
  .refine((r) => r.from <= r.to, 'from must not be after to');
export type ExportStartRequest = z.infer<typeof ExportStartRequest>;
export type ExportStartResult = { url: string; filename: string };

/** `report:daily` — the day's situation report. */
export const DailyReportRequest = z.strictObject({ date: LocalDate });
export type DailyReportRequest = z.infer<typeof DailyReportRequest>;

export type DailyReport = {
  date: string;
  timeZone: string;
  generatedAt: string;
  calls: {
    total: number;
    /** Mean length of the day's ended calls, seconds. */
    avgHandleSeconds: number | null;
    byDisposition: Partial<Record<CallDisposition, number>>;
    /** Calls per local hour, 0-23. */
    hourly: number[];
    busiestHour: number | null;
  };
  tickets: {
    raised: number;
    resolved: number;
    byCategory: { category: string; raised: number; resolved: number }[];
    byDepartment: { department: string; forwarded: number; acknowledged: number; pending: number }[];
    /** Tickets raised that day that missed, or are missing, their service-level target. */
    breaches: { number: number; category: string; priority: string; dueAt: string; status: string; department?: string }[];
    urgent: number;
  };
  /** All-time counter at the end of the day (or now, for today). */
  totalToDate: number;
  /**
   * Extension (v2): the day of each person who took a call, raised a ticket or held a seat,
   * by name. Calls count by when they started; the handle time is of those that ended; time
   * on break is within the day (to now, for today). Always sent by a hub with accounts.
   */
  byOperator?: OperatorDay[];
};

export type OperatorDay = {
  username: string;
  name: string;
  calls: number;
  /** Mean length of their calls that ended, seconds; null without one. */
  avgHandleSeconds: number | null;
  tickets: number;
  dispositions: Partial<Record<CallDisposition, number>>;
  breakSeconds: number;
};
export type DailyReportResult = { report: DailyReport };

/** `backup:now` (supervisors) — an online backup, checked, into the hub's backup folder. */
export const BackupNowRequest = z.strictObject({}).optional();
export type BackupNowRequest = z.infer<typeof BackupNowRequest>;
export type BackupNowResult = { backup: { file: string; bytes: number; at: string; ms: number } };
