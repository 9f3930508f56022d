/**
 * Local dates ("2026-11-28", as the hub names days) taken apart into day, month and year and
 * put back together, for the date field. Pure, so the rules are tested without a page.
 */

export interface DateParts {
  year: number;
  /** 1 to 12. */
  month: number;
  day: number;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function splitDay(day: string): DateParts | null {
  const m = DAY.exec(day);
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * The day the parts name, as a day key. A day past the month's end becomes its last day (31
 * March changed to February is 28 or 29 February, not 3 March), and a day outside `min`..`max`
 * becomes the nearest end: the field never holds a day it may not.
 */
export function joinDay(p: DateParts, min?: string, max?: string): string {
  const day = Math.min(Math.max(1, p.day), daysInMonth(p.year, p.month));
  const key = `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(day, 2)}`;
  if (max && key > max) return max;
  if (min && key < min) return min;
  return key;
}

/** The years a field offers: from `min`'s (or ten before the last) to `max`'s (or the value's). */
export function yearsOffered(value: DateParts, min?: string, max?: string): number[] {
  const last = Math.max(splitDay(max ?? '')?.year ?? value.year, value.year);
  const first = Math.min(splitDay(min ?? '')?.year ?? last - 10, value.year);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** The names of the twelve months in a locale: "November", "नवंबर". */
export function monthNames(locale: string): string[] {
  const fmt = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, i) => fmt.format(new Date(Date.UTC(2000, i, 15))));
}
