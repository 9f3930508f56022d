/**
 * The daily situation report, `/report?date=YYYY-MM-DD`: the day's calls, tickets, categories,
 * departments, service-level breaches and each operator's figures, laid out to print on A4 (or
 * save as PDF). It connects with the supervisor's session this browser keeps from /supervisor
 * (its token, never a PIN). It only asks for reports, so it connects without the floor's
 * snapshot (`snapshot: false`).
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { desktopApi } from '../../../shared/desktop/api';
import { CALL_DISPOSITIONS } from '../../../shared/protocol/vocabulary';
import type { DailyReport } from '../../../shared/protocol';
import { loadRemembered, type StoredSession } from '../common/session/session';
import { createBrowserClient } from '../hubLink/browser';
import { isLanguage, type Language } from '../i18n';
import { DateField } from '../ui/DateField';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { dayHeading, duration, formatIndian } from '../ui/format';
import { hubTime } from '../ui/hubTime';
import { hubNow, hubTimeOf, useClientView, useVocabulary } from '../ui/hooks';
import { ByOperator } from './ByOperator';
import { ReportSection, ReportTable } from './ReportParts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function dateFromAddress(): string | null {
  const d = new URLSearchParams(window.location.search).get('date');
  return d && DATE.test(d) ? d : null;
}

function shiftDay(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function ReportApp() {
  const { t } = useTranslation();
  const session = useMemo(() => loadRemembered('supervisor').session, []);
  if (!session) {
    return (
      <main className="report-page">
        <p className="alert alert-warn report-signin">
          {t('report.needKey')} <a href="/supervisor">{t('report.toConsole')}</a>
        </p>
      </main>
    );
  }
  return <Report session={session} />;
}

function Report({ session }: { session: StoredSession }) {
  const { t, i18n } = useTranslation();
  const client = useMemo(
    () =>
      createBrowserClient(
        { key: session.key, user: session.user.username, snapshot: false },
        { readOnly: true, credential: { token: session.token }, session: { token: session.token, expiresAt: session.expiresAt, user: session.user } },
      ),
    [session],
  );
  useEffect(() => {
    client.start();
    return () => client.stop();
  }, [client]);
  const view = useClientView(client);
  const vocab = useVocabulary(view);
  const [date, setDate] = useState<string | null>(dateFromAddress);
  const [state, setState] = useState<{ date: string; report?: DailyReport; error?: string } | null>(null);
  const connected = view.connection === 'connected';

  // Without a date in the address the report is of the hub's today, in the hub's zone: known
  // once the hub has said this client is current.
  useEffect(() => {
    if (date === null && view.ready) setDate(hubTimeOf(view).day(hubNow(new Date(), view)));
  }, [date, view]);

  useEffect(() => {
    if (date === null) return;
    const url = new URL(window.location.href);
    url.searchParams.set('date', date);
    window.history.replaceState(null, '', url);
  }, [date]);

  useEffect(() => {
    if (!connected || date === null) return;
    let live = true;
    void client.request('report:daily', { date }, 60_000).then((r) => {
      if (!live) return;
      setState(r.ok ? { date, report: r.report } : { date, error: r.error.code });
    });
    return () => {
      live = false;
    };
  }, [client, connected, date]);

  const report = state?.date === date ? state.report : undefined;
  const error = view.connection === 'refused' ? t('report.refused') : state?.date === date && state.error ? t(`errors.${state.error}`, { defaultValue: t('errors.unknown') }) : null;

  async function print() {
    const desktop = desktopApi();
    if (desktop) {
      const r = await desktop.printToPdf({ fileName: `${t('report.fileName')} ${date ?? ''}` });
      if (r.ok) return;
    }
    window.print();
  }

  useEffect(() => {
    document.title = date ? `${t('report.title')} — ${date}` : t('report.title');
  }, [t, date]);

  return (
    <main className="report-page">
      <nav className="report-nav" aria-label={t('report.nav')}>
        <a className="btn btn-quiet" href={`/supervisor#reports`}>
          ← {t('report.toConsole')}
        </a>
        <button type="button" className="btn" onClick={() => date && setDate(shiftDay(date, -1))} disabled={!date} aria-label={t('report.prevDay')}>
          ◀
        </button>
        {date && <DateField className="report-date" label={t('sup.reports.date')} value={date} onChange={setDate} />}
        <button type="button" className="btn" onClick={() => date && setDate(shiftDay(date, 1))} disabled={!date} aria-label={t('report.nextDay')}>
          ▶
        </button>
        <button type="button" className="btn btn-primary" onClick={() => void print()} disabled={!report}>
          {t('report.print')}
        </button>
        <LanguageSwitch />
      </nav>
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      {!report && !error && <p className="muted report-wait">{connected ? t('report.loading') : t('wall.connecting')}</p>}
      {report && <ReportBody report={report} vocab={vocab} lang={isLanguage(i18n.language) ? i18n.language : 'en'} />}
    </main>
  );
}

function ReportBody({ report, vocab, lang }: { report: DailyReport; vocab: ReturnType<typeof useVocabulary>; lang: Language }) {
  const { t } = useTranslation();
  const c = report.calls;
  const tk = report.tickets;
  const max = Math.max(1, ...c.hourly);
  // The report's times are in the zone the hub kept that day in, which it names, in words.
  const time = hubTime(report.timeZone, lang);
  const generated = new Date(report.generatedAt);
  const totals: { k: string; v: string }[] = [
    { k: 'report.totals.calls', v: formatIndian(c.total) },
    { k: 'report.totals.raised', v: formatIndian(tk.raised) },
    { k: 'report.totals.resolved', v: formatIndian(tk.resolved) },
    { k: 'report.totals.urgent', v: formatIndian(tk.urgent) },
    { k: 'report.totals.breaches', v: formatIndian(tk.breaches.length) },
    { k: 'report.totals.avgCall', v: c.avgHandleSeconds === null ? '—' : duration(c.avgHandleSeconds * 1000) },
    { k: 'report.totals.busiest', v: c.busiestHour === null ? '—' : `${String(c.busiestHour).padStart(2, '0')}:00–${String((c.busiestHour + 1) % 24).padStart(2, '0')}:00` },
    { k: 'report.totals.toDate', v: formatIndian(report.totalToDate) },
  ];
  const dispositionTotal = Object.values(c.byDisposition).reduce((n, x) => n + (x ?? 0), 0);
  return (
    <article className="report" aria-labelledby="report-title">
      <header className="report-head">
        <p className="report-org">{t('app.title')}</p>
        <h1 id="report-title">{t('report.title')}</h1>
        <p className="report-day">{dayHeading(report.date, lang)}</p>
        <p className="report-meta">{t('report.meta', { zone: time.zoneLongName(time.noonOf(report.date)), time: time.dateTime(generated) })}</p>
      </header>

      <ReportSection id="rep-totals" title={t('report.totals.title')}>
        <dl className="report-totals">
          {totals.map((x) => (
            <div key={x.k}>
              <dt>{t(x.k)}</dt>
              <dd>{x.v}</dd>
            </div>
          ))}
        </dl>
      </ReportSection>

      <ReportSection id="rep-hourly" title={t('report.hourly')}>
        <div className="report-chart" role="img" aria-label={t('report.hourlyLabel', { busiest: c.busiestHour ?? '—', total: c.total })}>
          {c.hourly.map((n, h) => (
            <div key={h} className={`rbar ${h === c.busiestHour ? 'is-peak' : ''}`}>
              <span className="rbar-value">{n > 0 ? formatIndian(n) : ''}</span>
              <span className="rbar-track">
                <span className="rbar-fill" style={{ height: `${(n / max) * 100}%` }} />
              </span>
              <span className="rbar-hour">{String(h).padStart(2, '0')}</span>
            </div>
          ))}
        </div>
      </ReportSection>

      <div className="report-two">
        <ReportSection id="rep-dispositions" title={t('report.dispositions')}>
          <ReportTable
            columns={[{ title: t('call.disposition') }, { title: t('report.calls'), num: true }, { title: '%', num: true }]}
            rows={CALL_DISPOSITIONS.map((d) => ({
              key: d,
              cells: [t(`disposition.${d}`), formatIndian(c.byDisposition[d] ?? 0), dispositionTotal ? Math.round(((c.byDisposition[d] ?? 0) / dispositionTotal) * 100) : 0],
            }))}
          />
        </ReportSection>

        <ReportSection id="rep-categories" title={t('report.categories')} empty={tk.byCategory.length === 0 ? t('report.none') : null}>
          <ReportTable
            columns={[{ title: t('field.category') }, { title: t('report.raised'), num: true }, { title: t('report.resolved'), num: true }]}
            rows={tk.byCategory.map((x) => ({ key: x.category, cells: [vocab.category(x.category), formatIndian(x.raised), formatIndian(x.resolved)] }))}
          />
        </ReportSection>
      </div>

      <ReportSection id="rep-departments" title={t('report.departments')} empty={tk.byDepartment.length === 0 ? t('report.none') : null}>
        <ReportTable
          columns={[{ title: t('field.department') }, { title: t('report.forwarded'), num: true }, { title: t('report.acknowledged'), num: true }, { title: t('report.pending'), num: true }]}
          rows={tk.byDepartment.map((x) => ({ key: x.department, cells: [vocab.department(x.department), formatIndian(x.forwarded), formatIndian(x.acknowledged), formatIndian(x.pending)] }))}
        />
      </ReportSection>

      <ByOperator days={report.byOperator} />

      <ReportSection
        id="rep-breaches"
        className="report-breaches"
        title={`${t('report.breaches')} (${formatIndian(tk.breaches.length)})`}
        empty={tk.breaches.length === 0 ? t('report.noBreaches') : null}
      >
        <ReportTable
          columns={[{ title: t('sup.follow.ticket') }, { title: t('field.category') }, { title: t('field.priority') }, { title: t('followUp.dueBy') }, { title: t('field.status') }, { title: t('field.department') }]}
          rows={[...tk.breaches]
            .sort((a, b) => a.number - b.number)
            .map((b) => ({
              key: b.number,
              cells: [
                `#${b.number}`,
                vocab.category(b.category),
                t(`priority.${b.priority}`, { defaultValue: b.priority }),
                time.when(b.dueAt, time.noonOf(report.date)),
                t(`status.${b.status}`, { defaultValue: b.status }),
                b.department ? vocab.department(b.department) : '—',
              ],
            }))}
        />
      </ReportSection>
      <footer className="report-foot">{t('report.foot', { date: time.date(report.date) })}</footer>
    </article>
  );
}
