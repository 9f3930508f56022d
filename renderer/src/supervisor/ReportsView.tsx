/**
 * Reports: CSV exports of tickets and calls for a range of days, the daily situation report,
 * and a backup on demand. An export is a one-minute, single-use link that the hub streams
 * straight to a file: no rows pass through this page's memory, however many there are.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupNowResult } from '../../../shared/protocol';
import type { ClientView, HubClient } from '../hubLink/client';
import { currentLanguage } from '../i18n';
import { DateField } from '../ui/DateField';
import { errorText } from '../ui/errorText';
import { Field } from '../ui/Field';
import { bytes } from '../ui/format';
import { hubTimeOf } from '../ui/hooks';
import type { HubTime } from '../ui/hubTime';
import { Section } from './Section';

type ExportKind = 'tickets' | 'calls';
type Backup = BackupNowResult['backup'];
type T = (key: string, o?: Record<string, unknown>) => string;

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

/** The hub names the backup by its full path on the hub's PC: the file name is what people read. */
export function fileAndFolder(path: string): { file: string; folder: string } {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut < 0 ? { file: path, folder: '' } : { file: path.slice(cut + 1), folder: path.slice(0, cut) || path.slice(0, 1) };
}

/** "in 3 seconds", "in under a second": how long the backup and its check took. */
function tookWords(ms: number, t: T): string {
  return ms < 1000 ? t('units.underSecond') : t('units.seconds', { count: Math.round(ms / 1000) });
}

function BackupResult({ backup, time }: { backup: Backup; time: HubTime }) {
  const { t } = useTranslation();
  const at = new Date(backup.at);
  const { file, folder } = fileAndFolder(backup.file);
  return (
    <>
      {t('sup.reports.backupDone', { time: time.clockMinutes(at), zone: time.zoneName(at), size: bytes(backup.bytes, (u) => t(`units.${u}`)), duration: tookWords(backup.ms, t) })}
      <span className="backup-where small muted" title={backup.file}>
        {t('sup.reports.backupFile', { file })}
        {folder && <> · {t('sup.reports.backupFolder', { folder })}</>}
      </span>
    </>
  );
}

export function ReportsView({ client, view, hubNow }: { client: HubClient; view: ClientView; hubNow: Date }) {
  const { t } = useTranslation();
  const time = hubTimeOf(view);
  const today = time.day(hubNow);
  const connected = view.connection === 'connected';
  const [kind, setKind] = useState<ExportKind>('tickets');
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [exportState, setExportState] = useState<{ state: 'idle' | 'starting' | 'started' | 'error'; text?: string }>({ state: 'idle' });
  const [reportDate, setReportDate] = useState(today);
  const [backup, setBackup] = useState<{ state: 'idle' | 'running' | 'error'; text?: string } | { state: 'done'; backup: Backup }>({ state: 'idle' });

  async function startExport() {
    if (!from || !to || from > to) return setExportState({ state: 'error', text: t('sup.reports.badRange') });
    setExportState({ state: 'starting' });
    // The file's header and labels come in the language this console is in.
    const r = await client.request('export:start', { kind, from, to, lang: currentLanguage() });
    if (!r.ok) return setExportState({ state: 'error', text: errorText(t, r.error.code) });
    download(r.url, r.filename);
    setExportState({ state: 'started', text: t('sup.reports.downloading', { file: r.filename }) });
  }

  async function backupNow() {
    setBackup({ state: 'running' });
    // A backup of a large database takes a while; it is checked before it is reported.
    const r = await client.request('backup:now', {}, 120_000);
    if (!r.ok) return setBackup({ state: 'error', text: errorText(t, r.error.code) });
    setBackup({ state: 'done', backup: r.backup });
  }

  return (
    <div className="sup-reports">
      <Section id="rep-export" title={t('sup.reports.export')} hint={t('sup.reports.exportHint')}>
        <div className="cfg-row">
          <Field label={t('sup.reports.kind')}>
            <select value={kind} onChange={(e) => setKind(e.target.value as ExportKind)}>
              <option value="tickets">{t('sup.reports.kindTickets')}</option>
              <option value="calls">{t('sup.reports.kindCalls')}</option>
            </select>
          </Field>
          <DateField label={t('sup.reports.from')} value={from} max={today} onChange={setFrom} />
          <DateField label={t('sup.reports.to')} value={to} max={today} onChange={setTo} />
          <button type="button" className="btn btn-primary" onClick={() => void startExport()} disabled={!connected || exportState.state === 'starting'}>
            {t('sup.reports.download')}
          </button>
        </div>
        <p className={exportState.state === 'error' ? 'field-error' : 'small'} role="status">
          {exportState.state === 'starting' ? t('sup.reports.preparing') : (exportState.text ?? '')}
        </p>
      </Section>

      <Section id="rep-daily" title={t('sup.reports.daily')} hint={t('sup.reports.dailyHint')}>
        <div className="cfg-row">
          <DateField label={t('sup.reports.date')} value={reportDate} max={today} onChange={setReportDate} />
          <a className="btn btn-primary" href={`/report?date=${encodeURIComponent(reportDate)}&lang=${currentLanguage()}`}>
            {t('sup.reports.openDaily')}
          </a>
        </div>
      </Section>

      <Section id="rep-backup" title={t('sup.reports.backup')} hint={t('sup.reports.backupHint')}>
        <div className="cfg-actions">
          <button type="button" className="btn btn-primary" onClick={() => void backupNow()} disabled={!connected || backup.state === 'running'}>
            {t('sup.reports.backupNow')}
          </button>
        </div>
        <p className={backup.state === 'error' ? 'field-error' : 'small'} role="status" aria-label={t('sup.reports.backupResult')}>
          {backup.state === 'running' ? t('sup.reports.backupRunning') : backup.state === 'done' ? <BackupResult backup={backup.backup} time={time} /> : (backup.text ?? '')}
        </p>
      </Section>
    </div>
  );
}
