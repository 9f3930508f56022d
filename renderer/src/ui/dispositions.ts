/**
 * A day's dispositions of one person in one cell, "Information given 5 · Ticket raised 3": in the
 * contract's order, the ones that happened, in the page's words with Indian grouping. The
 * supervisor's figures and the daily report both say it so.
 */
import { CALL_DISPOSITIONS, type CallDisposition } from '../../../shared/protocol/vocabulary';
import { formatIndian } from './format';

export function dispositionCounts(d: Partial<Record<CallDisposition, number>>): [CallDisposition, number][] {
  return CALL_DISPOSITIONS.filter((k) => (d[k] ?? 0) > 0).map((k) => [k, d[k]!]);
}

export function dispositionsText(d: Partial<Record<CallDisposition, number>>, t: (key: string) => string): string {
  return (
    dispositionCounts(d)
      .map(([k, n]) => `${t(`disposition.${k}`)} ${formatIndian(n)}`)
      .join(' · ') || '—'
  );
}
