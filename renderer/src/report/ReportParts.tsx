import type { ReactNode } from 'react';

/** A table of the report: the first column names each row, the others are its figures. */
export function ReportTable({ columns, rows }: { columns: { title: string; num?: boolean }[]; rows: { key: string | number; cells: ReactNode[] }[] }) {
  const cls = (i: number) => (columns[i]?.num ? 'num' : undefined);
  return (
    <table className="report-table">
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={c.title} scope="col" className={cls(i)}>
              {c.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            {r.cells.map((cell, i) =>
              i === 0 ? (
                <th key={i} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={i} className={cls(i)}>
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A section of the report, named by its heading; `empty` says what shows when it has no rows. */
export function ReportSection({ id, title, empty, className, children }: { id: string; title: ReactNode; empty?: string | null; className?: string; children: ReactNode }) {
  return (
    <section className={`report-section ${className ?? ''}`} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {empty ? <p className="muted">{empty}</p> : children}
    </section>
  );
}
