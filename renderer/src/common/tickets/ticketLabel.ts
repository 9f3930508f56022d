import type { ViewTicket } from '../../hubLink/view';

/** "#12", or "#—" for a ticket that has no number yet (created offline). */
export function ticketLabel(t: Pick<ViewTicket, 'number'>): string {
  return t.number > 0 ? `#${t.number}` : '#—';
}
