import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket, TicketPatch } from '../../../../shared/protocol';
import type { HubClient } from '../../hubLink/client';
import type { Problem, QueuedOpOf } from '../../hubLink/outbox';
import type { Announce } from '../../ui/announcements';
import { Dialog } from '../../ui/Dialog';
import type { HubTime } from '../../ui/hubTime';
import { ticketLabel } from '../tickets/ticketLabel';
import { beforeOf } from '../tickets/ticketForm';
import { errorText } from '../../ui/errorText';
import { refusalText } from '../tickets/fieldProblem';

/** Ops the hub refused for good. Each stays listed until the operator has seen it. */
export function ProblemList({ problems, client, onRestore }: { problems: readonly Problem[]; client: HubClient; onRestore: (p: Problem) => void }) {
  const { t } = useTranslation();
  const shown = problems.filter((p) => !isConflict(p));
  if (!shown.length) return null;
  return (
    <section className="problems" aria-label={t('problems.heading')}>
      <h2 className="problems-title">{t('problems.heading')}</h2>
      <ul>
        {shown.map((p) => (
          <li key={p.id} role="alert" className="problem">
            <strong>{whatText(t, p)}</strong>: {problemText(t, p)}
            {p.op.name === 'ticket:create' && <span className="problem-detail"> “{p.op.payload.ticket.description}”</span>}
            <span className="problem-actions">
              {p.op.name === 'ticket:create' && (
                <button type="button" className="btn" onClick={() => onRestore(p)}>
                  {t('problems.restore')}
                </button>
              )}
              <button type="button" className="btn btn-quiet" onClick={() => client.dismissProblem(p.id)}>
                {t('problems.dismiss')}
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What was refused ("New ticket"). The op's name holds a colon, which i18next would read as a namespace. */
function whatText(t: (k: string, o?: Record<string, unknown>) => string, p: Problem): string {
  return t(`problems.what.${p.op.name}`, { nsSeparator: false });
}

/** Why the hub refused: the field it named and what is wrong with it, or else what its error code means. */
function problemText(t: (k: string, o?: Record<string, unknown>) => string, p: Problem): string {
  return refusalText(t, p.op.name, p.error) ?? errorText(t, p.error.code);
}

/** Problems are also said as they happen, in words; a conflict opens its own dialog instead. */
export function useProblemAnnouncements(client: HubClient, announce: Announce): void {
  const { t } = useTranslation();
  useEffect(
    () =>
      client.onProblem((p) => {
        if (!isConflict(p)) announce(`${whatText(t, p)}: ${problemText(t, p)}`);
      }),
    [client, announce, t],
  );
}

/** A change the hub refused because the ticket changed meanwhile, with the ticket as it is now. */
export type Conflict = Problem & { op: QueuedOpOf<'ticket:update'>; current: Ticket };

export function isConflict(p: Problem): p is Conflict {
  return p.op.name === 'ticket:update' && p.error.code === 'conflict' && !!p.current;
}

/** Each field a change may carry, and the ticket field it shows in. */
const FIELDS: { patch: keyof TicketPatch; ticket: keyof Ticket }[] = [
  { patch: 'status', ticket: 'status' },
  { patch: 'priority', ticket: 'priority' },
  { patch: 'department', ticket: 'department' },
  { patch: 'category', ticket: 'category' },
  { patch: 'description', ticket: 'description' },
  { patch: 'departmentAck', ticket: 'departmentAckAt' },
  { patch: 'departmentRef', ticket: 'departmentRef' },
  { patch: 'callbackDueAt', ticket: 'callbackDueAt' },
  { patch: 'callbackDone', ticket: 'callbackDoneAt' },
  { patch: 'assignedSeat', ticket: 'assignedSeat' },
  { patch: 'escalated', ticket: 'escalated' },
];

/** A change the hub refused because someone else changed the ticket first: show both, let the person decide. */
export function ConflictDialog({ problem, client, time }: { problem: Conflict; client: HubClient; time: HubTime }) {
  const { t } = useTranslation();
  const current = problem.current;
  const patch = problem.op.payload.patch;
  const before = problem.op.meta?.before ?? {};
  const label = ticketLabel(current);
  const shownValue = (field: string, v: unknown) => {
    if (v === null || v === undefined || v === '' || v === false) return '—';
    if (v === true) return t('followUp.yes');
    const s = String(v);
    if (field === 'description' || field === 'departmentRef') return s;
    if (field === 'assignedSeat') return t('tickets.seat', { seat: s });
    if (/At$/.test(field) && !Number.isNaN(Date.parse(s))) return time.when(s);
    return t(`${field}.${s}`, { defaultValue: s });
  };
  const rows = FIELDS.filter((f) => patch[f.patch] !== undefined || (before[f.ticket] !== undefined && before[f.ticket] !== current[f.ticket]));
  return (
    <Dialog label={t('conflict.heading', { ticket: label })} onClose={() => undefined} role="alertdialog" className="conflict-dialog">
      <h2>{t('conflict.heading', { ticket: label })}</h2>
      <p>{t('conflict.body')}</p>
      <table className="conflict-table">
        <thead>
          <tr>
            <th scope="col">{t('conflict.field')}</th>
            <th scope="col">{t('conflict.before')}</th>
            <th scope="col">{t('conflict.yours')}</th>
            <th scope="col">{t('conflict.now')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => (
            <tr key={f.patch} className={patch[f.patch] !== undefined && current[f.ticket] !== before[f.ticket] ? 'is-clash' : ''}>
              <th scope="row">{t(`field.${f.ticket}`)}</th>
              <td>{shownValue(f.ticket, before[f.ticket])}</td>
              <td>{patch[f.patch] !== undefined ? shownValue(f.patch === 'departmentAck' || f.patch === 'callbackDone' ? f.patch : f.ticket, patch[f.patch]) : '—'}</td>
              <td>{shownValue(f.ticket, current[f.ticket])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-actions">
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => {
            client.updateTicket(current.id, current.version, patch, beforeOf(current));
            client.dismissProblem(problem.id);
          }}
        >
          {t('conflict.reapply')}
        </button>
        <button type="button" className="btn" onClick={() => client.dismissProblem(problem.id)}>
          {t('conflict.discard')}
        </button>
      </div>
    </Dialog>
  );
}
