import type { ReactNode } from 'react';

export type Column = { title: string; num?: boolean };

/** A table of the People tab: named by its section's heading, scrolling sideways on a narrow screen, figures to the right. */
export function PeopleTable({ labelledBy, columns, children }: { labelledBy: string; columns: readonly Column[]; children: ReactNode }) {
  return (
    <div className="people-scroll">
      <table className="follow-table people-table" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.title} scope="col" className={c.num ? 'num' : undefined}>
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
