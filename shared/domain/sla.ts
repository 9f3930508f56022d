/** Service-level targets: how long a ticket of a category and priority may take to be resolved. */
import type { SlaConfig } from '../protocol/config';
import type { Ticket } from '../protocol/ticket';

/** Hours allowed for a ticket of this category and priority. */
export function slaHours(sla: SlaConfig, category: string, priority: 'normal' | 'urgent'): number {
  const own = sla.perCategory[category];
  return priority === 'urgent' ? (own?.urgentHours ?? sla.urgentHours) : (own?.normalHours ?? sla.normalHours);
}

/** When the ticket should be resolved: its creation plus its target. */
export function dueAt(sla: SlaConfig, t: Pick<Ticket, 'createdAt' | 'category' | 'priority'>): string {
  return new Date(Date.parse(t.createdAt) + slaHours(sla, t.category, t.priority) * 3_600_000).toISOString();
}
