/**
 * The wall display: read from across the room, touched by nobody. It connects with the wall
 * key from its address, reconnects by itself, and never shows a phone number. Every figure
 * comes from the hub's `stats` (the wall never needs every ticket); seat states and timers come
 * from the seat changes, timed by the hub's clock.
 */
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FloorStats } from '../../../shared/protocol';
import { createBrowserClient } from '../hubLink/browser';
import type { ClientView } from '../hubLink/client';
import { callsToday } from '../hubLink/hubMirror';
import { browserStore } from '../hubLink/storage';
import { Bi, useOtherLanguage } from '../ui/Bi';
import { BroadcastBanner } from '../ui/BroadcastBanner';
import { HubClock } from '../ui/HubClock';
import type { HubTime } from '../ui/hubTime';
import { duration, formatIndian } from '../ui/format';
import { hubNow as toHubNow, hubTimeOf, useClientView, useNow } from '../ui/hooks';
import { vocabulary } from '../ui/vocab';
import { SEAT_ICON } from '../ui/seatIcon';
import { type SeatRow, seatRows, stateCounts } from '../common/floor/seats';
import { showDisconnectBanner, statsStale } from './model';
import { CategoryMix, DepartmentsPending, DroppedCalls, HourlyChart, OpenTickets } from './panels';

const WALL_KEY = 'hcr.wall.key';

function wallKey(): string | null {
  const fromUrl = new URLSearchParams(window.location.search).get('key');
  const store = browserStore();
  if (fromUrl) {
    store.setItem(WALL_KEY, fromUrl);
    return fromUrl;
  }
  return store.getItem(WALL_KEY);
}

export function WallApp() {
  const { t } = useTranslation();
  const key = useMemo(wallKey, []);
  if (!key) {
    return (
      <main className="wall wall-message">
        <p>{t('wall.noKey')}</p>
      </main>
    );
  }
  return <Wall wallKey={key} />;
}

function Wall({ wallKey }: { wallKey: string }) {
  const { t } = useTranslation();
  const client = useMemo(() => createBrowserClient({ key: wallKey }, { readOnly: true }), [wallKey]);
  useEffect(() => {
    client.start();
    return () => client.stop();
  }, [client]);
  const view = useClientView(client);
  const now = useNow(1000);
  const hubNow = toHubNow(now, view);
  const time = hubTimeOf(view);
  const zone = time.zoneName(hubNow);
  const rows = seatRows(view.hub, hubNow);
  const counts = stateCounts(rows);
  const connected = view.connection === 'connected';
  const lost = view.connection !== 'refused' && showDisconnectBanner(connected, view.disconnectedSince, now.getTime());
  const stuck = connected && statsStale(view.stats, hubNow);
  // Figures that may be out of date are dimmed, and the banner says since when.
  const stale = lost || stuck || !view.ready;

  return (
    <main className={`wall ${stale ? 'is-stale' : ''}`}>
      <header className="wall-head">
        <h1 className="wall-title">
          <Bi k="app.wallTitle" />
        </h1>
        <BigFigure k="top.totalCalls" value={view.ready ? formatIndian(view.hub.counter.total) : '…'} />
        <BigFigure k="top.callsToday" value={view.ready ? formatIndian(callsToday(view.hub, hubNow)) : '…'} />
        <BigFigure k="wall.stats.lastHour" value={view.stats ? formatIndian(view.stats.lastHour) : '…'} />
        <HubClock now={hubNow} time={time} className="wall-clock" />
      </header>
      {view.connection === 'refused' && (
        <p className="wall-banner" role="alert">
          {t('wall.refused')}
        </p>
      )}
      {lost && (
        <p className="wall-banner" role="alert">
          {view.ready ? t('wall.disconnected', { time: time.clock(view.disconnectedSince!), zone }) : t('wall.connecting')}
        </p>
      )}
      {stuck && view.stats && (
        <p className="wall-banner" role="alert">
          {t('wall.figuresStuck', { time: time.clock(view.stats.at), zone })}
        </p>
      )}
      <BroadcastBanner broadcast={view.config?.broadcast} time={time} dismissable={false} className="wall-broadcast" />
      <div className="wall-main">
        <section className="wall-floor" aria-labelledby="wall-seats-title">
          <div className="wall-floor-head">
            <h2 id="wall-seats-title" className="wall-h2">
              <Bi k="wall.floor" />
            </h2>
            <ul className="state-summary" aria-label={t('wall.stateSummary')}>
              {(['on_call', 'ready', 'wrap_up', 'break', 'offline'] as const).map((s) => (
                <li key={s} className={`sum-${s}`}>
                  <span className="seat-icon" aria-hidden="true">
                    {SEAT_ICON[s]}
                  </span>{' '}
                  <strong>{counts[s]}</strong> <Bi k={`seatState.${s}`} />
                </li>
              ))}
            </ul>
          </div>
          <ul className="seat-grid" aria-label={t('wall.seats')} style={{ gridTemplateRows: `repeat(${Math.max(1, Math.ceil(rows.length / 8))}, minmax(0, 1fr))` }}>
            {rows.map((r) => (
              <SeatCard key={r.seat} row={r} />
            ))}
          </ul>
        </section>
        <Figures view={view} stats={view.stats} hubNow={hubNow} time={time} />
      </div>
    </main>
  );
}

/** A figure read from across the room; its accessible name is the label alone (contract names). */
function BigFigure({ k, value }: { k: string; value: string }) {
  const { t } = useTranslation();
  return (
    <div className="big-figure">
      <span className="big-label" aria-hidden="true">
        <Bi k={k} />
      </span>
      <output className="big-value" aria-label={t(k)}>
        {value}
      </output>
    </div>
  );
}

function Tile({ k, value, alert, sub }: { k: string; value: string; alert?: boolean; sub?: string }) {
  const { t } = useTranslation();
  return (
    <div className={`tile ${alert ? 'tile-alert' : ''}`}>
      <span className="tile-label" aria-hidden="true">
        <Bi k={k} />
      </span>
      <output className="tile-value" aria-label={t(k)}>
        {value}
      </output>
      {sub && <span className="tile-sub">{sub}</span>}
    </div>
  );
}

function Figures({ view, stats, hubNow, time }: { view: ClientView; stats: FloorStats | null; hubNow: Date; time: HubTime }) {
  const { t } = useTranslation();
  const { lang, other } = useOtherLanguage();
  const vocab = useMemo(() => vocabulary(view.config, lang, t), [view.config, lang, t]);
  const vocabOther = useMemo(() => vocabulary(view.config, other, t), [view.config, other, t]);
  if (!stats) {
    return (
      <section className="wall-figures" aria-label={t('wall.stats.region')}>
        <p className="wall-wait">{t('wall.connecting')}</p>
      </section>
    );
  }
  const open = stats.openByStatus.open + stats.openByStatus.in_progress + stats.openByStatus.forwarded;
  const longest = stats.longestCall;
  return (
    <section className="wall-figures" aria-label={t('wall.stats.region')}>
      <div className="tiles">
        <Tile k="wall.stats.open" value={formatIndian(open)} />
        <Tile k="wall.stats.overdue" value={formatIndian(stats.overdue)} alert={stats.overdue > 0} />
        <Tile k="wall.stats.dropped" value={formatIndian(stats.droppedToday)} alert={stats.droppedToday > 0} />
        <Tile k="wall.stats.avgCall" value={stats.avgHandleSeconds === null ? '—' : duration(stats.avgHandleSeconds * 1000)} />
        <Tile
          k="wall.stats.longest"
          value={longest ? duration(hubNow.getTime() - Date.parse(longest.startedAt)) : '—'}
          sub={longest ? t('wall.seat', { seat: longest.seat }) : undefined}
        />
        <Tile k="wall.stats.ticketsToday" value={formatIndian(stats.categoriesToday.reduce((n, c) => n + c.tickets, 0))} />
      </div>
      <HourlyChart stats={stats} time={time} />
      <CategoryMix stats={stats} vocab={vocab} vocabOther={vocabOther} />
      <div className="wall-trio">
        <OpenTickets stats={stats} />
        <DepartmentsPending stats={stats} vocab={vocab} vocabOther={vocabOther} />
        <DroppedCalls stats={stats} time={time} />
      </div>
    </section>
  );
}

function SeatCard({ row }: { row: SeatRow }) {
  const { t } = useTranslation();
  const { other } = useOtherLanguage();
  return (
    <li className={`seat-card seat-${row.state}`}>
      <div className="seat-top">
        <span className="seat-num">{row.seat}</span>
        <span className="seat-icon" aria-hidden="true">
          {SEAT_ICON[row.state]}
        </span>
      </div>
      <span className="seat-name">{row.name ?? ''}</span>
      <span className="seat-state">{t(`seatState.${row.state}`)}</span>
      <span className="seat-word-other" aria-hidden="true" lang={other}>
        {t(`seatState.${row.state}`, { lng: other })}
      </span>
      <div className="seat-times">
        {row.state === 'on_call' && row.callMs !== undefined ? (
          <span className="seat-call">{t('wall.callTime', { time: duration(row.callMs) })}</span>
        ) : row.state !== 'offline' ? (
          <span className="seat-since">{t('wall.inState', { time: duration(row.inStateMs) })}</span>
        ) : null}
      </div>
    </li>
  );
}
