import { useTranslation } from 'react-i18next';
import type { FloorStats } from '../../../shared/protocol';
import { duration, formatIndian } from '../ui/format';

/** The hub's floor figures in one line of big numbers; absent until the hub sends them. */
export function StatsStrip({ stats }: { stats: FloorStats | null }) {
  const { t } = useTranslation();
  if (!stats) return null;
  const open = stats.openByStatus.open + stats.openByStatus.in_progress + stats.openByStatus.forwarded;
  const items: { key: string; label: string; value: string; alert?: boolean }[] = [
    { key: 'lastHour', label: t('wall.stats.lastHour'), value: formatIndian(stats.lastHour) },
    { key: 'open', label: t('wall.stats.open'), value: formatIndian(open) },
    { key: 'overdue', label: t('wall.stats.overdue'), value: formatIndian(stats.overdue), alert: stats.overdue > 0 },
    { key: 'dropped', label: t('wall.stats.dropped'), value: formatIndian(stats.droppedToday) },
    { key: 'avg', label: t('wall.stats.avgCall'), value: stats.avgHandleSeconds === null ? '—' : duration(stats.avgHandleSeconds * 1000) },
  ];
  return (
    <dl className="stats-strip" aria-label={t('wall.stats.region')}>
      {items.map((i) => (
        <div key={i.key} className={`stat ${i.alert ? 'stat-alert' : ''}`}>
          <dt>{i.label}</dt>
          <dd>{i.value}</dd>
        </div>
      ))}
    </dl>
  );
}
