import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../shared/protocol/ticket';
import { maskTicket, scrubPhones } from './mask';

const ticket: Ticket = {
  id: 't1', number: 1, version: 1, status: 'open', category: 'food_ration', phone: '+919876543210',
  callerName: 'Ramesh', locality: 'Sector 14', priority: 'normal', description: 'No ration; call back on 98765 43210 or 0124-2345678',
  createdAt: '2026-11-28T00:00:00Z', updatedAt: '2026-11-28T00:00:00Z', seat: 3,
  notes: [{ id: 'n', at: '2026-11-28T00:00:00Z', seat: 3, author: 'Asha', text: 'called 9876543210' }],
};

describe('maskTicket', () => {
  it('leaves no full phone number and no caller name in what the wall receives', () => {
    const json = JSON.stringify(maskTicket(ticket));
    expect(json).not.toMatch(/98765|9876543210|2345678|Ramesh/);
    expect(json).toContain('3210');
    expect(json).toContain('Sector 14');
  });
  it('keeps short numbers such as sector numbers and counts', () => {
    expect(scrubPhones('Sector 14, 200 families, pin 122001')).toBe('Sector 14, 200 families, pin 122001');
  });
});
