/** Seat presence: persisted so that a restarted hub knows names and open calls of its seats. */
import type { Seat } from '../../../shared/protocol/seat';
import { publicSeat, type LiveState } from './state';
import type { Tx } from './writer';

export type StoredSeat = LiveState['seats'] extends Map<number, infer S> ? S : never;

/**
 * Writes `next` for the seat and emits `seat.updated` when anything visible changed. Each
 * stretch in one state (offline aside) is logged in `seat_states` with the person on the seat,
 * which is what time on break is summed from.
 */
export async function putSeat(tx: Tx, next: StoredSeat): Promise<Seat> {
  const prev = tx.state.seats.get(next.seat);
  tx.state.seats.set(next.seat, next);
  await tx.db.run(
    `INSERT INTO seats (seat, name, username, state, since, call_id, resume_state) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(seat) DO UPDATE SET name = excluded.name, username = excluded.username, state = excluded.state, since = excluded.since,
       call_id = excluded.call_id, resume_state = excluded.resume_state`,
    [next.seat, next.name ?? null, next.user ?? null, next.state, next.since, next.callId ?? null, next.resumeState ?? null],
  );
  if (!prev || prev.state !== next.state || prev.user !== next.user) await logSeatState(tx, next);
  const seat = publicSeat(next);
  if (!prev || JSON.stringify(publicSeat(prev)) !== JSON.stringify(seat)) tx.emit('seat.updated', { seat });
  return seat;
}

/** Closes the seat's open stretch where the new one begins, and opens the new one unless it is offline. */
async function logSeatState(tx: Tx, seat: StoredSeat): Promise<void> {
  await tx.db.run('UPDATE seat_states SET ended_at = MAX(started_at, ?) WHERE seat = ? AND ended_at IS NULL', [seat.since, seat.seat]);
  if (seat.state !== 'offline') {
    await tx.db.run('INSERT INTO seat_states (seat, username, state, started_at) VALUES (?, ?, ?, ?)', [seat.seat, seat.user ?? null, seat.state, seat.since]);
  }
}

/** A new state, with `since` moved only when the state itself changes. */
export function withState(seat: StoredSeat, state: Seat['state'], now: Date, patch: Partial<StoredSeat> = {}): StoredSeat {
  const since = seat.state === state ? seat.since : now.toISOString();
  return { ...seat, ...patch, state, since };
}

/**
 * The seat has been offline for longer than the grace period: a call it left open will not be
 * resumed, and the hub closes it. While offline, `since` is when the seat went offline.
 */
export function offlinePastGrace(seat: Seat, graceMs: number, now: Date): boolean {
  return seat.state === 'offline' && Date.parse(seat.since) + graceMs <= now.getTime();
}
