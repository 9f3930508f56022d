/**
 * Local days in the hub's time zone (Asia/Kolkata by default). "Calls today" counts from local
 * midnight, not UTC midnight: 00:00 IST is 18:30 UTC the day before.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws a RangeError for a zone name Intl does not know. */
export function assertTimeZone(timeZone: string): void {
  partsFormatter(timeZone);
}

/** Offset of the zone from UTC at `at`, in milliseconds (IST: +5h30m). */
export function zoneOffsetMs(at: Date, timeZone: string): number {
  const parts = Object.fromEntries(partsFormatter(timeZone).formatToParts(at).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant local midnight began for the day containing `at`. */
export function localDayStart(at: Date, timeZone: string): Date {
  const offset = zoneOffsetMs(at, timeZone);
  const local = at.getTime() + offset;
  const midnightLocal = local - (((local % 86_400_000) + 86_400_000) % 86_400_000);
  // Re-check the offset at midnight itself, for zones whose offset changes during the day.
  const guess = midnightLocal - offset;
  const offsetAtMidnight = zoneOffsetMs(new Date(guess), timeZone);
  return new Date(midnightLocal - offsetAtMidnight);
}

/** "2026-11-28" for the local day containing `at`. */
export function localDateKey(at: Date, timeZone: string): string {
  const local = new Date(at.getTime() + zoneOffsetMs(at, timeZone));
  return local.toISOString().slice(0, 10);
}
