/** Pieces both the console and the wall show the same way. */
import { useTranslation } from 'react-i18next';
import { formatPhone } from '../../../shared/domain/phone';
import { switchLanguage } from '../i18n';
import { formatIndian } from './format';
import type { HubTime } from './hubTime';

/** The two counters; their accessible names are part of the contract ("Total calls", "Calls today"). */
export function Counters({ total, today, ready, className }: { total: number; today: number; ready: boolean; className?: string }) {
  const { t } = useTranslation();
  return (
    <div className={`counters ${className ?? ''}`}>
      <div className="counter">
        <span className="counter-label" aria-hidden="true">
          {t('top.totalCalls')}
        </span>
        <output className="counter-value" aria-label={t('top.totalCalls')}>
          {ready ? formatIndian(total) : '…'}
        </output>
      </div>
      <div className="counter">
        <span className="counter-label" aria-hidden="true">
          {t('top.callsToday')}
        </span>
        <output className="counter-value" aria-label={t('top.callsToday')}>
          {ready ? formatIndian(today) : '…'}
        </output>
      </div>
    </div>
  );
}

/** The time of day in the hub's zone, named ("14:05:09 IST"). */
export function HubClock({ now, time, className }: { now: Date; time: HubTime; className?: string }) {
  const { t } = useTranslation();
  const zone = time.zoneName(now);
  return (
    <time className={`clock ${className ?? ''}`} dateTime={now.toISOString()} aria-label={t('top.time', { zone })}>
      {time.clock(now)} <span className="clock-zone">{zone}</span>
    </time>
  );
}

export function LanguageSwitch() {
  const { t } = useTranslation();
  return (
    <button type="button" className="lang-switch" onClick={() => switchLanguage()} aria-label={t('lang.switchLabel')} title="Alt+L">
      <span lang={t('lang.switchTo') === 'English' ? 'en' : 'hi'}>{t('lang.switchTo')}</span>
    </button>
  );
}

/**
 * A phone number as people read it ("98765 43210"), with the stored form beside it for
 * screen readers and for finding it by any spelling on the page.
 */
export function PhoneText({ phone }: { phone: string }) {
  if (!phone) return null;
  const shown = formatPhone(phone);
  return (
    <span className="phone">
      <span aria-hidden="true">{shown}</span>
      <span className="sr-only">{phone}</span>
    </span>
  );
}
