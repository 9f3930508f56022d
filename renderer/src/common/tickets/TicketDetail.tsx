import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { statusChangeError } from '../../../../shared/domain/ticketRules';
import { TEXT_LIMITS } from '../../../../shared/protocol/limits';
import { PRIORITIES, TICKET_STATUSES, type Priority, type TicketStatus } from '../../../../shared/protocol/vocabulary';
import type { TicketEvent } from '../../../../shared/protocol';
import type { ClientView, HubClient } from '../../hubLink/client';
import { isLocalTicketId, type ViewTicket } from '../../hubLink/view';
import { DEFAULT_CONFIG } from '../../../../shared/domain/defaultConfig';
import { applyTicketPatch } from '../../../../shared/domain/ticketPatch';
import { Announcements, useAnnouncements } from '../../ui/announcements';
import { PhoneText } from '../../ui/PhoneText';
import { Dialog } from '../../ui/Dialog';
import { DateTimeField } from '../../ui/DateTimeField';
import { Field } from '../../ui/Field';
import type { HubTime } from '../../ui/hubTime';
import { hubTimeOf, useVocabulary } from '../../ui/hooks';
import { choicesOf, Options } from '../../ui/Options';
import type { Vocabulary } from '../../ui/vocab';
import { followUpOf } from './followUp';
import { NoteField } from './NoteField';
import { beforeOf, editableOf, type Editable, patchOf } from './ticketForm';
import { ticketLabel } from './ticketLabel';

export function TicketDetail({
  client,
  view,
  ticket,
  onClose,
  now,
  announce,
  supervisor = false,
}: {
  client: HubClient;
  view: ClientView;
  ticket: ViewTicket;
  onClose: () => void;
  now: Date;
  announce: (msg: string) => void;
  /** Supervisors also assign a seat to follow the ticket up, and escalate it. */
  supervisor?: boolean;
}) {
  const { t } = useTranslation();
  const vocab = useVocabulary(view);
  const hubNow = new Date(now.getTime() + view.hub.clockOffsetMs);
  const time = hubTimeOf(view);
  const follow = followUpOf(ticket, hubNow);
  const local = isLocalTicketId(ticket.id);
  const connected = view.connection === 'connected';
  const [history, setHistory] = useState<{ version: number; events: TicketEvent[] } | null>(null);
  const [historyFailed, setHistoryFailed] = useState(false);
  // The ticket as it was when the operator began to change it: the version a save is based on.
  const [base, setBase] = useState<ViewTicket>(ticket);
  const [form, setForm] = useState<Editable>(() => editableOf(ticket, time));
  const [note, setNote] = useState('');
  const dirty = JSON.stringify(form) !== JSON.stringify(editableOf(base, time));
  const editFormId = useId();
  // What this window saves is said inside it while it is open (a modal window hides the page's
  // messages behind it), and on the page once it is closed.
  const { announcement, announce: sayHere } = useAnnouncements();
  const open = useRef(true);
  useEffect(() => {
    open.current = true;
    return () => {
      open.current = false;
    };
  }, []);
  const say = useCallback((msg: string) => (open.current ? sayHere(msg) : announce(msg)), [sayHere, announce]);

  // Live updates move the form along only while the operator has not touched it.
  // The hub's copy replaces the base once it is past what this window saved (or differs from it).
  const hubCopyDiffers = !ticket.unsynced && JSON.stringify(editableOf(ticket, time)) !== JSON.stringify(editableOf(base, time));
  useEffect(() => {
    if (!dirty && (ticket.version > base.version || (ticket.version === base.version && hubCopyDiffers))) {
      setBase(ticket);
      setForm(editableOf(ticket, time));
    }
  }, [ticket, base.version, dirty, hubCopyDiffers, time]);

  useEffect(() => {
    if (local || !connected) return;
    let live = true;
    void client.request('ticket:history', { id: ticket.id }).then((r) => {
      if (!live) return;
      if (r.ok) setHistory({ version: ticket.version, events: r.events });
      else setHistoryFailed(true);
    });
    return () => {
      live = false;
    };
  }, [client, ticket.id, ticket.version, local, connected]);

  function save() {
    const patch = patchOf(editableOf(base, time), form, time);
    if (Object.keys(patch).length === 0) return say(t('detail.nothingToSave'));
    const op = client.updateTicket(ticket.id, base.version, patch, beforeOf(base));
    if (!connected) say(t('detail.savedOffline'));
    void client.settled(op).then((r) => {
      if (r.ok) say(t('detail.saved'));
    });
    // The pending op shows the change at once. The hub makes it the next version, so a second
    // change made before the hub's copy arrives is based on that version, not on the old one.
    const next = { ...applyTicketPatch(base, patch, hubNow.toISOString(), view.config?.sla ?? DEFAULT_CONFIG.sla).next, version: base.version + 1 };
    setBase(next);
    setForm(editableOf(next, time));
  }

  const seatLabel = (seat: number) => {
    const name = view.hub.seats.get(seat)?.name;
    return name ? `${t('tickets.seat', { seat })} · ${name}` : t('tickets.seat', { seat });
  };
  const seatCount = Math.max(view.hub.seats.size, ticket.assignedSeat ?? 0);

  function addNote() {
    const text = note.trim();
    if (!text) return;
    const op = client.addNote(ticket.id, text);
    setNote('');
    void client.settled(op).then((r) => {
      if (r.ok) say(t('caller.noteSaved', { ticket: ticketLabel(r.ack.ticket) }));
    });
  }

  const events = history?.events;
  const check = (key: 'departmentAck' | 'callbackDone' | 'escalated', label: string) => (
    <label className="check">
      <input type="checkbox" checked={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.checked })} />
      {label}
    </label>
  );
  const departments = vocab.departments(form.department);
  return (
    <Dialog label={t('detail.title', { ticket: ticketLabel(ticket) })} onClose={onClose} className="detail-dialog">
      {/* Head and foot stay put; only the body between them scrolls, so the window's number, its
          close, Save and Add note are in reach on a 1366x768 screen whatever the ticket holds. */}
      <div className="dialog-head detail-head">
        <h2>
          {t('detail.title', { ticket: ticketLabel(ticket) })} · {vocab.category(ticket.category)}
          {ticket.escalated && <span className="badge badge-urgent detail-badge">▲ {t('followUp.escalated')}</span>}
          {follow.overdue && <span className="badge badge-overdue detail-badge">{t('tickets.overdue')}</span>}
        </h2>
        <button type="button" className="btn btn-quiet" onClick={onClose}>
          {t('detail.close')} <kbd aria-hidden="true">Esc</kbd>
        </button>
      </div>
      <div className="detail-body">
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
              <dd>{time.when(ticket.createdAt, now)}</dd>
              <dt>{t('detail.updated')}</dt>
              <dd>{time.when(ticket.updatedAt, now)}</dd>
              {ticket.dueAt && (
                <>
                  <dt>{t('followUp.dueBy')}</dt>
                  <dd className={follow.overdue ? 'fact-late' : undefined}>
                    {time.when(ticket.dueAt, now)}
                    {follow.overdue ? ` · ${t('tickets.overdue')}` : ''}
                  </dd>
                </>
              )}
              {ticket.department && (
                <>
                  <dt>{t('field.department')}</dt>
                  <dd className={follow.awaitingAck ? 'fact-late' : undefined}>
                    {vocab.department(ticket.department)}
                    {ticket.forwardedAt ? ` · ${t('followUp.forwardedAt', { time: time.when(ticket.forwardedAt, now) })}` : ''}
                    {' · '}
                    {ticket.departmentAckAt ? t('followUp.ackedAt', { time: time.when(ticket.departmentAckAt, now) }) : t('followUp.notAcked')}
                    {ticket.departmentRef ? ` · ${t('followUp.ref', { ref: ticket.departmentRef })}` : ''}
                  </dd>
                </>
              )}
              {ticket.assignedSeat && (
                <>
                  <dt>{t('followUp.assignedTo')}</dt>
                  <dd>{seatLabel(ticket.assignedSeat)}</dd>
                </>
              )}
              {(ticket.callbackDueAt || ticket.callbackDoneAt) && (
                <>
                  <dt>{t('followUp.callback')}</dt>
                  <dd className={follow.callback === 'late' ? 'fact-late' : undefined}>
                    {ticket.callbackDueAt ? t('followUp.callbackBy', { time: time.when(ticket.callbackDueAt, now) }) : ''}
                    {ticket.callbackDoneAt ? ` · ${t('followUp.calledBackAt', { time: time.when(ticket.callbackDoneAt, now) })}` : follow.callback === 'late' ? ` · ${t('followUp.late')}` : ''}
                  </dd>
                </>
              )}
            </dl>

            {!local && (
              <form
                id={editFormId}
                className="detail-edit"
                aria-label={t('detail.edit')}
                onSubmit={(e) => {
                  e.preventDefault();
                  save();
                }}
              >
                <h3 className="sub-title">{t('detail.edit')}</h3>
                {dirty && ticket.version > base.version && (
                  <p className="alert alert-warn" role="alert">
                    {t('detail.changedMeanwhile')}
                  </p>
                )}
                <div className="row-3">
                  <Field label={t('field.status')}>
                    <select value={form.status} onChange={(e) => setForm({ ...form, status: e.target.value as TicketStatus })}>
                      <Options choices={TICKET_STATUSES.map((s) => ({ id: s, label: t(`status.${s}`), disabled: statusChangeError(base.status, s) !== null }))} />
                    </select>
                  </Field>
                  <Field label={t('field.priority')}>
                    <select value={form.priority} onChange={(e) => setForm({ ...form, priority: e.target.value as Priority })}>
                      <Options choices={choicesOf(PRIORITIES, (p) => t(`priority.${p}`))} />
                    </select>
                  </Field>
                  <Field label={t('field.department')}>
                    <select value={form.department} onChange={(e) => setForm({ ...form, department: e.target.value })}>
                      <Options none={t('department.none')} choices={departments} />
                      {form.department && !departments.some((d) => d.id === form.department) && <option value={form.department}>{form.department}</option>}
                    </select>
                  </Field>
                </div>
                <fieldset className="follow-edit">
                  <legend>{t('followUp.heading')}</legend>
                  {form.department && (
                    <div className="row-2">
                      {check('departmentAck', t('followUp.ackLabel'))}
                      <Field label={t('followUp.refLabel')} limit={TEXT_LIMITS.departmentRef}>
                        <input value={form.departmentRef} autoComplete="off" onChange={(e) => setForm({ ...form, departmentRef: e.target.value })} />
                      </Field>
                    </div>
                  )}
                  <div className="row-2">
                    <DateTimeField
                      label={t('followUp.callbackLabel', { zone: time.zoneName(hubNow) })}
                      value={form.callbackDue}
                      onChange={(callbackDue) => setForm({ ...form, callbackDue })}
                      // An hour from now, on the quarter hour: the usual promise to call back.
                      suggest={() => time.inputValue(new Date(Math.ceil((hubNow.getTime() + 3_600_000) / 900_000) * 900_000))}
                      minDay={time.day(hubNow)}
                    />
                    {check('callbackDone', t('followUp.calledBackLabel'))}
                  </div>
                  {supervisor && (
                    <div className="row-2">
                      <Field label={t('followUp.assignLabel')}>
                        <select value={form.assignedSeat} onChange={(e) => setForm({ ...form, assignedSeat: e.target.value })}>
                          <Options none={t('followUp.nobody')} choices={Array.from({ length: seatCount }, (_, i) => ({ id: String(i + 1), label: seatLabel(i + 1) }))} />
                        </select>
                      </Field>
                      {check('escalated', t('followUp.escalateLabel'))}
                    </div>
                  )}
                </fieldset>
              </form>
            )}
          </div>

          <section className="timeline" aria-label={t('detail.timeline')}>
            <h3 className="sub-title">{t('detail.timeline')}</h3>
            {!events && !local && connected && !historyFailed && <p className="muted">{t('detail.loading')}</p>}
            {events && events.length === 0 && ticket.notes.length === 0 && <p className="muted small">{t('detail.nothingYet')}</p>}
            {events ? (
              <ol className="timeline-list">
                {events.map((ev, i) => (
                  <TimelineEvent key={`${ev.at}-${i}`} ev={ev} now={now} time={time} vocab={vocab} />
                ))}
                {ticket.notes
                  .filter((n) => n.id.startsWith('local-note:'))
                  .map((n) => (
                    <li key={n.id} className="tl-item is-unsynced">
                      <span className="tl-when">{time.when(n.at, now)}</span> <span className="badge badge-unsynced">{t('tickets.notSynced')}</span>
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
                      <span className="tl-when">{time.when(n.at, now)}</span> <span className="tl-who">{n.seat > 0 ? t('tickets.seat', { seat: n.seat }) : t('tickets.supervisor')} · {n.author}</span>
                      <p className="tl-text">{n.text}</p>
                    </li>
                  ))}
                </ol>
              </>
            )}
          </section>
        </div>
      </div>
      <div className="detail-foot">
        <div className="detail-note">
          <NoteField label={t('detail.note')} value={note} placeholder={t('detail.notePlaceholder')} onChange={setNote} onSubmit={addNote} />
          <button type="button" className="btn" onClick={addNote} disabled={!note.trim()} aria-keyshortcuts="Control+Enter">
            {t('detail.addNote')}
          </button>
        </div>
        <div className="detail-actions">
          {/* Said here, inside the window: a message under the page would sit behind it. */}
          <Announcements announcement={announcement} />
          {!local && (
            <button type="submit" form={editFormId} className="btn btn-primary" disabled={!dirty}>
              {t('detail.save')}
            </button>
          )}
        </div>
      </div>
    </Dialog>
  );
}

function TimelineEvent({ ev, now, time, vocab }: { ev: TicketEvent; now: Date; time: HubTime; vocab: Vocabulary }) {
  const { t } = useTranslation();
  const who = `${ev.seat > 0 ? t('tickets.seat', { seat: ev.seat }) : t('tickets.supervisor')} · ${ev.author}`;
  const value = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return t('detail.empty');
    const s = String(v);
    if (field === 'status') return t(`status.${s}`, { defaultValue: s });
    if (field === 'priority') return t(`priority.${s}`, { defaultValue: s });
    if (field === 'department') return vocab.department(s);
    if (field === 'category') return vocab.category(s);
    if (field === 'assignedSeat') return t('tickets.seat', { seat: s });
    if (typeof v === 'boolean') return v ? t('followUp.yes') : t('followUp.no');
    if (/At$/.test(field) && !Number.isNaN(Date.parse(s))) return time.when(s, now);
    return s;
  };
  return (
    <li className={`tl-item tl-${ev.kind}`}>
      <span className="tl-when">{time.when(ev.at, now)}</span> <span className="tl-who">{who}</span>{' '}
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
