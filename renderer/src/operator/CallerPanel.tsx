import { type RefObject, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizePhone } from '../../../shared/protocol/phone';
import { isActive } from '../../../shared/domain/ticketRules';
import type { CallerLookupResult } from '../../../shared/protocol';
import { nameOfUser } from '../common/floor/seats';
import { NoteField } from '../common/tickets/NoteField';
import { ticketLabel } from '../common/tickets/ticketLabel';
import type { ClientView, HubClient } from '../hubLink/client';
import type { ViewTicket } from '../hubLink/view';
import { PhoneText } from '../ui/PhoneText';
import type { HubTime } from '../ui/hubTime';
import { hubTimeOf } from '../ui/hooks';

const LOOKUP_DEBOUNCE_MS = 300;

/**
 * What the hub knows of the number being typed: earlier calls, open and past tickets, and a
 * way to add a note to an open ticket instead of raising a duplicate.
 */
export function CallerPanel({
  client,
  view,
  phoneInput,
  tickets,
  noteRef,
  onOpenTicket,
  onNote,
  now,
}: {
  client: HubClient;
  view: ClientView;
  phoneInput: string;
  tickets: readonly ViewTicket[];
  noteRef: RefObject<HTMLTextAreaElement | null>;
  onOpenTicket: (id: string) => void;
  onNote: (ticket: ViewTicket, text: string) => Promise<boolean>;
  now: Date;
}) {
  const { t } = useTranslation();
  const time = hubTimeOf(view);
  const norm = normalizePhone(phoneInput);
  const phone = norm.ok ? norm.phone : null;
  const [lookup, setLookup] = useState<{ phone: string; result: CallerLookupResult | null; error?: string } | null>(null);
  const [note, setNote] = useState('');
  const connected = view.connection === 'connected';

  useEffect(() => {
    if (!phone || !connected) return;
    let live = true;
    const timer = setTimeout(() => {
      void client.lookupCaller(phone).then((r) => {
        if (!live) return;
        if (r.ok) setLookup({ phone, result: r });
        else setLookup({ phone, result: null, error: r.error.code });
      });
    }, LOOKUP_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // A new ticket for this number on the hub is worth a fresh look; other changes are not.
  }, [phone, connected, client, view.hub.tickets.size]);

  // Tickets come from this screen's live list, so a note or a status change shows at once.
  const mine = useMemo(() => (phone ? tickets.filter((x) => x.phone === phone) : []), [phone, tickets]);
  const open = mine.filter((x) => isActive(x.status));
  const past = mine.filter((x) => !isActive(x.status));
  const result = lookup && lookup.phone === phone ? lookup.result : null;
  const calls = (result?.calls ?? []).filter((c) => c.id !== view.call?.callId);
  const repeat = (result?.repeat ?? false) || mine.length > 0 || calls.length > 0;
  const target = open[0];

  async function submitNote() {
    if (!target || !note.trim()) return;
    if (await onNote(target, note.trim())) setNote('');
  }

  return (
    <section tabIndex={-1} className="panel caller-panel" aria-label={t('caller.region')}>
      <h2 className="panel-title">{t('caller.region')}</h2>
      {!phone ? (
        <p className="muted">{t('caller.typePhone')}</p>
      ) : (
        <>
          <div className="caller-summary">
            <PhoneText phone={phone} />
            {repeat ? <span className="badge badge-repeat">↻ {t('caller.repeat')}</span> : result && <span className="badge">{t('caller.firstTime')}</span>}
            {result && <span className="muted">{t('caller.callsToday', { count: result.callsToday })}</span>}
          </div>
          {!connected && <p className="muted small">{t('caller.offlineLocal')}</p>}
          {lookup?.error && lookup.phone === phone && <p className="hint-warn small">{t('caller.lookupFailed', { error: t(`errors.${lookup.error}`, { defaultValue: lookup.error }) })}</p>}

          {open.length > 0 && (
            <>
              <h3 className="sub-title">{t('caller.openTickets')}</h3>
              <ul className="mini-list">
                {open.map((x) => (
                  <MiniTicket key={x.id} ticket={x} now={now} time={time} onOpen={onOpenTicket} />
                ))}
              </ul>
              {target && (
                <div className="note-box">
                  <NoteField
                    label={t('caller.addNote', { ticket: ticketLabel(target) })}
                    value={note}
                    placeholder={t('caller.notePlaceholder')}
                    onChange={setNote}
                    onSubmit={() => void submitNote()}
                    textareaRef={noteRef}
                  />
                  <button type="button" className="btn" onClick={() => void submitNote()} disabled={!note.trim()}>
                    {t('caller.saveNote')}
                  </button>
                </div>
              )}
            </>
          )}
          {calls.length > 0 && (
            <>
              <h3 className="sub-title">{t('caller.earlierCalls')}</h3>
              <ul className="mini-list">
                {calls.slice(0, 8).map((c) => (
                  <li key={c.id} className="mini-call">
                    {/* Who took it, since accounts: the account's name where the floor knows it. */}
                    {t(c.user ? 'caller.callBy' : 'caller.call', {
                      time: time.when(c.startedAt, now),
                      seat: c.seat,
                      who: nameOfUser(view.hub, c.user),
                      disposition: c.disposition ? t(`disposition.${c.disposition}`) : t('caller.running'),
                    })}
                  </li>
                ))}
              </ul>
            </>
          )}
          {past.length > 0 && (
            <>
              <h3 className="sub-title">{t('caller.pastTickets')}</h3>
              <ul className="mini-list">
                {past.slice(0, 8).map((x) => (
                  <MiniTicket key={x.id} ticket={x} now={now} time={time} onOpen={onOpenTicket} />
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}

function MiniTicket({ ticket, now, time, onOpen }: { ticket: ViewTicket; now: Date; time: HubTime; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <li>
      <button type="button" className="mini-ticket" onClick={() => onOpen(ticket.id)}>
        <span className="mini-num">{ticketLabel(ticket)}</span>
        <span className={`status status-${ticket.status}`}>{t(`status.${ticket.status}`)}</span>
        <span className="muted">{time.when(ticket.createdAt, now)}</span>
        <span className="mini-desc">{ticket.description}</span>
      </button>
    </li>
  );
}
