/** Indian digit grouping: 103515 → "1,03,515". */
export function formatIndian(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const sign = n < 0 ? '-' : '';
  const s = String(Math.trunc(Math.abs(n)));
  if (s.length <= 3) return sign + s;
  const last3 = s.slice(-3);
  const rest = s.slice(0, -3).replace(/\B(?=(\d{2})+(?!\d))/g, ',');
  return `${sign}${rest},${last3}`;
}

/** Converts ASCII digits to Devanagari digits, for Hindi text that asks for them. */
export function toDevanagariDigits(s: string): string {
  return s.replace(/\d/g, (d) => String.fromCharCode(0x0966 + Number(d)));
}
