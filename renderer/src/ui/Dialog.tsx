import { type ReactNode, useEffect, useRef } from 'react';

/**
 * A modal <dialog>: the browser traps focus and closes it on Esc, and returns focus to where
 * it was when it closes.
 */
export function Dialog({ label, onClose, children, className, role }: { label: string; onClose: () => void; children: ReactNode; className?: string; role?: 'alertdialog' }) {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const before = document.activeElement as HTMLElement | null;
    if (!el.open) el.showModal();
    const cancel = (e: Event) => {
      e.preventDefault();
      onCloseRef.current();
    };
    el.addEventListener('cancel', cancel);
    return () => {
      el.removeEventListener('cancel', cancel);
      if (el.open) el.close();
      if (before && document.contains(before)) before.focus();
    };
  }, []);
  return (
    <dialog ref={ref} aria-label={label} className={`dialog ${className ?? ''}`} role={role}>
      {children}
    </dialog>
  );
}
