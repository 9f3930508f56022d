/**
 * What the wall receives: the same snapshot and changes, with every phone number masked to
 * its last four digits and callers' names and notes left out. The wall is on a screen the
 * whole floor and its visitors can read.
 */
import type { Call } from '../../shared/protocol/call';
import type { Change } from '../../shared/protocol/change';
import type { Ticket } from '../../shared/protocol/ticket';
import { maskPhone } from '../../shared/domain/phone';

/** Numbers typed into free text ("call back on 98765 43210") are masked too. */
export function scrubPhones(text: string): string {
  return text.replace(/\+?\d[\d\s-]{6,}\d/g, (run) => (run.replace(/\D/g, '').length >= 8 ? maskPhone(run) : run));
}

export function maskTicket(t: Ticket): Ticket {
  const { callerName: _name, ...rest } = t;
  return {
    ...rest,
    phone: maskPhone(t.phone),
    description: scrubPhones(t.description),
    ...(t.locality ? { locality: scrubPhones(t.locality) } : {}),
    notes: [],
  };
}

export function maskCall(c: Call): Call {
  return c.phone ? { ...c, phone: maskPhone(c.phone) } : c;
}

export function maskChange(c: Change): Change {
  switch (c.type) {
    case 'call.started':
      return { ...c, data: { ...c.data, call: maskCall(c.data.call) } };
    case 'call.ended':
      return { ...c, data: { call: maskCall(c.data.call) } };
    case 'ticket.created':
    case 'ticket.updated':
      return { ...c, data: { ticket: maskTicket(c.data.ticket) } } as Change;
    default:
      return c;
  }
}
