/** Local dates (YYYY-MM-DD) of the hub's time zone, as the UTC instants that exports and reports read between. */
import { localDayStart } from '../../shared/domain/localDay';

/** Start of local day `date` as a UTC instant. */
export function dayStartIso(date: string, timeZone: string): string {
  // Noon UTC of that date is inside the local day in every zone within ±12h.
  return localDayStart(new Date(`${date}T12:00:00Z`), timeZone).toISOString();
}

/** [start of `from`, start of the day after `to`): both days whole. */
export function daysRange(from: string, to: string, timeZone: string): { from: string; to: string } {
  const after = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { from: dayStartIso(from, timeZone), to: dayStartIso(after, timeZone) };
}
