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
import { seatGridShape, showDisconnectBanner, statsStale } from './model';
import { DroppedCalls, HourlyChart, Mix, OpenTickets } from './panels';

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
  const key = useMemo(wallKey, []);
  return key ? <Wall wallKey={key} /> : <NoKey />;
}

/** Opened without its key: the address to use, for whoever set the TV up. */
function NoKey() {
  const { t } = useTranslation();
  return (
    <main className="wall wall-message">
      <p>{t('wall.noKey')}</p>
    </main>
  );
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
  const grid = seatGridShape(rows.length);

  return (
    <main className={`wall ${stale ? 'is-stale' : ''}`}>
      <header className="wall-head">
        <h1 className="wall-title">
          <Bi k="app.wallTitle" />
        </h1>
        <Figure size="big" k="top.totalCalls" value={view.ready ? formatIndian(view.hub.counter.total) : '…'} />
        <Figure size="big" k="top.callsToday" value={view.ready ? formatIndian(callsToday(view.hub, hubNow)) : '…'} />
        <Figure size="big" k="wall.stats.lastHour" value={view.stats ? formatIndian(view.stats.lastHour) : '…'} />
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
          <ul
            className="seat-grid"
            aria-label={t('wall.seats')}
            style={{ gridTemplateColumns: `repeat(${grid.columns}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${grid.rows}, minmax(0, 1fr))` }}
          >
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

/**
 * A figure read from across the room, its label in both languages: `big` in the header (label
 * beside the value), `tile` among the floor figures (label over the value). Its accessible name
 * is the label alone (the contract's names).
 */
function Figure({ k, value, size = 'tile', alert, sub }: { k: string; value: string; size?: 'big' | 'tile'; alert?: boolean; sub?: string }) {
  const { t } = useTranslation();
  return (
    <div className={`figure figure-${size} ${alert ? 'is-alert' : ''}`}>
      <span className="figure-label" aria-hidden="true">
        <Bi k={k} />
      </span>
      <span className="figure-reading">
        <output className="figure-value" aria-label={t(k)}>
          {value}
        </output>
        {sub && <span className="figure-sub">{sub}</span>}
      </span>
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
        <Figure k="wall.stats.open" value={formatIndian(open)} />
        <Figure k="wall.stats.overdue" value={formatIndian(stats.overdue)} alert={stats.overdue > 0} />
        <Figure k="wall.stats.dropped" value={formatIndian(stats.droppedToday)} alert={stats.droppedToday > 0} />
        <Figure k="wall.stats.avgCall" value={stats.avgHandleSeconds === null ? '—' : duration(stats.avgHandleSeconds * 1000)} />
        <Figure
          k="wall.stats.longest"
          value={longest ? duration(hubNow.getTime() - Date.parse(longest.startedAt)) : '—'}
          sub={longest ? t('wall.seat', { seat: longest.seat }) : undefined}
        />
        <Figure k="wall.stats.ticketsToday" value={formatIndian(stats.categoriesToday.reduce((n, c) => n + c.tickets, 0))} />
      </div>
      <div className="wall-pair">
        <HourlyChart stats={stats} time={time} />
        <Mix of="categories" stats={stats} vocab={vocab} vocabOther={vocabOther} />
      </div>
      <div className="wall-trio">
        <OpenTickets stats={stats} />
        <Mix of="departments" stats={stats} vocab={vocab} vocabOther={vocabOther} />
        <DroppedCalls stats={stats} time={time} />
      </div>
    </section>
  );
}

/**
 * One seat in four lines: number and shape, who is on it, its state, and how long (on the call,
 * or in the state). The state's word in the other language is in the key above the grid.
 */
function SeatCard({ row }: { row: SeatRow }) {
  const { t } = useTranslation();
  const time = row.state === 'on_call' && row.callMs !== undefined ? row.callMs : row.state !== 'offline' ? row.inStateMs : undefined;
  return (
    <li className={`seat-card seat-${row.state}`}>
      <span className="seat-num">{row.seat}</span>
      <span className="seat-icon" aria-hidden="true">
        {SEAT_ICON[row.state]}
      </span>
      <span className="seat-name">{row.name ?? ''}</span>
      <span className="seat-state">{t(`seatState.${row.state}`)}</span>
      <span className="seat-time">{time === undefined ? '' : duration(time)}</span>
    </li>
  );
}
