/** The floor as a supervisor runs it: every seat with its timer, the figures, every ticket. */
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { FloorStats } from '../../../shared/protocol';
import { activeFirst, seatRows, seatRuns, stateCounts } from '../common/floor/seats';
import { TicketList } from '../common/tickets/TicketList';
import type { ClientView, HubClient } from '../hubLink/client';
import { PhoneText } from '../ui/PhoneText';
import { CallsLeftOpen } from './CallsLeftOpen';
import { FreeSeatButton } from './FreeSeatButton';
import type { TabProps } from './tabProps';
import { duration, formatIndian } from '../ui/format';
import { hubTimeOf, useVocabulary } from '../ui/hooks';
import { SEAT_ICON } from '../ui/seatIcon';

export function FloorView({
  client,
  view,
  tickets,
  now,
  hubNow,
  searchRef,
  onOpen,
}: TabProps & { searchRef: RefObject<HTMLInputElement | null> }) {
  return (
    <div className="sup-floor">
      <SeatsPanel client={client} view={view} hubNow={hubNow} />
      <FiguresPanel view={view} stats={view.stats} hubNow={hubNow} />
      <TicketList client={client} view={view} tickets={tickets} searchRef={searchRef} onOpen={onOpen} now={now} toggles={['open', 'urgent', 'overdue']} />
    </div>
  );
}

function SeatsPanel({ client, view, hubNow }: { client: HubClient; view: ClientView; hubNow: Date }) {
  const { t } = useTranslation();
  const rows = seatRows(view.hub, hubNow);
  const counts = stateCounts(rows);
  // Staffed seats first; the empty ones as one line of numbers, so a night shift of 8 needs no scrolling.
  const floor = activeFirst(rows);
  const drift = new Map((view.stats?.clockDrift ?? []).map((d) => [d.seat, d.ms]));
  return (
    <section className="panel sup-seats" aria-labelledby="sup-seats-title">
      <h2 id="sup-seats-title" className="panel-title">
        {t('wall.seats')}
      </h2>
      <p className="small muted sup-seat-summary">{t('wall.summary', { onCall: counts.on_call, ready: counts.ready, wrap: counts.wrap_up, brk: counts.break })}</p>
      <CallsLeftOpen client={client} view={view} hubNow={hubNow} />
      {/* The list scrolls on its own, and holds nothing focusable: tabIndex lets a keyboard reach and scroll it. */}
      <ul className="sup-seat-list" aria-label={t('wall.seats')} tabIndex={0}>
        {floor.active.map((r) => (
          <li key={r.seat} className={`sup-seat seat-${r.state}`}>
            <span className="sup-seat-num">{r.seat}</span>
            <span className="sup-seat-name">{r.name ?? '—'}</span>
            <span className={`sup-seat-state state-${r.state}`}>
              <span aria-hidden="true">{SEAT_ICON[r.state]}</span> {t(`seatState.${r.state}`)}
            </span>
            <span className="sup-seat-time">
              {r.state === 'on_call' && r.callMs !== undefined
                ? t('wall.callTime', { time: duration(r.callMs) })
                : r.state !== 'offline'
                  ? t('wall.inState', { time: duration(r.inStateMs) })
                  : ''}
            </span>
            {/* A seat someone holds can be freed for another person (its holder left without signing out). */}
            {r.user && <FreeSeatButton client={client} seat={r.seat} name={r.name ?? r.user} />}
            {drift.has(r.seat) && (
              <span className="badge badge-overdue sup-drift" title={t('sup.floor.driftHint')}>
                {t('sup.floor.drift', { minutes: Math.round(drift.get(r.seat)! / 60_000) })}
              </span>
            )}
          </li>
        ))}
        {floor.offline.length > 0 && (
          <li className="sup-seat-offline">
            <span className="sup-seat-state state-offline">
              <span aria-hidden="true">{SEAT_ICON.offline}</span> {t('sup.floor.offline', { n: formatIndian(floor.offline.length) })}
            </span>{' '}
            <span className="sup-seat-runs">{t('sup.floor.offlineSeats', { seats: seatRuns(floor.offline) })}</span>
          </li>
        )}
      </ul>
    </section>
  );
}

function FiguresPanel({ view, stats, hubNow }: { view: ClientView; stats: FloorStats | null; hubNow: Date }) {
  const { t } = useTranslation();
  const vocab = useVocabulary(view);
  if (!stats) {
    return (
      <section className="panel sup-figures" aria-label={t('wall.stats.region')} tabIndex={0}>
        <p className="muted">{t('wall.connecting')}</p>
      </section>
    );
  }
  const open = stats.openByStatus.open + stats.openByStatus.in_progress + stats.openByStatus.forwarded;
  const figures: { k: string; v: string; alert?: boolean }[] = [
    { k: 'wall.stats.lastHour', v: formatIndian(stats.lastHour) },
    { k: 'wall.stats.open', v: formatIndian(open) },
    { k: 'wall.stats.overdue', v: formatIndian(stats.overdue), alert: stats.overdue > 0 },
    { k: 'wall.stats.dropped', v: formatIndian(stats.droppedToday), alert: stats.droppedToday > 0 },
    { k: 'wall.stats.avgCall', v: stats.avgHandleSeconds === null ? '—' : duration(stats.avgHandleSeconds * 1000) },
    {
      k: 'wall.stats.longest',
      v: stats.longestCall ? `${duration(hubNow.getTime() - Date.parse(stats.longestCall.startedAt))} · ${t('wall.seat', { seat: stats.longestCall.seat })}` : '—',
    },
  ];
  return (
    // A region that scrolls on its own with nothing focusable in it: tabIndex lets a keyboard reach and scroll it.
    <section className="panel sup-figures" aria-label={t('wall.stats.region')} tabIndex={0}>
      <h2 className="panel-title">{t('wall.stats.region')}</h2>
      <dl className="sup-fig-grid">
        {figures.map((f) => (
          <div key={f.k} className={f.alert ? 'is-alert' : undefined}>
            <dt>{t(f.k)}</dt>
            <dd>{f.v}</dd>
          </div>
        ))}
      </dl>
      <h3 className="sub-title">{t('sup.floor.dropped')}</h3>
      {stats.recentDropped.length === 0 ? (
        <p className="muted small">{t('wall.droppedList.none')}</p>
      ) : (
        <ul className="mini-list" aria-label={t('sup.floor.dropped')}>
          {stats.recentDropped.map((d) => (
            <li key={d.callId} className="mini-call">
              {hubTimeOf(view).clockMinutes(d.at)} · {t('wall.seat', { seat: d.seat })} · {d.phone ? <PhoneText phone={d.phone} /> : t('sup.floor.noNumber')}
            </li>
          ))}
        </ul>
      )}
      <h3 className="sub-title">{t('wall.departments.title')}</h3>
      {stats.pendingByDepartment.length === 0 ? (
        <p className="muted small">{t('wall.departments.none')}</p>
      ) : (
        <ul className="mini-list">
          {stats.pendingByDepartment.map((d) => (
            <li key={d.department} className="mini-call">
              {vocab.department(d.department)}: <strong>{formatIndian(d.tickets)}</strong>
            </li>
          ))}
        </ul>
      )}
      <h3 className="sub-title">{t('wall.mix.title')}</h3>
      {stats.categoriesToday.length === 0 ? (
        <p className="muted small">{t('wall.mix.none')}</p>
      ) : (
        <ul className="mini-list">
          {stats.categoriesToday.map((c) => (
            <li key={c.category} className="mini-call">
              {vocab.category(c.category)}: <strong>{formatIndian(c.tickets)}</strong>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
