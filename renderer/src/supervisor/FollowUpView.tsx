/**
 * Following tickets to the end: those past their service-level target (the hub is asked too,
 * for ones older than this screen holds), callbacks to citizens still to make, forwarded
 * complaints no department has acknowledged, escalations, and dropped calls to call back.
 */
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isActive } from '../../../shared/domain/ticketRules';
import { awaitingAcknowledgement, callbacksDue, followUpOf } from '../common/tickets/followUp';
import { ticketLabel } from '../common/tickets/ticketLabel';
import type { ViewTicket } from '../hubLink/view';
import { PhoneText } from '../ui/PhoneText';
import type { TabProps } from './tabProps';
import { formatIndian } from '../ui/format';
import type { HubTime } from '../ui/hubTime';
import { hubTimeOf, useVocabulary } from '../ui/hooks';
import type { Vocabulary } from '../ui/vocab';

const BREACH_REFRESH_MS = 30_000;

export function FollowUpView({
  client,
  view,
  tickets,
  now,
  hubNow,
  onOpen,
}: TabProps) {
  const { t } = useTranslation();
  const vocab = useVocabulary(view);
  const time = hubTimeOf(view);
  const connected = view.connection === 'connected';
  const overdueCount = view.stats?.overdue;
  const [search, setSearch] = useState<{ state: 'idle' | 'searching' | 'done' | 'error'; more?: boolean }>({ state: 'idle' });

  // The hub holds breaches older than this screen's tickets: ask it whenever its count moves.
  useEffect(() => {
    if (!connected) return;
    let live = true;
    const ask = () => {
      setSearch((s) => ({ ...s, state: s.state === 'done' ? 'done' : 'searching' }));
      void client.request('tickets:search', { overdue: true, limit: 500 }).then((r) => {
        if (!live) return;
        setSearch(r.ok ? { state: 'done', more: r.next !== undefined } : { state: 'error' });
      });
    };
    ask();
    const id = setInterval(ask, BREACH_REFRESH_MS);
    return () => {
      live = false;
      clearInterval(id);
    };
  }, [client, connected, overdueCount]);

  // Every list reads this screen's live tickets, so a change made anywhere shows at once.
  const tick = Math.floor(hubNow.getTime() / 5_000);
  const lists = useMemo(() => {
    const at = new Date(tick * 5_000);
    const breaches = tickets.filter((x) => followUpOf(x, at).overdue).sort((a, b) => Date.parse(a.dueAt!) - Date.parse(b.dueAt!));
    return {
      breaches,
      // A resolved complaint still owes the citizen the call that tells them so.
      callbacks: callbacksDue(tickets),
      awaiting: awaitingAcknowledgement(tickets),
      escalated: tickets.filter((x) => x.escalated && isActive(x.status)),
    };
  }, [tickets, tick]);

  const table = (list: readonly ViewTicket[], name: string, column: 'due' | 'callback' | 'forwarded') => (
    <TicketTable tickets={list} vocab={vocab} time={time} now={now} hubNow={hubNow} onOpen={onOpen} label={t(name)} column={column} />
  );
  return (
    <div className="sup-follow">
      <FollowPanel id="follow-breaches" title={t('sup.follow.breaches')} count={lists.breaches.length} className="follow-breaches">
        <p className="small muted">
          {search.state === 'searching' ? t('tickets.searching') : search.state === 'error' ? t('errors.unknown') : t('sup.follow.breachesHint')}
          {search.more ? ` ${t('sup.follow.more')}` : ''}
        </p>
        {table(lists.breaches, 'sup.follow.breaches', 'due')}
      </FollowPanel>
      <FollowPanel id="follow-callbacks" title={t('sup.follow.callbacks')} count={lists.callbacks.length}>
        {table(lists.callbacks, 'sup.follow.callbacks', 'callback')}
      </FollowPanel>
      <FollowPanel id="follow-awaiting" title={t('sup.follow.awaiting')} count={lists.awaiting.length}>
        {table(lists.awaiting, 'sup.follow.awaiting', 'forwarded')}
      </FollowPanel>
      <FollowPanel id="follow-escalated" title={t('sup.follow.escalated')} count={lists.escalated.length}>
        {table(lists.escalated, 'sup.follow.escalated', 'due')}
        <h2 className="panel-title follow-dropped-title">{t('sup.floor.dropped')}</h2>
        {(view.stats?.recentDropped.length ?? 0) === 0 ? (
          <p className="muted small">{t('wall.droppedList.none')}</p>
        ) : (
          <ul className="mini-list" aria-label={t('sup.floor.dropped')}>
            {view.stats!.recentDropped.map((d) => (
              <li key={d.callId} className="mini-call">
                {time.clockMinutes(d.at)} · {t('wall.seat', { seat: d.seat })} · {d.phone ? <PhoneText phone={d.phone} /> : t('sup.floor.noNumber')}
              </li>
            ))}
          </ul>
        )}
      </FollowPanel>
    </div>
  );
}

/** One list of the follow-up: a titled panel with how many it holds. */
function FollowPanel({ id, title, count, className, children }: { id: string; title: string; count: number; className?: string; children: ReactNode }) {
  return (
    <section className={`panel follow-panel ${className ?? ''}`} aria-labelledby={id}>
      <h2 id={id} className="panel-title">
        {title} <span className="count">{formatIndian(count)}</span>
      </h2>
      {children}
    </section>
  );
}

function TicketTable({
  tickets,
  vocab,
  time,
  now,
  hubNow,
  onOpen,
  label,
  column,
}: {
  tickets: readonly ViewTicket[];
  vocab: Vocabulary;
  time: HubTime;
  now: Date;
  hubNow?: Date;
  onOpen: (id: string) => void;
  label: string;
  column: 'due' | 'callback' | 'forwarded';
}) {
  const { t } = useTranslation();
  if (tickets.length === 0) return <p className="muted">{t('sup.follow.none')}</p>;
  const shown = tickets.slice(0, 200);
  return (
    <div className="follow-scroll">
      <table className="follow-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">{t('sup.follow.ticket')}</th>
            <th scope="col">{t('field.category')}</th>
            <th scope="col">{t('field.status')}</th>
            <th scope="col">{column === 'due' ? t('followUp.dueBy') : column === 'callback' ? t('followUp.callback') : t('sup.follow.forwardedTo')}</th>
            <th scope="col">{t('followUp.assignedTo')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((x) => {
            const late = column === 'callback' && hubNow && Date.parse(x.callbackDueAt!) < hubNow.getTime();
            return (
              <tr key={x.id} className={x.priority === 'urgent' ? 'is-urgent' : undefined}>
                <td>
                  <button type="button" className="link-button" onClick={() => onOpen(x.id)}>
                    {ticketLabel(x)}
                  </button>
                  {x.priority === 'urgent' && <span className="badge badge-urgent">! {t('priority.urgent')}</span>}
                  {x.escalated && <span className="badge badge-urgent">▲</span>}
                </td>
                <td>{vocab.category(x.category)}</td>
                <td>
                  <span className={`status status-${x.status}`}>{t(`status.${x.status}`)}</span>
                </td>
                <td className={late ? 'fact-late' : undefined}>
                  {column === 'due' && x.dueAt ? time.when(x.dueAt, now) : null}
                  {column === 'callback' && x.callbackDueAt ? `${time.when(x.callbackDueAt, now)}${late ? ` · ${t('followUp.late')}` : ''}` : null}
                  {column === 'forwarded' && x.department ? `${vocab.department(x.department)} · ${time.when(x.forwardedAt ?? x.updatedAt, now)}` : null}
                </td>
                <td>{x.assignedSeat ? t('tickets.seat', { seat: x.assignedSeat }) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {tickets.length > shown.length && <p className="small muted">{t('sup.follow.moreShown', { count: tickets.length - shown.length })}</p>}
    </div>
  );
}
