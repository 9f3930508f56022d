import { type ReactElement, type ReactNode, cloneElement, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatIndian } from './format';

/** A limited field counts its characters from this share of its limit on: in time to plan the last words. */
const COUNT_FROM = 0.9;

/**
 * A labelled control. The <label> holds only the label text, so the control's accessible name
 * is exactly that text; hints, keys and errors sit beside it and are tied in by aria-describedby.
 * A `limit` (the hub's, from shared/protocol/limits.ts) becomes the control's maxLength, and a
 * counter beside the label once the text nears it.
 */
export function Field({
  label,
  children,
  hint,
  hintWarn,
  error,
  keys,
  shortcuts,
  limit,
  className,
}: {
  label: string;
  children: ReactElement<Record<string, unknown>>;
  hint?: ReactNode;
  hintWarn?: boolean;
  error?: string | null;
  /** The key hint as printed beside the label ("1–6"). */
  keys?: string;
  /** The same keys for assistive technology, in aria-keyshortcuts form ("1 2 3 Alt+1"). */
  shortcuts?: string;
  /** The most characters the hub takes in this field. */
  limit?: number;
  className?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = `${id}-hint`;
  const errId = `${id}-err`;
  const countId = `${id}-count`;
  const value = children.props.value;
  const length = typeof value === 'string' ? value.length : 0;
  const counting = limit !== undefined && length >= limit * COUNT_FROM;
  const describedBy = [hint ? hintId : null, counting ? countId : null, error ? errId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field ${className ?? ''}`}>
      <div className="field-label">
        <label htmlFor={id}>{label}</label>
        {counting && (
          <small id={countId} className={`field-count ${length >= limit ? 'is-full' : ''}`}>
            <span aria-hidden="true">{t('limits.count', { n: formatIndian(length), max: formatIndian(limit) })}</span>
            <span className="sr-only">{t('limits.countSpoken', { n: formatIndian(length), max: formatIndian(limit) })}</span>
          </small>
        )}
        {keys && (
          <kbd className="field-key" aria-hidden="true">
            {keys}
          </kbd>
        )}
      </div>
      {cloneElement(children, { id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined, 'aria-keyshortcuts': shortcuts, ...(limit !== undefined ? { maxLength: limit } : {}) })}
      {hint && (
        <small id={hintId} className={hintWarn ? 'hint-warn' : 'muted'}>
          {hint}
        </small>
      )}
      {error && (
        <small id={errId} className="field-error" role="alert">
          {error}
        </small>
      )}
    </div>
  );
}
