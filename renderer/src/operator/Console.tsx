/**
 * The seat console: the call on the left, what we know of the caller and what to say in the
 * middle, the floor's tickets on the right. Every action has a key (see keys.ts).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizePhone } from '../../../shared/protocol/phone';
import { DISPOSITIONS, type Disposition } from '../../../shared/protocol/vocabulary';
import { switchLanguage } from '../i18n';
import type { ClientView, HubClient } from '../hubLink/client';
import type { Problem } from '../hubLink/outbox';
import { ticketOverlay, type ViewTicket, visibleTickets } from '../hubLink/view';
import { ConflictDialog, isConflict, ProblemList, useProblemAnnouncements } from '../common/problems/Problems';
import type { OperatorSession } from '../common/session/session';
import { TicketDetail } from '../common/tickets/TicketDetail';
import { TicketList } from '../common/tickets/TicketList';
import { ticketLabel } from '../common/tickets/ticketLabel';
import { Announcements, useAnnouncements } from '../ui/announcements';
import { BroadcastBanner } from '../ui/BroadcastBanner';
import { Dialog } from '../ui/Dialog';
import { hubNow as toHubNow, hubTimeOf, useNow } from '../ui/hooks';
import { CallerPanel } from './CallerPanel';
import { CallPanel } from './CallPanel';
import { type FieldProblem, fieldProblemText, refusedField } from '../common/tickets/fieldProblem';
import { draftAfterCall, draftAfterTicket, draftFromTicket, type Draft, EMPTY_DRAFT, loadDraft, saveDraft, ticketFromDraft } from './draft';
import { GuidancePanel } from './GuidancePanel';
import { HelpDialog } from './HelpDialog';
import { type Command, commandFor, isTypingTarget } from './keys';
import { TopBar } from './TopBar';

export function Console({ client, view, session, onSignOut }: { client: HubClient; view: ClientView; session: OperatorSession; onSignOut: () => void }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const hubNow = toHubNow(now, view);
  const time = hubTimeOf(view);
  const [draft, setDraftState] = useState<Draft>(() => loadDraft(session.seat, session.username));
  const [disposition, setDisposition] = useState<Disposition | ''>('');
  const [fieldError, setFieldError] = useState<{ field: string; message: string } | null>(null);
  const [openTicket, setOpenTicket] = useState<string | null>(null);
  const [showHelp, setShowHelp] = useState(false);
  const { announcement, announce } = useAnnouncements();
  const formRef = useRef<HTMLFormElement>(null);
  const phoneRef = useRef<HTMLInputElement>(null);
  const categoryRef = useRef<HTMLSelectElement>(null);
  const descriptionRef = useRef<HTMLTextAreaElement>(null);
  const dispositionRef = useRef<HTMLSelectElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);

  const tickets = useMemo(() => visibleTickets(view.hub, ticketOverlay(view.hub, view.ops, session.seat, session.name, view.config?.sla)), [view.hub, view.ops, session.seat, session.name, view.config?.sla]);

  const setDraft = useCallback(
    (d: Draft) => {
      setDraftState(d);
      saveDraft(session.seat, session.username, d);
      setFieldError(null);
    },
    [session.seat, session.username],
  );



  // Problems surface as they happen, in words; they also stay listed until dismissed.
  useProblemAnnouncements(client, announce);

  const callTicketLabel = useMemo(() => {
    const ct = view.callTicket;
    if (!ct) return null;
    if (ct.ticketId) {
      const tk = view.hub.tickets.get(ct.ticketId);
      return tk ? ticketLabel(tk) : '#—';
    }
    return '#—';
  }, [view.callTicket, view.hub.tickets]);

  const fail = useCallback((field: string, message: string, focus?: HTMLElement | null) => {
    setFieldError({ field, message });
    focus?.focus();
  }, []);

  const startCall = useCallback(() => {
    if (view.call) return;
    const phone = normalizePhone(draft.phone);
    client.startCall(phone.ok ? phone.phone : undefined);
    setDisposition('');
    setFieldError(null);
    phoneRef.current?.focus();
  }, [client, view.call, draft.phone]);

  /** A field's problem, in words, under that field; the focus goes to it so it can be put right. */
  const failField = useCallback(
    (p: FieldProblem) => {
      const missing = p.problem !== 'tooLong';
      const message =
        p.field === 'phone' && missing
          ? t(p.problem === 'invalid' ? 'form.phoneBad' : 'form.needPhone')
          : p.field === 'category' && missing
            ? t('form.needCategory')
            : p.field === 'description' && p.problem === 'missing'
              ? t('form.needDescription')
              : fieldProblemText(t, p);
      const control = formRef.current?.elements.namedItem(p.field);
      fail(p.field, message, control instanceof HTMLElement ? control : null);
    },
    [fail, t],
  );

  const createTicket = useCallback(() => {
    const check = ticketFromDraft(draft);
    if (!check.ok) return failField(check);
    const op = client.createTicket(check.ticket);
    setDraft(draftAfterTicket(draft, !!view.call));
    if (view.call && !disposition) setDisposition('ticket_raised');
    if (view.connection !== 'connected') announce(t('form.createdOffline'));
    void client.settled(op).then((r) => {
      if (r.ok) announce(t('form.created', { ticket: ticketLabel(r.ack.ticket) }));
    });
  }, [draft, client, setDraft, view.call, view.connection, disposition, failField, t, announce]);

  const endCall = useCallback(() => {
    if (!view.call) return;
    const chosen = disposition || (view.callTicket ? 'ticket_raised' : '');
    if (!chosen) return fail('disposition', t('call.needDisposition'), dispositionRef.current);
    // A number typed after pick-up completes the call's record (and so the caller's history).
    const typed = normalizePhone(draft.phone);
    client.endCall(chosen, typed.ok ? typed.phone : undefined);
    setDisposition('');
    setDraft(draftAfterCall(draft));
    announce(t('call.ended'));
  }, [view.call, view.callTicket, disposition, client, draft, setDraft, fail, t, announce]);

  const setSeat = useCallback(
    (state: 'ready' | 'break') => {
      if (view.call || view.seatState.state === state) return;
      client.setSeat(state);
    },
    [client, view.call, view.seatState.state],
  );

  const restore = useCallback(
    (p: Problem) => {
      if (p.op.name === 'ticket:create') setDraft(draftFromTicket(p.op.payload.ticket));
      client.dismissProblem(p.id);
      // The hub named the field it refused: the message goes under that field, not under Description.
      const refused = refusedField(p.op.name, p.error);
      if (refused) failField(refused);
      else descriptionRef.current?.focus();
    },
    [client, setDraft, failField],
  );

  const addCallerNote = useCallback(
    async (ticket: ViewTicket, text: string) => {
      const op = client.addNote(ticket.id, text);
      void client.settled(op).then((r) => {
        if (r.ok) announce(t('caller.noteSaved', { ticket: ticketLabel(ticket) }));
      });
      return true;
    },
    [client, announce, t],
  );

  const run = useCallback(
    (cmd: Command) => {
      if (cmd !== 'help' && cmd !== 'language') {
        setShowHelp(false);
        if (cmd !== 'createTicket') setOpenTicket(null);
      }
      switch (cmd) {
        case 'startCall':
          return startCall();
        case 'focusPhone':
          return phoneRef.current?.focus();
        case 'createTicket':
          return createTicket();
        case 'endCall':
          return endCall();
        case 'ready':
          return setSeat('ready');
        case 'break':
          return setSeat('break');
        case 'search':
          return searchRef.current?.focus();
        case 'help':
          return setShowHelp((s) => !s);
        case 'language':
          return switchLanguage();
        case 'addNote':
          return noteRef.current?.focus();
        default: {
          const n = Number(cmd.slice('disposition'.length));
          const d = DISPOSITIONS[n - 1];
          if (d) {
            setDisposition(d);
            setFieldError(null);
          }
        }
      }
    },
    [startCall, createTicket, endCall, setSeat],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const target = document.activeElement;
      const inDialog = !!target?.closest('dialog');
      const cmd = commandFor({
        key: e.key,
        altKey: e.altKey,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        shiftKey: e.shiftKey,
        typing: isTypingTarget(target),
        inCallArea: !!target?.closest('[data-call-area]'),
      });
      // Esc leaves a text field for its panel, where single keys (1–6, /, ?) work again.
      if (!cmd && e.key === 'Escape' && !inDialog && isTypingTarget(target)) {
        const panel = target?.closest<HTMLElement>('section[tabindex="-1"]');
        if (panel) {
          e.preventDefault();
          panel.focus();
        }
        return;
      }
      if (!cmd) return;
      // Inside a ticket's window Ctrl+Enter belongs to that window's form.
      if (inDialog && cmd === 'createTicket') return;
      e.preventDefault();
      run(cmd);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run]);

  const detailTicket = useMemo(() => {
    if (!openTicket) return null;
    const real = client.resolveTicketId(openTicket) ?? openTicket;
    return tickets.find((x) => x.id === real) ?? tickets.find((x) => x.id === openTicket) ?? null;
  }, [openTicket, tickets, client]);

  const openDetail = useCallback(
    (id: string) => {
      setOpenTicket(id);
      client.markSeen(id);
    },
    [client],
  );

  const conflict = view.problems.find(isConflict);

  return (
    <div className="console">
      <TopBar client={client} view={view} now={now} hubNow={hubNow} onHelp={() => setShowHelp(true)} onSignOut={onSignOut} />
      <BroadcastBanner broadcast={view.config?.broadcast} time={time} />
      <ProblemList problems={view.problems} client={client} onRestore={restore} />
      <main className="console-main">
        <CallPanel
          view={view}
          hubNow={hubNow}
          draft={draft}
          onDraft={setDraft}
          disposition={disposition}
          onDisposition={(d) => {
            setDisposition(d);
            setFieldError(null);
          }}
          fieldError={fieldError}
          formRef={formRef}
          phoneRef={phoneRef}
          categoryRef={categoryRef}
          descriptionRef={descriptionRef}
          dispositionRef={dispositionRef}
          onStart={startCall}
          onEnd={endCall}
          onCreate={createTicket}
          onSeat={setSeat}
          onClear={() => setDraft(EMPTY_DRAFT)}
          callTicketLabel={callTicketLabel}
        />
        <div className="col-mid">
          <CallerPanel client={client} view={view} phoneInput={draft.phone} tickets={tickets} noteRef={noteRef} onOpenTicket={openDetail} onNote={addCallerNote} now={now} />
          <GuidancePanel category={draft.category} view={view} />
        </div>
        <TicketList client={client} view={view} tickets={tickets} searchRef={searchRef} onOpen={openDetail} now={now} />
      </main>
      <Announcements announcement={announcement} />
      {detailTicket && <TicketDetail key={detailTicket.id} client={client} view={view} ticket={detailTicket} onClose={() => setOpenTicket(null)} now={now} announce={announce} />}
      {showHelp && <HelpDialog onClose={() => setShowHelp(false)} />}
      {conflict && <ConflictDialog key={conflict.id} problem={conflict} client={client} time={time} />}
      {view.connection === 'revoked' && (
        <Dialog label={t('revoked.heading')} onClose={() => undefined} role="alertdialog" className="revoked-dialog">
          <h2>{t('revoked.heading')}</h2>
          <p>{t('revoked.body', { seat: session.seat, time: view.revokedAt ? time.clock(view.revokedAt) : '' })}</p>
          <div className="dialog-actions">
            <button type="button" className="btn btn-primary btn-big" onClick={() => client.reclaim()} autoFocus>
              {t('revoked.takeBack')}
            </button>
            <button type="button" className="btn" onClick={onSignOut}>
              {t('revoked.signOut')}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
