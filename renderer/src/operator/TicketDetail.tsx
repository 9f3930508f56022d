import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { statusChangeError } from '../../../shared/domain/ticketRules';
import { PRIORITIES, TICKET_STATUSES, type Priority, type TicketStatus } from '../../../shared/domain/vocabulary';
import type { TicketEvent, TicketPatch } from '../../../shared/protocol';
import type { ClientView, HubClient } from '../sync/client';
import { isLocalTicketId, type ViewTicket } from '../sync/view';
import { PhoneText } from '../ui/common';
import { Dialog } from '../ui/Dialog';
import { Field } from '../ui/Field';
import { istWhen } from '../ui/format';
import { useVocabulary } from '../ui/hooks';
import type { Vocabulary } from '../ui/vocab';
import { ticketLabel } from './labels';

interface Editable {
  status: TicketStatus;
  priority: Priority;
  department: string;
}

const editableOf = (t: ViewTicket): Editable => ({ status: t.status, priority: t.priority, department: t.department ?? '' });

export function TicketDetail({
  client,
  view,
  ticket,
  onClose,
  now,
  announce,
}: {
  client: HubClient;
  view: ClientView;
  ticket: ViewTicket;
  onClose: () => void;
  now: Date;
  announce: (msg: string) => void;
}) {
  const { t } = useTranslation();
  const vocab = useVocabulary(view);
  const local = isLocalTicketId(ticket.id);
  const connected = view.connection === 'connected';
  const [history, setHistory] = useState<{ version: number; events: TicketEvent[] } | null>(null);
  const [historyFailed, setHistoryFailed] = useState(false);
  // The ticket as it was when the operator began to change it: the version a save is based on.
  const [base, setBase] = useState<ViewTicket>(ticket);
  const [form, setForm] = useState<Editable>(() => editableOf(ticket));
  const [note, setNote] = useState('');
  const dirty = JSON.stringify(form) !== JSON.stringify(editableOf(base));

  // Live updates move the form along only while the operator has not touched it.
  useEffect(() => {
    if (!dirty && ticket.version !== base.version) {
      setBase(ticket);
      setForm(editableOf(ticket));
    }
  }, [ticket, base.version, dirty]);

  useEffect(() => {
    if (local || !connected) return;
    let live = true;
    void client.request('ticket:history', { id: ticket.id }).then((r) => {
      if (!live) return;
      if (r.ok) setHistory({ version: ticket.version, events: (r as unknown as { events: TicketEvent[] }).events });
      else setHistoryFailed(true);
    });
    return () => {
      live = false;
    };
  }, [client, ticket.id, ticket.version, local, connected]);

  function save() {
    const patch: TicketPatch = {};
    const was = editableOf(base);
    if (form.status !== was.status) patch.status = form.status;
    if (form.priority !== was.priority) patch.priority = form.priority;
    if (form.department !== was.department) patch.department = form.department || null;
    if (Object.keys(patch).length === 0) return announce(t('detail.nothingToSave'));
    const op = client.updateTicket(ticket.id, base.version, patch, { status: base.status, priority: base.priority, department: base.department });
    if (!connected) announce(t('detail.savedOffline'));
    void client.settled(op.opId).then((r) => {
      if (r.ok) announce(t('detail.saved'));
    });
    // The pending op shows the change at once; the next live version becomes the new base.
    setBase({ ...base, ...patch, department: form.department || undefined } as ViewTicket);
  }

  function addNote() {
    const text = note.trim();
    if (!text) return;
    const op = client.addNote(ticket.id, text);
    setNote('');
    void client.settled(op.opId).then((r) => {
      if (r.ok) announce(t('caller.noteSaved', { ticket: ticketLabel((r.ack.ticket as ViewTicket | undefined) ?? ticket) }));
    });
  }

  const events = history?.events;
  return (
    <Dialog label={t('detail.title', { ticket: ticketLabel(ticket) })} onClose={onClose} className="detail-dialog">
      <div className="dialog-head">
        <h2>
          {t('detail.title', { ticket: ticketLabel(ticket) })} · {vocab.category(ticket.category)}
        </h2>
        <button type="button" className="btn btn-quiet" onClick={onClose}>
          {t('detail.close')} <kbd aria-hidden="true">Esc</kbd>
        </button>
      </div>
      {local && <p className="alert alert-warn">{t('detail.localOnly')}</p>}
      <div className="detail-grid">
        <div className="detail-main">
          <p className="detail-desc">{ticket.description}</p>
          <dl className="facts">
            <dt>{t('detail.caller')}</dt>
            <dd>
              <PhoneText phone={ticket.phone} />
              {ticket.callerName ? ` · ${ticket.callerName}` : ''}
              {ticket.locality ? ` · ${ticket.locality}` : ''}
              {ticket.language ? ` · ${t(`languages.${ticket.language}`, { defaultValue: ticket.language })}` : ''}
            </dd>
            <dt>{t('detail.raisedBy')}</dt>
            <dd>
              {ticket.seat > 0 ? t('tickets.seat', { seat: ticket.seat }) : t('tickets.supervisor')}
              {ticket.createdBy ? ` · ${ticket.createdBy}` : ''}
            </dd>
            <dt>{t('detail.created')}</dt>
            <dd>{istWhen(ticket.createdAt, now)}</dd>
            <dt>{t('detail.updated')}</dt>
            <dd>{istWhen(ticket.updatedAt, now)}</dd>
          </dl>

          {!local && (
            <form
              className="detail-edit"
              aria-label={t('detail.edit')}
              onSubmit={(e) => {
                e.preventDefault();
                save();
              }}
            >
              <h3 className="sub-title">{t('detail.edit')}</h3>
              {dirty && ticket.version !== base.version && (
                <p className="alert alert-warn" role="alert">
                  {t('detail.changedMeanwhile')}
                </p>
              )}
              <div className="row-3">
                <Field label={t('field.status')}>
                  <select value={form.status} onChange={(e) => setForm({ ...form, status: e.target.value as TicketStatus })}>
                    {TICKET_STATUSES.map((s) => (
                      <option key={s} value={s} disabled={statusChangeError(base.status, s) !== null}>
                        {t(`status.${s}`)}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field label={t('field.priority')}>
                  <select value={form.priority} onChange={(e) => setForm({ ...form, priority: e.target.value as Priority })}>
                    {PRIORITIES.map((p) => (
                      <option key={p} value={p}>
                        {t(`priority.${p}`)}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field label={t('field.department')}>
                  <select value={form.department} onChange={(e) => setForm({ ...form, department: e.target.value })}>
                    <option value="">{t('department.none')}</option>
                    {vocab.departments(form.department).map((d) => (
                      <option key={d.id} value={d.id}>
                        {d.label}
                      </option>
                    ))}
                    {form.department && !vocab.departments(form.department).some((d) => d.id === form.department) && <option value={form.department}>{form.department}</option>}
                  </select>
                </Field>
              </div>
              <button type="submit" className="btn btn-primary" disabled={!dirty}>
                {t('detail.save')}
              </button>
            </form>
          )}

          <div className="detail-note">
            <Field label={t('detail.note')}>
              <textarea
                rows={2}
                value={note}
                placeholder={t('detail.notePlaceholder')}
                onChange={(e) => setNote(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                    e.preventDefault();
                    e.stopPropagation();
                    addNote();
                  }
                }}
              />
            </Field>
            <button type="button" className="btn" onClick={addNote} disabled={!note.trim()} aria-keyshortcuts="Control+Enter">
              {t('detail.addNote')}
            </button>
          </div>
        </div>

        <section className="timeline" aria-label={t('detail.timeline')}>
          <h3 className="sub-title">{t('detail.timeline')}</h3>
          {!events && !local && connected && !historyFailed && <p className="muted">{t('detail.loading')}</p>}
          {events ? (
            <ol className="timeline-list">
              {events.map((ev, i) => (
                <TimelineEvent key={`${ev.at}-${i}`} ev={ev} now={now} vocab={vocab} />
              ))}
              {ticket.notes
                .filter((n) => n.id.startsWith('local-note:'))
                .map((n) => (
                  <li key={n.id} className="tl-item is-unsynced">
                    <span className="tl-when">{istWhen(n.at, now)}</span> <span className="badge badge-unsynced">{t('tickets.notSynced')}</span>
                    <p className="tl-text">{n.text}</p>
                  </li>
                ))}
            </ol>
          ) : (
            <>
              {(local || !connected || historyFailed) && <p className="muted small">{t('detail.noHistory')}</p>}
              <ol className="timeline-list">
                {ticket.notes.map((n) => (
                  <li key={n.id} className="tl-item">
                    <span className="tl-when">{istWhen(n.at, now)}</span> <span className="tl-who">{n.seat > 0 ? t('tickets.seat', { seat: n.seat }) : t('tickets.supervisor')} · {n.author}</span>
                    <p className="tl-text">{n.text}</p>
                  </li>
                ))}
              </ol>
            </>
          )}
        </section>
      </div>
    </Dialog>
  );
}

function TimelineEvent({ ev, now, vocab }: { ev: TicketEvent; now: Date; vocab: Vocabulary }) {
  const { t } = useTranslation();
  const who = `${ev.seat > 0 ? t('tickets.seat', { seat: ev.seat }) : t('tickets.supervisor')} · ${ev.author}`;
  const value = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return t('detail.empty');
    const s = String(v);
    if (field === 'status') return t(`status.${s}`, { defaultValue: s });
    if (field === 'priority') return t(`priority.${s}`, { defaultValue: s });
    if (field === 'department') return vocab.department(s);
    if (field === 'category') return vocab.category(s);
    return s;
  };
  return (
    <li className={`tl-item tl-${ev.kind}`}>
      <span className="tl-when">{istWhen(ev.at, now)}</span> <span className="tl-who">{who}</span>{' '}
      <span className="tl-kind">{t(ev.kind === 'created' ? 'detail.createdEvent' : ev.kind === 'note' ? 'detail.noteEvent' : 'detail.updatedEvent')}</span>
      {ev.changes && (
        <ul className="tl-changes">
          {Object.entries(ev.changes).map(([field, c]) => (
            <li key={field}>{t('detail.change', { field: t(`field.${field}`, { defaultValue: field }), from: value(field, c.from), to: value(field, c.to) })}</li>
          ))}
        </ul>
      )}
      {ev.text && <p className="tl-text">{ev.text}</p>}
    </li>
  );
}
