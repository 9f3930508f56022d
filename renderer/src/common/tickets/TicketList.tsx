import { useVirtualizer } from '@tanstack/react-virtual';
import { type RefObject, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEXT_LIMITS } from '../../../../shared/protocol/limits';
import { TICKET_STATUSES, type TicketStatus } from '../../../../shared/protocol/vocabulary';
import type { ClientView, HubClient } from '../../hubLink/client';
import type { ViewTicket } from '../../hubLink/view';
import { PhoneText } from '../../ui/PhoneText';
import { formatIndian } from '../../ui/format';
import type { HubTime } from '../../ui/hubTime';
import { hubTimeOf, useVocabulary } from '../../ui/hooks';
import { choicesOf, Options } from '../../ui/Options';
import type { Vocabulary } from '../../ui/vocab';
import { followUpOf } from './followUp';
import { ticketLabel } from './ticketLabel';
import { filterTickets, hubSearchFor, NO_FILTERS, type TicketFilters } from './ticketFilter';

/** Three lines a row: number and state, the description, then what the ticket is filed under. */
const ROW_HEIGHT = 88;
const HUB_SEARCH_DEBOUNCE_MS = 450;

/**
 * Every ticket this screen knows, newest first, virtualised: only the rows in view are in the
 * DOM, so a lakh of tickets scrolls as smoothly as ten.
 */
export function TicketList({
  client,
  view,
  tickets,
  searchRef,
  onOpen,
  now,
  toggles = ['mine', 'open', 'urgent', 'overdue'],
}: {
  client: HubClient;
  view: ClientView;
  tickets: readonly ViewTicket[];
  searchRef: RefObject<HTMLInputElement | null>;
  onOpen: (id: string) => void;
  now: Date;
  /** The quick filters this console offers (a supervisor has no "mine"). */
  toggles?: readonly ('mine' | 'open' | 'urgent' | 'overdue')[];
}) {
  const { t } = useTranslation();
  const vocab = useVocabulary(view);
  const hubNow = new Date(now.getTime() + view.hub.clockOffsetMs);
  const time = hubTimeOf(view);
  const [filters, setFilters] = useState<TicketFilters>(NO_FILTERS);
  const [hub, setHub] = useState<{ state: 'idle' | 'searching' | 'done' | 'error'; count?: number; error?: string }>({ state: 'idle' });
  const [active, setActive] = useState(0);
  const scrollRef = useRef<HTMLDivElement>(null);
  // The overdue filter reads the clock; a few seconds' resolution is plenty for it.
  const tick = Math.floor(hubNow.getTime() / 5_000);
  const shown = useMemo(() => filterTickets(tickets, filters, view.seat, new Date(tick * 5_000)), [tickets, filters, view.seat, tick]);
  const set = <K extends keyof TicketFilters>(k: K, v: TicketFilters[K]) => setFilters((f) => ({ ...f, [k]: v }));
  const connected = view.connection === 'connected';

  // Local results show at once; the hub is asked too, for tickets older than this screen holds.
  const hubReqs = useMemo(() => hubSearchFor(filters, view.seat), [filters, view.seat]);
  useEffect(() => {
    if (!hubReqs.length || !connected) {
      setHub({ state: 'idle' });
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      setHub({ state: 'searching' });
      void Promise.all(hubReqs.map((req) => client.request('tickets:search', req))).then((results) => {
        if (!live) return;
        const failed = results.find((r) => !r.ok);
        if (failed && !failed.ok) return setHub({ state: 'error', error: failed.error.code });
        const ids = new Set(results.flatMap((r) => (r.ok ? r.items.map((x) => x.id) : [])));
        setHub({ state: 'done', count: ids.size });
      });
    }, HUB_SEARCH_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [hubReqs, connected, client]);

  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (i) => shown[i]?.id ?? i,
  });

  const activeIndex = Math.min(active, Math.max(0, shown.length - 1));

  function moveTo(i: number) {
    const next = Math.max(0, Math.min(shown.length - 1, i));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    const row = () => scrollRef.current?.querySelector<HTMLElement>(`[data-row="${next}"]`);
    // A row already on screen takes the focus at once; one scrolled to exists only after the virtualiser renders it.
    const now = row();
    if (now) now.focus();
    else requestAnimationFrame(() => row()?.focus());
  }

  return (
    <section tabIndex={-1} className="panel tickets-panel" aria-label={t('tickets.region')}>
      <div className="tickets-toolbar">
        <input
          ref={searchRef}
          type="search"
          className="search"
          maxLength={TEXT_LIMITS.searchText}
          aria-label={t('tickets.search')}
          placeholder={t('tickets.searchHint')}
          value={filters.query}
          onChange={(e) => set('query', e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              moveTo(0);
            }
          }}
        />
        <div className="toggles" role="group" aria-label={t('tickets.filters')}>
          {toggles.map((k) => (
            <button key={k} type="button" className="toggle" aria-pressed={filters[k]} onClick={() => set(k, !filters[k])}>
              {t(`tickets.${k}`)}
            </button>
          ))}
        </div>
        <select aria-label={t('tickets.filterCategory')} value={filters.category} onChange={(e) => set('category', e.target.value)}>
          <Options none={t('tickets.anyCategory')} choices={vocab.categories(filters.category)} />
        </select>
        <select aria-label={t('tickets.filterStatus')} value={filters.status} onChange={(e) => set('status', e.target.value as TicketStatus | '')}>
          <Options none={t('tickets.anyStatus')} choices={choicesOf(TICKET_STATUSES, (s) => t(`status.${s}`))} />
        </select>
        <select aria-label={t('tickets.filterDepartment')} value={filters.department} onChange={(e) => set('department', e.target.value)}>
          <Options none={t('tickets.anyDepartment')} choices={vocab.departments(filters.department)} />
        </select>
      </div>
      <p className="tickets-count" aria-live="polite">
        {t('tickets.shown', { count: shown.length, n: formatIndian(shown.length) })}
        {hub.state === 'searching' && <span className="muted"> · {t('tickets.searching')}</span>}
        {hub.state === 'done' && <span className="muted"> · {t('tickets.foundOnHub', { count: hub.count ?? 0 })}</span>}
        {hub.state === 'error' && hub.error && <span className="hint-warn"> · {t(`errors.${hub.error}`, { defaultValue: hub.error })}</span>}
      </p>
      <div ref={scrollRef} className="tickets-scroll">
        {shown.length === 0 ? (
          <p className="muted empty">{t('tickets.empty')}</p>
        ) : (
          <div role="list" aria-label={t('tickets.list')} className="tickets-inner" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((row) => {
              const ticket = shown[row.index]!;
              return (
                <div
                  key={row.key}
                  role="listitem"
                  aria-setsize={shown.length}
                  aria-posinset={row.index + 1}
                  className="ticket-slot"
                  style={{ height: row.size, transform: `translateY(${row.start}px)` }}
                >
                  <TicketRow
                    ticket={ticket}
                    vocab={vocab}
                    index={row.index}
                    mark={view.marks.get(ticket.id)}
                    focusable={row.index === activeIndex}
                    now={now}
                    hubNow={hubNow}
                    time={time}
                    onOpen={() => {
                      setActive(row.index);
                      onOpen(ticket.id);
                    }}
                    onKey={(key) => {
                      if (key === 'ArrowDown') moveTo(row.index + 1);
                      else if (key === 'ArrowUp') {
                        if (row.index === 0) searchRef.current?.focus();
                        else moveTo(row.index - 1);
                      }
                      else if (key === 'Home') moveTo(0);
                      else if (key === 'End') moveTo(shown.length - 1);
                      else if (key === 'PageDown') moveTo(row.index + 8);
                      else if (key === 'PageUp') moveTo(row.index - 8);
                    }}
                  />
                </div>
              );
            })}
          </div>
        )}
      </div>
    </section>
  );
}

function TicketRow({
  ticket,
  vocab,
  index,
  mark,
  focusable,
  now,
  hubNow,
  time,
  onOpen,
  onKey,
}: {
  ticket: ViewTicket;
  vocab: Vocabulary;
  index: number;
  mark: 'new' | 'changed' | undefined;
  focusable: boolean;
  now: Date;
  hubNow: Date;
  time: HubTime;
  onOpen: () => void;
  onKey: (key: string) => void;
}) {
  const { t } = useTranslation();
  const follow = followUpOf(ticket, hubNow);
  return (
    <button
      type="button"
      data-row={index}
      tabIndex={focusable ? 0 : -1}
      className={`ticket-row ${ticket.priority === 'urgent' ? 'is-urgent' : ''} ${mark ? `is-${mark}` : ''} ${ticket.unsynced ? 'is-unsynced' : ''}`}
      onClick={onOpen}
      onKeyDown={(e) => {
        if (['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp'].includes(e.key)) {
          e.preventDefault();
          onKey(e.key);
        }
      }}
    >
      <span className="tr-line1">
        <span className="tr-num">{ticketLabel(ticket)}</span>
        <PhoneText phone={ticket.phone} />
        <span className={`status status-${ticket.status}`}>{t(`status.${ticket.status}`)}</span>
        {ticket.priority === 'urgent' && <span className="badge badge-urgent">! {t('priority.urgent')}</span>}
        {mark === 'new' && <span className="badge badge-new">{t('tickets.new')}</span>}
        {mark === 'changed' && <span className="badge badge-changed">{t('tickets.changed')}</span>}
        {ticket.unsynced && <span className="badge badge-unsynced">{t('tickets.notSynced')}</span>}
        {ticket.escalated && <span className="badge badge-urgent">▲ {t('followUp.escalated')}</span>}
        {follow.overdue && <span className="badge badge-overdue">{t('tickets.overdue')}</span>}
        <span className="tr-when">{time.when(ticket.createdAt, now)}</span>
      </span>
      {/* A line of its own, so tags can never squeeze the caller's words to "N…". */}
      <span className="tr-desc">{ticket.description}</span>
      <span className="tr-line3">
        <span className="tr-cat">{vocab.category(ticket.category)}</span>
        {ticket.department && (
          <span className={`tr-follow ${follow.awaitingAck ? 'is-late' : ''}`}>
            {vocab.department(ticket.department)}
            {ticket.departmentAckAt ? (
              <>
                {' '}
                <span aria-hidden="true">✓</span>
                <span className="sr-only">{t('followUp.acked')}</span>
              </>
            ) : follow.awaitingAck ? (
              <>
                {' '}
                <span aria-hidden="true">…</span>
                <span className="sr-only">{t('followUp.notAckedShort')}</span>
              </>
            ) : null}
          </span>
        )}
        {follow.callback !== 'none' && (
          <span className={`tr-follow ${follow.callback === 'late' ? 'is-late' : ''}`}>
            {follow.callback === 'done' ? `✓ ${t('followUp.calledBack')}` : `${t('followUp.callbackShort', { time: time.when(ticket.callbackDueAt!, now) })}`}
          </span>
        )}
        {ticket.assignedSeat && <span className="tr-follow">→ {t('tickets.seat', { seat: ticket.assignedSeat })}</span>}
        <span className="tr-seat">{ticket.seat > 0 ? t('tickets.seat', { seat: ticket.seat }) : t('tickets.supervisor')}</span>
      </span>
    </button>
  );
}
