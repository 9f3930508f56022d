/**
 * The hub's state as this client last heard it: a snapshot plus the changes applied since.
 * Pure data and pure functions, so that ordering rules (seq grows by exactly one) are tested
 * without a socket. Every function returns a new state and never mutates its input, which lets
 * React compare by reference.
 */
import type { Call, Change, Counter, Seat, Snapshot, Ticket } from '../../../shared/protocol';
import { localDateKey } from '../../../shared/domain/localDay';
import { DEFAULT_HUB_TIME_ZONE, isKnownTimeZone } from './timeZone';

/** Far more than an outbox holds at once: an op is matched within moments of being sent. */
const MADE_BY_KEPT = 500;

export interface HubMirror {
  /** Last change applied; null until the first snapshot. */
  seq: number | null;
  counter: Counter;
  /** The hub's local day `counter.today` belongs to, so a quiet midnight still resets "Calls today". */
  counterDay: string | null;
  /** The hub's time zone as its `synced` named it; null until then (see `hubTimeZone`). */
  timeZone: string | null;
  seats: ReadonlyMap<number, Seat>;
  tickets: ReadonlyMap<string, Ticket>;
  /** Newest first (highest number first). Rebuilt incrementally. */
  ticketOrder: readonly Ticket[];
  /** Calls heard of while connected (call.started / call.ended), for timers and history. */
  calls: ReadonlyMap<string, Call>;
  /**
   * What the hub made for a client operation: the `opId` a `ticket.created` or `call.started`
   * change carried, to the id of the ticket or call. A console drops its optimistic copy the
   * moment the hub's copy arrives, even before its own ack does.
   */
  madeBy: ReadonlyMap<string, string>;
  you?: Snapshot['you'];
  /** Hub clock minus local clock, in ms, from the last snapshot. */
  clockOffsetMs: number;
  truncated: boolean;
}

export function emptyHubMirror(): HubMirror {
  return {
    seq: null,
    counter: { total: 0, today: 0 },
    counterDay: null,
    timeZone: null,
    seats: new Map(),
    tickets: new Map(),
    ticketOrder: [],
    calls: new Map(),
    madeBy: new Map(),
    clockOffsetMs: 0,
    truncated: false,
  };
}

export function newestFirst(a: Ticket, b: Ticket): number {
  return b.number - a.number;
}

export function applySnapshot(prev: HubMirror, snap: Snapshot, localNow: Date = new Date()): HubMirror {
  const seats = new Map<number, Seat>();
  for (const s of snap.seats) seats.set(s.seat, s);
  const tickets = new Map<string, Ticket>();
  for (const t of snap.tickets) tickets.set(t.id, t);
  // Tickets found earlier by search stay known: the snapshot only holds recent ones.
  for (const [id, t] of prev.tickets) if (!tickets.has(id)) tickets.set(id, t);
  const hubNow = snap.serverTime ? new Date(snap.serverTime) : localNow;
  const clockOffsetMs = snap.serverTime ? hubNow.getTime() - localNow.getTime() : prev.clockOffsetMs;
  const timeZone = zoneHeard(prev, snap.timeZone);
  return {
    seq: snap.seq,
    counter: snap.counter,
    counterDay: localDateKey(hubNow, hubTimeZone({ timeZone })),
    timeZone,
    seats,
    tickets,
    ticketOrder: [...tickets.values()].sort(newestFirst),
    calls: prev.calls,
    madeBy: prev.madeBy,
    you: snap.you ?? prev.you,
    clockOffsetMs,
    truncated: snap.truncated ?? false,
  };
}

export type ChangeOutcome =
  | { kind: 'applied'; state: HubMirror }
  /** Already applied (a repeat after a reconnect): nothing to do. */
  | { kind: 'duplicate' }
  /** One or more changes were missed: the client must catch up with `since`. */
  | { kind: 'gap'; expected: number; got: number };

export function applyChange(prev: HubMirror, change: Change, localNow: Date = new Date()): ChangeOutcome {
  if (prev.seq === null) return { kind: 'gap', expected: 0, got: change.seq };
  if (change.seq <= prev.seq) return { kind: 'duplicate' };
  if (change.seq !== prev.seq + 1) return { kind: 'gap', expected: prev.seq + 1, got: change.seq };
  const next: HubMirror = { ...prev, seq: change.seq };
  switch (change.type) {
    case 'call.started': {
      next.counter = change.data.counter;
      const at = change.at ? new Date(change.at) : new Date(localNow.getTime() + prev.clockOffsetMs);
      next.counterDay = localDateKey(at, hubTimeZone(prev));
      next.calls = withEntry(prev.calls, change.data.call.id, change.data.call);
      if (change.opId) next.madeBy = withEntry(prev.madeBy, change.opId, change.data.call.id, MADE_BY_KEPT);
      break;
    }
    case 'call.ended':
      next.calls = withEntry(prev.calls, change.data.call.id, change.data.call);
      break;
    case 'ticket.created':
      if (change.opId) next.madeBy = withEntry(prev.madeBy, change.opId, change.data.ticket.id, MADE_BY_KEPT);
      return { kind: 'applied', state: { ...next, ...withTicket(prev, change.data.ticket) } };
    case 'ticket.updated':
      return { kind: 'applied', state: { ...next, ...withTicket(prev, change.data.ticket) } };
    case 'seat.updated': {
      const seats = new Map(prev.seats);
      seats.set(change.data.seat.seat, change.data.seat);
      next.seats = seats;
      break;
    }
  }
  return { kind: 'applied', state: next };
}

/** Adds tickets that came from a search or an ack, without moving `seq`. Older versions never replace newer. */
export function mergeTickets(prev: HubMirror, incoming: readonly Ticket[]): HubMirror {
  let state = prev;
  for (const t of incoming) state = { ...state, ...withTicket(state, t) };
  return state;
}

function withTicket(prev: HubMirror, ticket: Ticket): Pick<HubMirror, 'tickets' | 'ticketOrder'> {
  const old = prev.tickets.get(ticket.id);
  if (old && old.version > ticket.version) return { tickets: prev.tickets, ticketOrder: prev.ticketOrder };
  const tickets = new Map(prev.tickets);
  tickets.set(ticket.id, ticket);
  const order = prev.ticketOrder.slice();
  if (old) {
    const i = order.findIndex((t) => t.id === ticket.id);
    if (i >= 0) order[i] = ticket;
  } else {
    order.splice(insertionIndex(order, ticket), 0, ticket);
  }
  return { tickets, ticketOrder: order };
}

/** Binary search in a newest-first list. */
function insertionIndex(order: readonly Ticket[], t: Ticket): number {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (order[mid]!.number > t.number) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function withEntry<K, V>(map: ReadonlyMap<K, V>, key: K, value: V, keep = 2000): Map<K, V> {
  const next = new Map(map);
  next.set(key, value);
  // Only recent entries matter to the screens; keep the map from growing through a long shift.
  if (next.size > keep) {
    const oldest = next.keys().next();
    if (!oldest.done) next.delete(oldest.value);
  }
  return next;
}

/** Counters pushed on their own (the hub's day rolled over, or a catch-up ended). */
export function applyCounter(prev: HubMirror, counter: Counter, localNow: Date = new Date()): HubMirror {
  const hubNow = new Date(localNow.getTime() + prev.clockOffsetMs);
  return { ...prev, counter, counterDay: localDateKey(hubNow, hubTimeZone(prev)) };
}

/** The hub says this client is current: its clock, its time zone and its counters. */
export function applySynced(prev: HubMirror, info: { counter: Counter; serverTime: string; timeZone?: string }, localNow: Date = new Date()): HubMirror {
  const offset = Date.parse(info.serverTime) - localNow.getTime();
  const clockOffsetMs = Number.isFinite(offset) ? offset : prev.clockOffsetMs;
  return applyCounter({ ...prev, clockOffsetMs, timeZone: zoneHeard(prev, info.timeZone) }, info.counter, localNow);
}

/** The zone the hub named; one this browser cannot show (or none, from an older hub) leaves the one in use. */
function zoneHeard(prev: Pick<HubMirror, 'timeZone'>, named: string | undefined): string | null {
  return named !== undefined && isKnownTimeZone(named) ? named : prev.timeZone;
}

/** The zone the hub keeps its days in: the one it named, else its default. */
export function hubTimeZone(state: Pick<HubMirror, 'timeZone'>): string {
  return state.timeZone ?? DEFAULT_HUB_TIME_ZONE;
}

/** "Calls today" as of `hubNow`: zero once the hub's day has moved on since the counter was last told. */
export function callsToday(state: HubMirror, hubNow: Date): number {
  if (state.counterDay && state.counterDay !== localDateKey(hubNow, hubTimeZone(state))) return 0;
  return state.counter.today;
}
