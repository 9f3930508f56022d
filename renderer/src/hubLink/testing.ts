/** Builders for the hub link's tests. */
import type { Ticket } from '../../../shared/protocol';

export function ticket(n: number, extra: Partial<Ticket> = {}): Ticket {
  return {
    id: `t${n}`,
    number: n,
    version: 1,
    status: 'open',
    category: 'food_ration',
    phone: '+919876543210',
    priority: 'normal',
    description: `ticket ${n}`,
    createdAt: '2026-11-28T10:00:00.000Z',
    updatedAt: '2026-11-28T10:00:00.000Z',
    seat: 1,
    notes: [],
    ...extra,
  };
}
