/**
 * Reports: CSV exports of tickets and calls for a range of days, the daily situation report,
 * and a backup on demand. An export is a one-minute, single-use link that the hub streams
 * straight to a file: no rows pass through this page's memory, however many there are.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientView, HubClient } from '../hubLink/client';
import { errorText } from '../ui/errorText';
import { Field } from '../ui/Field';
import { bytes } from '../ui/format';
import { hubTimeOf } from '../ui/hooks';

type ExportKind = 'tickets' | 'calls';

/** Starts a download of a same-origin link without leaving the page. */
function download(url: string, filename: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function ReportsView({ client, view, hubNow }: { client: HubClient; view: ClientView; hubNow: Date }) {
  const { t, i18n } = useTranslation();
  const time = hubTimeOf(view);
  const today = time.day(hubNow);
  const connected = view.connection === 'connected';
  const [kind, setKind] = useState<ExportKind>('tickets');
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [exportState, setExportState] = useState<{ state: 'idle' | 'starting' | 'started' | 'error'; text?: string }>({ state: 'idle' });
  const [reportDate, setReportDate] = useState(today);
  const [backup, setBackup] = useState<{ state: 'idle' | 'running' | 'done' | 'error'; text?: string }>({ state: 'idle' });

  async function startExport() {
    if (!from || !to || from > to) return setExportState({ state: 'error', text: t('sup.reports.badRange') });
    setExportState({ state: 'starting' });
    const r = await client.request('export:start', { kind, from, to });
    if (!r.ok) return setExportState({ state: 'error', text: errorText(t, r.error.code) });
    download(r.url, r.filename);
    setExportState({ state: 'started', text: t('sup.reports.downloading', { file: r.filename }) });
  }

  async function backupNow() {
    setBackup({ state: 'running' });
    // A backup of a large database takes a while; it is checked before it is reported.
    const r = await client.request('backup:now', {}, 120_000);
    if (!r.ok) return setBackup({ state: 'error', text: errorText(t, r.error.code) });
    const b = r.backup;
    setBackup({ state: 'done', text: t('sup.reports.backupDone', { file: b.file, size: bytes(b.bytes), ms: b.ms, time: time.clock(b.at), zone: time.zoneName(new Date(b.at)) }) });
  }

  return (
    <div className="sup-reports">
      <section className="panel cfg-section" aria-labelledby="rep-export">
        <h2 id="rep-export" className="panel-title">
          {t('sup.reports.export')}
        </h2>
        <p className="small muted">{t('sup.reports.exportHint')}</p>
        <div className="cfg-row">
          <Field label={t('sup.reports.kind')}>
            <select value={kind} onChange={(e) => setKind(e.target.value as ExportKind)}>
              <option value="tickets">{t('sup.reports.kindTickets')}</option>
              <option value="calls">{t('sup.reports.kindCalls')}</option>
            </select>
          </Field>
          <Field label={t('sup.reports.from')}>
            <input type="date" value={from} max={today} onChange={(e) => setFrom(e.target.value)} />
          </Field>
          <Field label={t('sup.reports.to')}>
            <input type="date" value={to} max={today} onChange={(e) => setTo(e.target.value)} />
          </Field>
          <button type="button" className="btn btn-primary" onClick={() => void startExport()} disabled={!connected || exportState.state === 'starting'}>
            {t('sup.reports.download')}
          </button>
        </div>
        <p className={exportState.state === 'error' ? 'field-error' : 'small'} role="status">
          {exportState.state === 'starting' ? t('sup.reports.preparing') : (exportState.text ?? '')}
        </p>
      </section>

      <section className="panel cfg-section" aria-labelledby="rep-daily">
        <h2 id="rep-daily" className="panel-title">
          {t('sup.reports.daily')}
        </h2>
        <p className="small muted">{t('sup.reports.dailyHint')}</p>
        <div className="cfg-row">
          <Field label={t('sup.reports.date')}>
            <input type="date" value={reportDate} max={today} onChange={(e) => setReportDate(e.target.value)} />
          </Field>
          <a className="btn btn-primary" href={`/report?date=${encodeURIComponent(reportDate)}&lang=${i18n.language === 'hi' ? 'hi' : 'en'}`}>
            {t('sup.reports.openDaily')}
          </a>
        </div>
      </section>

      <section className="panel cfg-section" aria-labelledby="rep-backup">
        <h2 id="rep-backup" className="panel-title">
          {t('sup.reports.backup')}
        </h2>
        <p className="small muted">{t('sup.reports.backupHint')}</p>
        <div className="cfg-actions">
          <button type="button" className="btn btn-primary" onClick={() => void backupNow()} disabled={!connected || backup.state === 'running'}>
            {t('sup.reports.backupNow')}
          </button>
        </div>
        <p className={backup.state === 'error' ? 'field-error' : 'small'} role="status" aria-label={t('sup.reports.backupResult')}>
          {backup.state === 'running' ? t('sup.reports.backupRunning') : (backup.text ?? '')}
        </p>
      </section>
    </div>
  );
}
