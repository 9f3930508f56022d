/** How numbers, times and durations read on every screen: Indian grouping, IST, 24-hour clock. */
import { formatIndian } from '../../../shared/domain/numbers';
import { HUB_TIME_ZONE } from '../sync/hubState';

export { formatIndian };

const timeFmt = new Intl.DateTimeFormat('en-GB', { timeZone: HUB_TIME_ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
const shortTimeFmt = new Intl.DateTimeFormat('en-GB', { timeZone: HUB_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const dayFmt = new Intl.DateTimeFormat('en-GB', { timeZone: HUB_TIME_ZONE, day: '2-digit', month: 'short' });
const dayKeyFmt = new Intl.DateTimeFormat('en-CA', { timeZone: HUB_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

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
