import type { ReactNode } from 'react';

/** One panel of a page of the supervisor's console that reads like a document: a heading, a line on what it does, its controls. */
export function Section({ id, title, hint, children, className }: { id: string; title: string; hint?: string; children: ReactNode; className?: string }) {
  return (
    <section className={`panel cfg-section ${className ?? ''}`} aria-labelledby={id}>
      <h2 id={id} className="panel-title">
        {title}
      </h2>
      {hint && <p className="small muted">{hint}</p>}
      {children}
    </section>
  );
}
