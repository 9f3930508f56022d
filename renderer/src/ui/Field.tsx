import { type ReactElement, type ReactNode, cloneElement, useId } from 'react';

/**
 * A labelled control. The <label> holds only the label text, so the control's accessible name
 * is exactly that text; hints, keys and errors sit beside it and are tied in by aria-describedby.
 */
export function Field({
  label,
  children,
  hint,
  hintWarn,
  error,
  keys,
  shortcuts,
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
  className?: string;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errId = `${id}-err`;
  const describedBy = [hint ? hintId : null, error ? errId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field ${className ?? ''}`}>
      <div className="field-label">
        <label htmlFor={id}>{label}</label>
        {keys && (
          <kbd className="field-key" aria-hidden="true">
            {keys}
          </kbd>
        )}
      </div>
      {cloneElement(children, { id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined, 'aria-keyshortcuts': shortcuts })}
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
