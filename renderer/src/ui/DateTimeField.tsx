/**
 * A moment chosen as a day and a time of the hub's zone, in the page's language: the day as in
 * DateField (the month in words), the time as hour and minute (24-hour, in steps of five
 * minutes). `<input type="datetime-local">` shows its calendar and its AM/PM in the browser's
 * own language whatever the page's. The value is "YYYY-MM-DDTHH:mm", or '' for none: an empty
 * field offers to set a time (`suggest()` gives the first one), a set one can be cleared.
 */
import { useTranslation } from 'react-i18next';
import { DaySelects } from './DateField';

const pad = (n: number) => String(n).padStart(2, '0');

export function DateTimeField({ label, value, onChange, suggest, minDay }: { label: string; value: string; onChange: (value: string) => void; suggest: () => string; minDay?: string }) {
  const { t } = useTranslation();
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) {
    return (
      <fieldset className="field date-field">
        <legend className="field-label">{label}</legend>
        <button type="button" className="btn" onClick={() => onChange(suggest())}>
          {t('dateField.setTime')}
        </button>
      </fieldset>
    );
  }
  const [, day, hour, minute] = m as unknown as [string, string, string, string];
  const at = (d: string, h: string, min: string) => onChange(`${d}T${h}:${min}`);
  // Five-minute steps, plus the minute the value already has if it is off them.
  const minutes = [...new Set([...Array.from({ length: 12 }, (_, i) => pad(i * 5)), minute])].sort();
  return (
    <fieldset className="field date-field">
      <legend className="field-label">{label}</legend>
      <div className="date-parts">
        {/* A callback already set in the past keeps its day; new days start at `minDay`. */}
        <DaySelects value={day} onChange={(d) => at(d, hour, minute)} min={minDay !== undefined && minDay > day ? day : minDay} />
        <select aria-label={t('dateField.hour')} value={hour} onChange={(e) => at(day, e.target.value, minute)}>
          {Array.from({ length: 24 }, (_, h) => pad(h)).map((h) => (
            <option key={h} value={h}>
              {h}
            </option>
          ))}
        </select>
        <select aria-label={t('dateField.minute')} value={minute} onChange={(e) => at(day, hour, e.target.value)}>
          {minutes.map((x) => (
            <option key={x} value={x}>
              {x}
            </option>
          ))}
        </select>
        <button type="button" className="btn btn-small" onClick={() => onChange('')}>
          {t('dateField.clear')}
        </button>
      </div>
    </fieldset>
  );
}
