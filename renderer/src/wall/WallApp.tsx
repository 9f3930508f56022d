/**
 * The wall display: read from across the room, touched by nobody. It connects with the wall
 * key from its address, reconnects by itself, and never shows a phone number.
 */
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeatState } from '../../../shared/domain/vocabulary';
import { createBrowserClient } from '../sync/browser';
import { callsToday } from '../sync/hubState';
import { browserStore } from '../sync/storage';
import { BroadcastBanner } from '../ui/BroadcastBanner';
import { Counters, IstClock } from '../ui/common';
import { duration, istTime } from '../ui/format';
import { hubNow as toHubNow, useClientView, useNow } from '../ui/hooks';
import { type SeatRow, seatRows, showDisconnectBanner, stateCounts } from './model';
import { StatsStrip } from './StatsStrip';

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

/** A shape per state as well as a colour, so no one has to tell colours apart. */
const STATE_ICON: Record<SeatState, string> = { ready: '●', on_call: '◆', wrap_up: '▲', break: '■', offline: '○' };

function Wall({ wallKey }: { wallKey: string }) {
  const { t, i18n } = useTranslation();
  const client = useMemo(() => createBrowserClient({ key: wallKey }, { readOnly: true }), [wallKey]);
  useEffect(() => {
    client.start();
    return () => client.stop();
  }, [client]);
  const view = useClientView(client);
  const now = useNow(1000);
  const hubNow = toHubNow(now, view);
  const rows = seatRows(view.hub, hubNow);
  const counts = stateCounts(rows);
  const other = i18n.language === 'hi' ? 'en' : 'hi';
  const connected = view.connection === 'connected';

  return (
    <main className="wall">
      <header className="wall-head">
        <h1 className="wall-title">{t('app.wallTitle')}</h1>
        <Counters total={view.hub.counter.total} today={callsToday(view.hub, hubNow)} ready={view.ready} className="wall-counters" />
        <IstClock now={now} className="wall-clock" />
      </header>
      {view.connection === 'refused' && (
        <p className="wall-banner" role="alert">
          {t('wall.refused')}
        </p>
      )}
      {view.connection !== 'refused' && showDisconnectBanner(connected, view.disconnectedSince, now.getTime()) && (
        <p className="wall-banner" role="alert">
          {t('wall.disconnected', { time: istTime(view.disconnectedSince!) })}
        </p>
      )}
      <BroadcastBanner broadcast={view.config?.broadcast} dismissable={false} className="wall-broadcast" />
      <div className="wall-strip">
        <p className="wall-summary">{t('wall.summary', { onCall: counts.on_call, ready: counts.ready, wrap: counts.wrap_up, brk: counts.break })}</p>
        <StatsStrip stats={view.stats} />
      </div>
      <ul className="seat-grid" aria-label={t('wall.seats')}>
        {rows.map((r) => (
          <SeatCard key={r.seat} row={r} other={other} />
        ))}
      </ul>
    </main>
  );
}

function SeatCard({ row, other }: { row: SeatRow; other: 'en' | 'hi' }) {
  const { t } = useTranslation();
  const otherWord = t(`seatState.${row.state}`, { lng: other });
  return (
    <li className={`seat-card seat-${row.state}`}>
      <div className="seat-top">
        <span className="seat-num">{row.seat}</span>
        <span className="seat-name">{row.name ?? (row.state === 'offline' ? '' : t('wall.vacant'))}</span>
      </div>
      <div className="seat-state">
        <span className="seat-icon" aria-hidden="true">
          {STATE_ICON[row.state]}
        </span>
        <span className="seat-word">{t(`seatState.${row.state}`)}</span>
      </div>
      <span className="seat-word-other" aria-hidden="true">
        {otherWord}
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
