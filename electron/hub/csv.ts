/** CSV cells that spreadsheets open safely: quoted when needed, formulas defused. */

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
