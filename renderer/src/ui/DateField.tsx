/**
 * A day chosen as day, month and year, in the page's language. `<input type="date">` shows and
 * reads dates in the browser's own language whatever the page's (a Hindi page on an English
 * Windows showed "11/30/2026"), so the field is three selects: the month in words ("नवंबर" /
 * "November"), each usable from the keyboard (type the first digits or letters, or the arrows).
 * The group is named by `label`; its selects are "Day", "Month" and "Year" in the page's words.
 */
import { useTranslation } from 'react-i18next';
import { isLanguage } from '../i18n';
import { daysInMonth, joinDay, monthNames, splitDay, yearsOffered } from './dateParts';
import { dateLocale } from './hubTime';

export function DateField({ label, value, onChange, min, max, className }: { label: string; value: string; onChange: (day: string) => void; min?: string; max?: string; className?: string }) {
  if (!splitDay(value)) return null;
  return (
    <fieldset className={`field date-field ${className ?? ''}`}>
      <legend className="field-label">{label}</legend>
      <div className="date-parts">
        <DaySelects value={value} onChange={onChange} min={min} max={max} />
      </div>
    </fieldset>
  );
}

/** The three selects of a day (day, month in words, year), for a field that holds a day. */
export function DaySelects({ value, onChange, min, max }: { value: string; onChange: (day: string) => void; min?: string; max?: string }) {
  const { t, i18n } = useTranslation();
  const parts = splitDay(value);
  if (!parts) return null;
  const months = monthNames(dateLocale(isLanguage(i18n.language) ? i18n.language : 'en'));
  const maxParts = max ? splitDay(max) : null;
  const set = (change: Partial<typeof parts>) => onChange(joinDay({ ...parts, ...change }, min, max));
  // Days and months past `max` are shown but cannot be chosen: the field never holds a future day.
  const monthAfterMax = (m: number) => maxParts !== null && parts.year === maxParts.year && m > maxParts.month;
  const dayAfterMax = (d: number) => maxParts !== null && parts.year === maxParts.year && parts.month === maxParts.month && d > maxParts.day;
  return (
    <>
      <select aria-label={t('dateField.day')} value={parts.day} onChange={(e) => set({ day: Number(e.target.value) })}>
        {Array.from({ length: daysInMonth(parts.year, parts.month) }, (_, i) => i + 1).map((d) => (
          <option key={d} value={d} disabled={dayAfterMax(d)}>
            {d}
          </option>
        ))}
      </select>
      <select aria-label={t('dateField.month')} value={parts.month} onChange={(e) => set({ month: Number(e.target.value) })}>
        {months.map((name, i) => (
          <option key={name} value={i + 1} disabled={monthAfterMax(i + 1)}>
            {name}
          </option>
        ))}
      </select>
      <select aria-label={t('dateField.year')} value={parts.year} onChange={(e) => set({ year: Number(e.target.value) })}>
        {yearsOffered(parts, min, max).map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </>
  );
}
