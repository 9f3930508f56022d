/** CSV cells that spreadsheets open safely: quoted when needed, formulas defused. */
import { formatPhone } from '../../shared/domain/phone';

export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  let s = String(value);
  // A cell starting with = + - @ would run as a formula in a spreadsheet (CSV injection).
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(values: unknown[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}

/** "2026-11-28T08:35:00.000Z" → "2026-11-28 14:05:00" in the zone, for people reading a sheet. */
export function localTime(iso: string | undefined | null, offsetMs: number): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  return new Date(t + offsetMs).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * A phone number as the floor dials and reads it ("98765 43210", "0172-4567890"). Stored as
 * "+919876543210", a spreadsheet reads it as a formula or a number (LibreOffice shows
 * 919876543210), and the apostrophe that defuses it shows as a stray "'" in the cell; the
 * national form starts with a digit and holds a space or a dash, so every spreadsheet keeps it
 * as text, exactly as written. Anything else still goes through `csvCell`'s defusing.
 */
export function phoneForSheet(phone: string | undefined): string {
  return phone ? formatPhone(phone) : '';
}
