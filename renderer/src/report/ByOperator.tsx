/**
 * The day by operator: each person who took a call, raised a ticket or held a seat that day, with
 * their calls, average call, tickets, how their calls ended and time on break. Shown when the hub
 * sends it (a hub with accounts always does).
 */
import { useTranslation } from 'react-i18next';
import type { OperatorDay } from '../../../shared/protocol/reports';
import { dispositionsText } from '../ui/dispositions';
import { duration, formatIndian } from '../ui/format';
import { ReportSection, ReportTable } from './ReportParts';

/** Busiest first, then by name: the order a report is read in. */
export function byOperatorOrder(days: readonly OperatorDay[]): OperatorDay[] {
  return [...days].sort((a, b) => b.calls - a.calls || a.name.localeCompare(b.name) || a.username.localeCompare(b.username));
}

export function ByOperator({ days }: { days: readonly OperatorDay[] | undefined }) {
  const { t } = useTranslation();
  if (!days) return null;
  return (
    <ReportSection id="rep-operators" title={t('report.byOperator')} empty={days.length === 0 ? t('report.none') : null}>
      <ReportTable
        columns={[
          { title: t('sup.people.operator') },
          { title: t('report.calls'), num: true },
          { title: t('report.totals.avgCall'), num: true },
          { title: t('sup.people.tickets'), num: true },
          { title: t('sup.people.dispositions') },
          { title: t('report.onBreak'), num: true },
        ]}
        rows={byOperatorOrder(days).map((d) => ({
          key: d.username,
          cells: [
            d.name,
            formatIndian(d.calls),
            d.avgHandleSeconds === null ? '—' : duration(d.avgHandleSeconds * 1000),
            formatIndian(d.tickets),
            dispositionsText(d.dispositions, t),
            duration(d.breakSeconds * 1000),
          ],
        }))}
      />
    </ReportSection>
  );
}
