/**
 * Times as the floor reads them: in the hub's time zone (its `--tz`, Asia/Kolkata unless the hub
 * says otherwise), whatever zone the PC showing them is set to, on a 24-hour clock, and in the
 * page's language: Hindi month and weekday names in Hindi ("30 नवंबर 22:03"), digits as the
 * floor writes them in both. "Today", the date fields and the hours of the charts all follow
 * the same zone.
 */
import { localDateKey, zoneOffsetMs } from '../../../shared/domain/localDay';
import { DEFAULT_HUB_TIME_ZONE, isKnownTimeZone } from '../hubLink/timeZone';
import type { Language } from '../i18n';

export interface HubTime {
  /** The IANA name, e.g. `Asia/Kolkata`. */
  readonly zone: string;
  /** What people call the zone at `at`: "IST", "GMT", "GMT+5:45". */
  zoneName(at?: Date): string;
  /** The zone's name in words: "India Standard Time", "भारतीय मानक समय". */
  zoneLongName(at?: Date): string;
  /** "14:05:09". */
  clock(at: Date | string | number): string;
  /** "14:05". */
  clockMinutes(at: Date | string | number): string;
  /** "14:05" on the day of `now`, "27 Nov 14:05" ("27 नवंबर 14:05") on another day. */
  when(at: Date | string | number, now?: Date): string;
  /** "28 November 2026 at 14:05" ("28 नवंबर 2026 को 14:05 बजे"): an instant on any day. */
  dateTime(at: Date | string | number): string;
  /** "28 November 2026" ("28 नवंबर 2026") for a day key "2026-11-28". */
  date(day: string): string;
  /** "2026-11-28": the local date of an instant, as the hub names days. */
  day(at: Date | string | number): string;
  /** Noon of a local date: an instant that surely falls on that day. */
  noonOf(day: string): Date;
  /** "14": the local hour an instant falls in. */
  hour(at: Date | string | number): string;
  /** The value of an <input type="datetime-local"> for an instant: "2026-11-28T16:00". */
  inputValue(at: string | Date): string;
  /** The instant a datetime-local value names, as ISO UTC; null for an empty or broken value. */
  fromInput(value: string): string | null;
}

const made = new Map<string, HubTime>();

/** The locale whose names each language's screens use; en-GB for day-month order in English. */
const LOCALE: Record<Language, string> = { en: 'en-GB', hi: 'hi-IN' };

export function dateLocale(lang: Language): string {
  return LOCALE[lang];
}

/**
 * The formatters of one zone in one language; made once each, as Intl formatters are costly
 * to build. A zone this browser does not know gets the hub's default rather than a page that
 * fails.
 */
export function hubTime(zone: string, lang: Language = 'en'): HubTime {
  const key = `${zone} ${lang}`;
  let time = made.get(key);
  if (!time) {
    time = isKnownTimeZone(zone) ? makeHubTime(zone, lang) : hubTime(DEFAULT_HUB_TIME_ZONE, lang);
    made.set(key, time);
  }
  return time;
}

function makeHubTime(zone: string, lang: Language): HubTime {
  const locale = LOCALE[lang];
  const timeFmt = new Intl.DateTimeFormat(locale, { timeZone: zone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  const shortTimeFmt = new Intl.DateTimeFormat(locale, { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  // Hindi's short month names are abbreviations with ॰ ("नव॰"); the full names read better and
  // are hardly longer.
  const dayFmt = new Intl.DateTimeFormat(locale, { timeZone: zone, day: '2-digit', month: lang === 'hi' ? 'long' : 'short' });
  const dateTimeFmt = new Intl.DateTimeFormat(locale, { timeZone: zone, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const dateFmt = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
  const hourFmt = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' });
  // en-IN names India's zone "IST", as the floor says it (hi-IN too); elsewhere the usual short name or offset.
  const nameFmt = new Intl.DateTimeFormat(lang === 'hi' ? 'hi-IN' : 'en-IN', { timeZone: zone, timeZoneName: 'short' });
  const longNameFmt = new Intl.DateTimeFormat(lang === 'hi' ? 'hi-IN' : 'en-IN', { timeZone: zone, timeZoneName: 'long' });
  const nameOf = (fmt: Intl.DateTimeFormat, at: Date) => fmt.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? zone;

  const day = (at: Date | string | number) => localDateKey(new Date(at), zone);
  const fromInput = (value: string): string | null => {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
    const asUtc = Date.parse(`${value}:00.000Z`);
    if (Number.isNaN(asUtc)) return null;
    return new Date(asUtc - zoneOffsetMs(new Date(asUtc), zone)).toISOString();
  };

  return {
    zone,
    zoneName: (at = new Date()) => nameOf(nameFmt, at),
    zoneLongName: (at = new Date()) => nameOf(longNameFmt, at),
    clock: (at) => timeFmt.format(new Date(at)),
    clockMinutes: (at) => shortTimeFmt.format(new Date(at)),
    when(at, now = new Date()) {
      const d = new Date(at);
      if (Number.isNaN(d.getTime())) return '';
      const shown = shortTimeFmt.format(d);
      return day(d) === day(now) ? shown : `${dayFmt.format(d)} ${shown}`;
    },
    dateTime(at) {
      const d = new Date(at);
      return Number.isNaN(d.getTime()) ? '' : dateTimeFmt.format(d);
    },
    date(key) {
      const d = new Date(`${key}T12:00:00Z`);
      return Number.isNaN(d.getTime()) ? key : dateFmt.format(d);
    },
    day,
    noonOf: (d) => new Date(fromInput(`${d}T12:00`) ?? Number.NaN),
    hour: (at) => hourFmt.format(new Date(at)),
    inputValue(at) {
      const d = new Date(at);
      if (Number.isNaN(d.getTime())) return '';
      return new Date(d.getTime() + zoneOffsetMs(d, zone)).toISOString().slice(0, 16);
    },
    fromInput,
  };
}
