/**
 * Calls a supervisor may have to close by hand: a seat that went offline with its call still
 * open (the hub closes it itself after its grace period, but the supervisor need not wait), and
 * any call running longer than LONG_CALL_MS. Listed apart from the seats, which fold the empty
 * ones away, so that such a call is never out of sight.
 */
import { useTranslation } from 'react-i18next';
import type { Seat } from '../../../shared/protocol';
import type { ClientView, HubClient } from '../hubLink/client';
import { duration } from '../ui/format';
import { SEAT_ICON } from '../ui/seatIcon';
import { CloseCallButton } from './CloseCallButton';

/** Longer than any call of the helpline should take: worth a supervisor's look. */
export const LONG_CALL_MS = 30 * 60_000;

/** The seat's call, when a supervisor may want to close it: left open offline, or running too long. */
export function callLeftOpen(seat: Seat, hubNow: Date, callStartedAt: string | undefined): { callId: string; ms: number } | null {
  if (!seat.callId) return null;
  // While on the call, `since` is the call's start; offline, the call's start is known only from the call.
  const started = Date.parse(callStartedAt ?? seat.since);
  const ms = Number.isFinite(started) ? hubNow.getTime() - started : 0;
  if (seat.state === 'offline' || (seat.state === 'on_call' && ms >= LONG_CALL_MS)) return { callId: seat.callId, ms };
  return null;
}

export function CallsLeftOpen({ client, view, hubNow }: { client: HubClient; view: ClientView; hubNow: Date }) {
  const { t } = useTranslation();
  const open = [...view.hub.seats.values()]
    .sort((a, b) => a.seat - b.seat)
    .flatMap((seat) => {
      const call = seat.callId ? view.hub.calls.get(seat.callId) : undefined;
      const left = callLeftOpen(seat, hubNow, call?.startedAt);
      return left ? [{ seat, ...left, known: call !== undefined || seat.state === 'on_call' }] : [];
    });
  if (open.length === 0) return null;
  return (
    <section className="alert alert-warn" aria-labelledby="sup-left-open-title">
      <h3 id="sup-left-open-title" className="sub-title">
        {t('sup.floor.leftOpen')}
      </h3>
      <ul className="mini-list" aria-label={t('sup.floor.leftOpen')}>
        {open.map(({ seat, callId, ms, known }) => (
          <li key={seat.seat} className="mini-call">
            <strong>{t('wall.seat', { seat: seat.seat })}</strong>
            {seat.name ? ` · ${seat.name}` : ''} · <span aria-hidden="true">{SEAT_ICON[seat.state]}</span> {t(`seatState.${seat.state}`)}
            {/* Offline, `since` is when the seat went: how long the hub has waited for it. */}
            {seat.state === 'offline' ? ` ${t('wall.inState', { time: duration(hubNow.getTime() - Date.parse(seat.since)) })}` : ''}
            {known ? ` · ${t('sup.floor.openCall', { time: duration(ms) })}` : ''} <CloseCallButton client={client} seat={seat.seat} callId={callId} />
          </li>
        ))}
      </ul>
    </section>
  );
}
