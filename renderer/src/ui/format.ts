/**
 * How numbers and durations read on every screen: Indian grouping, timers as a clock shows
 * them. Times of day are the hub's zone's, in hubTime.ts.
 */
import { formatIndian } from '../../../shared/domain/numbers';

export { formatIndian };

/** "4:07" or "1:02:09" for a running timer; never negative (clocks may differ a little). */
export function duration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** "Saturday, 28 November 2026" for a day key, for headings. */
export function dayHeading(day: string, lang: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  return new Intl.DateTimeFormat(lang === 'hi' ? 'hi-IN' : 'en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric', weekday: 'long' }).format(d);
}

/** The words of sizes in the page's language: "MB", "एमबी". */
export type SizeUnit = 'bytes' | 'kb' | 'mb' | 'gb';

const oneDecimal = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 1 });

/** A byte count as people read it, in Indian grouping and the page's words: "2.3 MB", "2.3 एमबी". */
export function bytes(n: number, unit: (u: SizeUnit) => string): string {
  const steps: [SizeUnit, number][] = [
    ['gb', 1024 ** 3],
    ['mb', 1024 ** 2],
    ['kb', 1024],
  ];
  for (const [u, size] of steps) if (n >= size) return `${oneDecimal.format(n / size)} ${unit(u)}`;
  return `${formatIndian(n)} ${unit('bytes')}`;
}
