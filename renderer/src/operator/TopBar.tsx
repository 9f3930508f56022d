import { useTranslation } from 'react-i18next';
import { ChangePinButton } from '../common/session/ChoosePin';
import { callsToday } from '../hubLink/hubMirror';
import type { ClientView, HubClient } from '../hubLink/client';
import { Counters } from '../ui/Counters';
import { HubClock } from '../ui/HubClock';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { duration } from '../ui/format';
import { hubTimeOf } from '../ui/hooks';

/** Always true: who is at which seat, what the connection is, what the seat is doing, the counters and the time. */
export function TopBar({ client, view, now, hubNow, onHelp, onSignOut }: { client: HubClient; view: ClientView; now: Date; hubNow: Date; onHelp: () => void; onSignOut: () => void }) {
  const { t } = useTranslation();
  const pending = view.ops.length;
  const conn = view.connection;
  const seat = view.seatState;
  const inState = seat.since ? duration(hubNow.getTime() - Date.parse(seat.since)) : '';
  return (
    <header className="topbar">
      {/* The page's one h1, for finding one's way by headings; the brand beside it says the same to the eye. */}
      <h1 className="sr-only">{t('top.heading', { seat: view.seat })}</h1>
      <div className="brand">
        <span className="brand-name">{t('app.title')}</span>
        <span className="brand-seat">
          {t('top.seat', { seat: view.seat })} · {view.name}
        </span>
      </div>
      <div className={`pill state-${seat.state}`} role="status" aria-label={t('top.seatState')}>
        <span className="pill-dot" aria-hidden="true" />
        <span>{t(`seatState.${seat.state}`)}</span>
        {inState && <span className="pill-sub">{inState}</span>}
        {!seat.synced && <span className="pill-sub">({t('top.notSynced')})</span>}
      </div>
      <div className={`pill conn-${conn}`} role="status" aria-label={t('conn.label')}>
        <span className="pill-dot" aria-hidden="true" />
        <span>{t(`conn.${conn}`)}</span>
        {pending > 0 && <span className="pill-sub pill-warn">{t('conn.unsent', { count: pending })}</span>}
      </div>
      <Counters total={view.hub.counter.total} today={callsToday(view.hub, hubNow)} ready={view.ready} />
      <HubClock now={now} time={hubTimeOf(view)} />
      <div className="topbar-actions">
        <LanguageSwitch />
        <button type="button" className="btn btn-quiet" onClick={onHelp} aria-keyshortcuts="Shift+? F1">
          {t('top.help')}
        </button>
        <ChangePinButton client={client} />
        <button type="button" className="btn btn-quiet" onClick={onSignOut}>
          {t('top.signOut')}
        </button>
      </div>
    </header>
  );
}
