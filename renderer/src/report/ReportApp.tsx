/**
 * The daily situation report, `/report?date=YYYY-MM-DD`: the day's calls, tickets, categories,
 * departments and service-level breaches, laid out to print on A4 (or save as PDF). It signs in
 * with the supervisor key this browser remembers from /supervisor, or `?key=` in the address.
 * It only asks for reports, so it connects without the floor's snapshot (`snapshot: false`).
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { desktopApi } from '../../../shared/desktop/api';
import { CALL_DISPOSITIONS } from '../../../shared/protocol/vocabulary';
import type { DailyReport } from '../../../shared/protocol';
import { loadSession } from '../common/session/session';
import { createBrowserClient } from '../hubLink/browser';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { dayHeading, duration, formatIndian } from '../ui/format';
import { hubTime } from '../ui/hubTime';
import { hubNow, hubTimeOf, useClientView, useVocabulary } from '../ui/hooks';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The key from the address is used once and taken out of it, so it is not left in the history. */
function reportKey(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('key');
  if (fromUrl) {
    url.searchParams.delete('key');
    window.history.replaceState(null, '', url);
    return fromUrl;
  }
  return loadSession('supervisor')?.key || null;
}

function dateFromAddress(): string | null {
  const d = new URLSearchParams(window.location.search).get('date');
  return d && DATE.test(d) ? d : null;
}

function shiftDay(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function ReportApp() {
  const { t } = useTranslation();
  const key = useMemo(reportKey, []);
  if (!key) {
    return (
      <main className="report-page">
        <p className="alert alert-warn report-signin">
          {t('report.needKey')} <a href="/supervisor">{t('report.toConsole')}</a>
        </p>
      </main>
    );
  }
  return <Report reportKey={key} />;
}

function Report({ reportKey }: { reportKey: string }) {
  const { t, i18n } = useTranslation();
  const client = useMemo(() => createBrowserClient({ key: reportKey, name: loadSession('supervisor')?.name || 'Report', snapshot: false }, { readOnly: true }), [reportKey]);
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
        <label className="report-date">
          <span>{t('sup.reports.date')}</span>
          <input type="date" value={date ?? ''} onChange={(e) => DATE.test(e.target.value) && setDate(e.target.value)} />
        </label>
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
      {report && <ReportBody report={report} vocab={vocab} lang={i18n.language} />}
    </main>
  );
}

function ReportBody({ report, vocab, lang }: { report: DailyReport; vocab: ReturnType<typeof useVocabulary>; lang: string }) {
  const { t } = useTranslation();
  const c = report.calls;
  const tk = report.tickets;
  const max = Math.max(1, ...c.hourly);
  // The report's times are in the zone the hub kept that day in, which it names.
  const time = hubTime(report.timeZone);
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
        <p className="report-meta">{t('report.meta', { zone: report.timeZone, time: `${time.day(generated)} ${time.clock(generated)}` })}</p>
      </header>

      <section className="report-section" aria-labelledby="rep-totals">
        <h2 id="rep-totals">{t('report.totals.title')}</h2>
        <dl className="report-totals">
          {totals.map((x) => (
            <div key={x.k}>
              <dt>{t(x.k)}</dt>
              <dd>{x.v}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section className="report-section" aria-labelledby="rep-hourly">
        <h2 id="rep-hourly">{t('report.hourly')}</h2>
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
      </section>

      <div className="report-two">
        <section className="report-section" aria-labelledby="rep-dispositions">
          <h2 id="rep-dispositions">{t('report.dispositions')}</h2>
          <table className="report-table">
            <thead>
              <tr>
                <th scope="col">{t('call.disposition')}</th>
                <th scope="col" className="num">
                  {t('report.calls')}
                </th>
                <th scope="col" className="num">
                  %
                </th>
              </tr>
            </thead>
            <tbody>
              {CALL_DISPOSITIONS.map((d) => (
                <tr key={d}>
                  <th scope="row">{t(`disposition.${d}`)}</th>
                  <td className="num">{formatIndian(c.byDisposition[d] ?? 0)}</td>
                  <td className="num">{dispositionTotal ? Math.round(((c.byDisposition[d] ?? 0) / dispositionTotal) * 100) : 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <section className="report-section" aria-labelledby="rep-categories">
          <h2 id="rep-categories">{t('report.categories')}</h2>
          {tk.byCategory.length === 0 ? (
            <p className="muted">{t('report.none')}</p>
          ) : (
            <table className="report-table">
              <thead>
                <tr>
                  <th scope="col">{t('field.category')}</th>
                  <th scope="col" className="num">
                    {t('report.raised')}
                  </th>
                  <th scope="col" className="num">
                    {t('report.resolved')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {tk.byCategory.map((x) => (
                  <tr key={x.category}>
                    <th scope="row">{vocab.category(x.category)}</th>
                    <td className="num">{formatIndian(x.raised)}</td>
                    <td className="num">{formatIndian(x.resolved)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>

      <section className="report-section" aria-labelledby="rep-departments">
        <h2 id="rep-departments">{t('report.departments')}</h2>
        {tk.byDepartment.length === 0 ? (
          <p className="muted">{t('report.none')}</p>
        ) : (
          <table className="report-table">
            <thead>
              <tr>
                <th scope="col">{t('field.department')}</th>
                <th scope="col" className="num">
                  {t('report.forwarded')}
                </th>
                <th scope="col" className="num">
                  {t('report.acknowledged')}
                </th>
                <th scope="col" className="num">
                  {t('report.pending')}
                </th>
              </tr>
            </thead>
            <tbody>
              {tk.byDepartment.map((x) => (
                <tr key={x.department}>
                  <th scope="row">{vocab.department(x.department)}</th>
                  <td className="num">{formatIndian(x.forwarded)}</td>
                  <td className="num">{formatIndian(x.acknowledged)}</td>
                  <td className="num">{formatIndian(x.pending)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="report-section report-breaches" aria-labelledby="rep-breaches">
        <h2 id="rep-breaches">
          {t('report.breaches')} ({formatIndian(tk.breaches.length)})
        </h2>
        {tk.breaches.length === 0 ? (
          <p className="muted">{t('report.noBreaches')}</p>
        ) : (
          <table className="report-table">
            <thead>
              <tr>
                <th scope="col">{t('sup.follow.ticket')}</th>
                <th scope="col">{t('field.category')}</th>
                <th scope="col">{t('field.priority')}</th>
                <th scope="col">{t('followUp.dueBy')}</th>
                <th scope="col">{t('field.status')}</th>
                <th scope="col">{t('field.department')}</th>
              </tr>
            </thead>
            <tbody>
              {[...tk.breaches]
                .sort((a, b) => a.number - b.number)
                .map((b) => (
                <tr key={b.number}>
                  <th scope="row">#{b.number}</th>
                  <td>{vocab.category(b.category)}</td>
                  <td>{t(`priority.${b.priority}`, { defaultValue: b.priority })}</td>
                  <td>{time.when(b.dueAt, time.noonOf(report.date))}</td>
                  <td>{t(`status.${b.status}`, { defaultValue: b.status })}</td>
                  <td>{b.department ? vocab.department(b.department) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <footer className="report-foot">{t('report.foot', { date: report.date })}</footer>
    </article>
  );
}
