/**
 * A client's copy of the hub's state, built the way a console builds it: from a `snapshot`,
 * then by applying each `change` in `seq` order. Tests compare it with a fresh snapshot to show
 * that the stream of changes alone carries the whole state.
 */
import type { Change, Counter, Seat, Snapshot, Ticket } from '../../shared/protocol';

export type Mirror = {
  seq: number;
  counter: Counter;
  seats: Map<number, Seat>;
  tickets: Map<string, Ticket>;
};

export function mirrorFromSnapshot(s: Snapshot): Mirror {
  return {
    seq: s.seq,
    counter: { ...s.counter },
    seats: new Map(s.seats.map((seat) => [seat.seat, seat])),
    tickets: new Map(s.tickets.map((t) => [t.id, t])),
  };
}

export function cloneMirror(m: Mirror): Mirror {
  return { seq: m.seq, counter: { ...m.counter }, seats: new Map(m.seats), tickets: new Map(m.tickets) };
}

/**
 * Applies one change. Returns a description of what was wrong with its `seq` (a gap or a
 * repeat), or null when it was exactly the next one. The change is applied either way, so a
 * test can report every problem at once.
 */
export function applyChange(m: Mirror, c: Change): string | null {
  const problem = c.seq === m.seq + 1 ? null : `expected seq ${m.seq + 1}, got ${c.seq} (${c.type})`;
  m.seq = Math.max(m.seq, c.seq);
  switch (c.type) {
    case 'call.started':
      m.counter = { ...c.data.counter };
      break;
    case 'call.ended':
      break;
    case 'ticket.created':
    case 'ticket.updated':
      m.tickets.set(c.data.ticket.id, c.data.ticket);
      break;
    case 'seat.updated':
      m.seats.set(c.data.seat.seat, c.data.seat);
      break;
    default:
      return `unknown change type ${(c as { type: string }).type}`;
  }
  return problem;
}

/** A plain, order-independent form of the state, for `toEqual`. */
export function comparable(m: Mirror): { seq: number; counter: Counter; seats: Seat[]; tickets: Ticket[] } {
  return {
    seq: m.seq,
    counter: m.counter,
    seats: [...m.seats.values()].sort((a, b) => a.seat - b.seat),
    tickets: [...m.tickets.values()].sort((a, b) => a.number - b.number),
  };
}
