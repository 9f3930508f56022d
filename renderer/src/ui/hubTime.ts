/**
 * Times as the floor reads them: in the hub's time zone (its `--tz`, Asia/Kolkata unless the hub
 * says otherwise), whatever zone the PC showing them is set to, on a 24-hour clock. "Today",
 * the date inputs and the hours of the charts all follow the same zone.
 */
import { localDateKey, zoneOffsetMs } from '../../../shared/domain/localDay';
import { DEFAULT_HUB_TIME_ZONE, isKnownTimeZone } from '../hubLink/timeZone';

export interface HubTime {
  /** The IANA name, e.g. `Asia/Kolkata`. */
  readonly zone: string;
  /** What people call the zone at `at`: "IST", "GMT", "GMT+5:45". */
  zoneName(at?: Date): string;
  /** "14:05:09". */
  clock(at: Date | string | number): string;
  /** "14:05". */
  clockMinutes(at: Date | string | number): string;
  /** "14:05" on the day of `now`, "27 Nov 14:05" on another day. */
  when(at: Date | string | number, now?: Date): string;
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

/**
 * The formatters of one zone; made once per zone, as Intl formatters are costly to build. A
 * zone this browser does not know gets the hub's default rather than a page that fails.
 */
export function hubTime(zone: string): HubTime {
  let time = made.get(zone);
  if (!time) {
    time = isKnownTimeZone(zone) ? makeHubTime(zone) : hubTime(DEFAULT_HUB_TIME_ZONE);
    made.set(zone, time);
  }
  return time;
}

function makeHubTime(zone: string): HubTime {
  const timeFmt = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  const shortTimeFmt = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const dayFmt = new Intl.DateTimeFormat('en-GB', { timeZone: zone, day: '2-digit', month: 'short' });
  const hourFmt = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' });
  // en-IN names India's zone "IST", as the floor says it; elsewhere the usual short name or offset.
  const nameFmt = new Intl.DateTimeFormat('en-IN', { timeZone: zone, timeZoneName: 'short' });

  const day = (at: Date | string | number) => localDateKey(new Date(at), zone);
  const fromInput = (value: string): string | null => {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
    const asUtc = Date.parse(`${value}:00.000Z`);
    if (Number.isNaN(asUtc)) return null;
    return new Date(asUtc - zoneOffsetMs(new Date(asUtc), zone)).toISOString();
  };

  return {
    zone,
    zoneName: (at = new Date()) => nameFmt.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? zone,
    clock: (at) => timeFmt.format(new Date(at)),
    clockMinutes: (at) => shortTimeFmt.format(new Date(at)),
    when(at, now = new Date()) {
      const d = new Date(at);
      if (Number.isNaN(d.getTime())) return '';
      const shown = shortTimeFmt.format(d);
      return day(d) === day(now) ? shown : `${dayFmt.format(d)} ${shown}`;
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
