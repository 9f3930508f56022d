import type { TicketStatus } from '../protocol/vocabulary';

/**
 * Which status changes a ticket may make. Work moves freely among the open states, but a
 * closed ticket is finished: it can only be reopened, so that a stray click on an old ticket
 * cannot quietly mark it "in progress" again.
 */
export function statusChangeError(from: TicketStatus, to: TicketStatus): string | null {
  if (from === to) return null;
  if (from === 'closed' && to !== 'open') return 'a closed ticket can only be reopened';
  return null;
}

/** Tickets the floor still has to act on. */
export function isActive(status: TicketStatus): boolean {
  return status !== 'resolved' && status !== 'closed';
}
