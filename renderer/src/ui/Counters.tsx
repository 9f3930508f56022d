import { useTranslation } from 'react-i18next';
import { formatIndian } from './format';

/** The two counters; their accessible names are part of the contract ("Total calls", "Calls today"). */
export function Counters({ total, today, ready, className }: { total: number; today: number; ready: boolean; className?: string }) {
  const { t } = useTranslation();
  const figures = [
    ['top.totalCalls', total],
    ['top.callsToday', today],
  ] as const;
  return (
    <div className={`counters ${className ?? ''}`}>
      {figures.map(([label, value]) => (
        <div className="counter" key={label}>
          <span className="counter-label" aria-hidden="true">
            {t(label)}
          </span>
          <output className="counter-value" aria-label={t(label)}>
            {ready ? formatIndian(value) : '…'}
          </output>
        </div>
      ))}
    </div>
  );
}
