/**
 * The hub's small in-memory state: last change seq, the counters, the seats and the next
 * ticket number. The writer works on a copy during a batch and makes it live only after the
 * batch commits, so memory never runs ahead of disk. A state once live is never changed again:
 * the next batch works on a copy of it, so a state can be kept as the state at its seq.
 */
import type { Seat } from '../../../shared/protocol/seat';
import { localDateKey } from '../../../shared/domain/localDay';

export type LiveState = {
  seq: number;
  /** After a restore: clients that saw an older seq than this get a snapshot, not changes. */
  seqFloor: number;
  /**
   * The seq of the last change to a ticket (created or updated). The tickets read at any seq
   * from this one up to the next ticket change are the same; after a start, the start's seq.
   */
  ticketsSeq: number;
  initialTotal: number;
  callsTotal: number;
  callsToday: number;
  /** Local date that `callsToday` counts, e.g. "2026-11-28". */
  dayKey: string;
  nextTicketNumber: number;
  seats: Map<number, Seat & { resumeState?: Seat['state'] }>;
};

export function cloneState(s: LiveState): LiveState {
  return { ...s, seats: new Map([...s.seats].map(([k, v]) => [k, { ...v }])) };
}

export function counterOf(s: LiveState, now: Date, timeZone: string): { total: number; today: number } {
  const today = localDateKey(now, timeZone) === s.dayKey ? s.callsToday : 0;
  return { total: s.initialTotal + s.callsTotal, today };
}

/** Rolls `callsToday` over when local midnight has passed. */
export function rollDay(s: LiveState, now: Date, timeZone: string): void {
  const key = localDateKey(now, timeZone);
  if (key !== s.dayKey) {
    s.dayKey = key;
    s.callsToday = 0;
  }
}

export function publicSeat(s: Seat & { resumeState?: unknown }): Seat {
  const { resumeState: _r, ...seat } = s;
  if (seat.callId === undefined) delete seat.callId;
  if (seat.name === undefined) delete seat.name;
  if (seat.user === undefined) delete seat.user;
  return seat;
}
