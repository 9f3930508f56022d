import { useTranslation } from 'react-i18next';
import type { HubTime } from './hubTime';

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
