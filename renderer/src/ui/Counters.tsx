import { useTranslation } from 'react-i18next';
import { formatIndian } from './format';

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
