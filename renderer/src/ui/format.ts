/** How numbers, times and durations read on every screen: Indian grouping, IST, 24-hour clock. */
import { formatIndian } from '../../../shared/domain/numbers';
import { zoneOffsetMs } from '../../../shared/domain/localDay';
import { HUB_TIME_ZONE } from '../hubLink/hubMirror';

export { formatIndian };

const timeFmt = new Intl.DateTimeFormat('en-GB', { timeZone: HUB_TIME_ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
const shortTimeFmt = new Intl.DateTimeFormat('en-GB', { timeZone: HUB_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const dayFmt = new Intl.DateTimeFormat('en-GB', { timeZone: HUB_TIME_ZONE, day: '2-digit', month: 'short' });
const dayKeyFmt = new Intl.DateTimeFormat('en-CA', { timeZone: HUB_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const hourFmt = new Intl.DateTimeFormat('en-GB', { timeZone: HUB_TIME_ZONE, hour: '2-digit', hourCycle: 'h23' });

/** "14:05:09" in IST. */
export function istTime(at: Date | string | number): string {
  return timeFmt.format(new Date(at));
}

/** "14:05" today, "27 Nov 14:05" on another day (IST). */
export function istWhen(at: Date | string | number, now: Date = new Date()): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return '';
  const same = dayKeyFmt.format(d) === dayKeyFmt.format(now);
  return same ? shortTimeFmt.format(d) : `${dayFmt.format(d)} ${shortTimeFmt.format(d)}`;
}

/** "4:07" or "1:02:09" for a running timer; never negative (clocks may differ a little). */
export function duration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/**
 * The value of an <input type="datetime-local"> for an instant, in IST: people on the floor
 * read and type IST whatever the PC's own zone is.
 */
export function istInputValue(at: string | Date): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return '';
  return new Date(d.getTime() + zoneOffsetMs(d, HUB_TIME_ZONE)).toISOString().slice(0, 16);
}

/** The instant an IST "YYYY-MM-DDTHH:mm" names, as ISO UTC; null for an empty or broken value. */
export function fromIstInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const asUtc = Date.parse(`${value}:00.000Z`);
  if (Number.isNaN(asUtc)) return null;
  return new Date(asUtc - zoneOffsetMs(new Date(asUtc), HUB_TIME_ZONE)).toISOString();
}

/** "2026-11-28": the IST date of an instant, as the hub names days. */
export function istDate(at: Date | string | number): string {
  return dayKeyFmt.format(new Date(at));
}

/** "02 Jun 2020" for a day key, for headings. */
export function dayHeading(day: string, lang: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  return new Intl.DateTimeFormat(lang === 'hi' ? 'hi-IN' : 'en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric', weekday: 'long' }).format(d);
}

/** "14" for the IST hour an instant falls in. */
export function istHour(at: Date | string | number): string {
  return hourFmt.format(new Date(at));
}

/** A byte count as people read it: "4.2 MB". */
export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
