/**
 * The supervisor's console: the floor (every seat, the figures, every ticket), the follow-up
 * of tickets to the end (service-level breaches, departments' acknowledgements, callbacks),
 * the people (each operator's day, the accounts, the sign-in log), the floor's live
 * configuration, and reports. Ticket windows, conflicts and problems are the
 * same components as the operator console's (common/).
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictDialog, isConflict, ProblemList, useProblemAnnouncements } from '../common/problems/Problems';
import { ChangePinButton } from '../common/session/ChoosePin';
import type { SupervisorSession } from '../common/session/session';
import { TicketDetail } from '../common/tickets/TicketDetail';
import type { ClientView, HubClient } from '../hubLink/client';
import { ticketOverlay, visibleTickets } from '../hubLink/view';
import { callsToday } from '../hubLink/hubMirror';
import { Announcements, useAnnouncements } from '../ui/announcements';
import { BroadcastBanner } from '../ui/BroadcastBanner';
import { Counters } from '../ui/Counters';
import { HubClock } from '../ui/HubClock';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { hubNow as toHubNow, hubTimeOf, useNow } from '../ui/hooks';
import { ConfigView } from './ConfigView';
import { FloorView } from './FloorView';
import { FollowUpView } from './FollowUpView';
import { PeopleView } from './PeopleView';
import { ReportsView } from './ReportsView';

export const SECTIONS = ['floor', 'followUp', 'people', 'config', 'reports'] as const;
export type Section = (typeof SECTIONS)[number];

export function SupervisorConsole({ client, view, session, onSignOut }: { client: HubClient; view: ClientView; session: SupervisorSession; onSignOut: () => void }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const hubNow = toHubNow(now, view);
  const time = hubTimeOf(view);
  const [section, setSection] = useState<Section>(() => sectionFromHash());
  const [openTicket, setOpenTicket] = useState<string | null>(null);
  const { announcement, announce } = useAnnouncements();
  const searchRef = useRef<HTMLInputElement>(null);
  const tickets = useMemo(() => visibleTickets(view.hub, ticketOverlay(view.hub, view.ops, 0, session.name, view.config?.sla)), [view.hub, view.ops, session.name, view.config?.sla]);

  // Problems surface as they happen, in words; they also stay listed until dismissed.
  useProblemAnnouncements(client, announce);

  // The section is kept in the address, so a reload (or the back button) stays where it was.
  const go = useCallback((s: Section) => {
    setSection(s);
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#${s}`);
  }, []);

  const openDetail = useCallback(
    (id: string) => {
      setOpenTicket(id);
      client.markSeen(id);
    },
    [client],
  );
  const detailTicket = useMemo(() => {
    if (!openTicket) return null;
    const real = client.resolveTicketId(openTicket) ?? openTicket;
    return tickets.find((x) => x.id === real) ?? null;
  }, [openTicket, tickets, client]);
  const conflict = view.problems.find(isConflict);
  const overdue = view.stats?.overdue ?? 0;

  return (
    <div className="console sup-console">
      <header className="topbar">
        {/* The page's one h1, naming the section shown; the tabs say the same to the eye. */}
        <h1 className="sr-only">{t('sup.heading', { section: t(`sup.section.${section}`) })}</h1>
        <div className="brand">
          <span className="brand-name">{t('app.title')}</span>
          <span className="brand-seat">
            {t('sup.role')} · {session.name}
          </span>
        </div>
        <div className={`pill conn-${view.connection}`} role="status" aria-label={t('conn.label')}>
          <span className="pill-dot" aria-hidden="true" />
          <span>{t(`conn.${view.connection}`)}</span>
          {view.ops.length > 0 && <span className="pill-sub pill-warn">{t('conn.unsent', { count: view.ops.length })}</span>}
        </div>
        <Counters total={view.hub.counter.total} today={callsToday(view.hub, hubNow)} ready={view.ready} />
        <HubClock now={hubNow} time={time} />
        <div className="topbar-actions">
          <LanguageSwitch />
          <ChangePinButton client={client} />
          <button type="button" className="btn btn-quiet" onClick={onSignOut}>
            {t('top.signOut')}
          </button>
        </div>
      </header>
      <nav className="sup-nav" aria-label={t('sup.nav')}>
        {SECTIONS.map((s) => (
          <button key={s} type="button" className="sup-tab" aria-current={section === s ? 'page' : undefined} onClick={() => go(s)}>
            {t(`sup.section.${s}`)}
            {s === 'followUp' && overdue > 0 && <span className="badge badge-overdue">{t('sup.overdueCount', { count: overdue })}</span>}
          </button>
        ))}
      </nav>
      <BroadcastBanner broadcast={view.config?.broadcast} time={time} />
      <ProblemList problems={view.problems} client={client} onRestore={(p) => client.dismissProblem(p.id)} />
      <main className="sup-main">
        {section === 'floor' && <FloorView client={client} view={view} tickets={tickets} now={now} hubNow={hubNow} searchRef={searchRef} onOpen={openDetail} />}
        {section === 'followUp' && <FollowUpView client={client} view={view} tickets={tickets} now={now} hubNow={hubNow} onOpen={openDetail} />}
        {section === 'people' && <PeopleView client={client} view={view} now={now} me={session.username} />}
        {section === 'config' && <ConfigView client={client} view={view} announce={announce} />}
        {section === 'reports' && <ReportsView client={client} view={view} hubNow={hubNow} />}
      </main>
      <Announcements announcement={announcement} />
      {detailTicket && <TicketDetail key={detailTicket.id} client={client} view={view} ticket={detailTicket} onClose={() => setOpenTicket(null)} now={now} announce={announce} supervisor />}
      {conflict && <ConflictDialog key={conflict.id} problem={conflict} client={client} time={time} />}
    </div>
  );
}

function sectionFromHash(): Section {
  const h = window.location.hash.slice(1);
  return (SECTIONS as readonly string[]).includes(h) ? (h as Section) : 'floor';
}
