/** seat:set, and presence: what connecting and disconnecting does to a seat. */
import type { SeatSetResult } from '../../../shared/protocol/seatSet';
import type { Seat } from '../../../shared/protocol/seat';
import { OpError } from '../errors';
import { getCall } from '../store/calls';
import { lastRunning } from '../store/meta';
import { once } from '../store/ops';
import { putSeat, withState, type StoredSeat } from '../store/seats';
import { publicSeat } from '../store/state';
import type { Tx, Writer } from '../store/writer';
import { endDisconnected } from './abandonedCalls';
import { holder, opKey } from './context';
import type { Handler } from './handler';

export const setSeat: Handler<'seat:set'> = async (parts, caller, req) => {
  const seatNo = caller.seat;
  return parts.writer.write((tx) =>
    once<SeatSetResult>(tx, opKey(caller, req.opId, 'seat:set'), async () => {
      const seat = tx.state.seats.get(seatNo)!;
      if (seat.callId) throw new OpError('conflict', 'end the call first', { seat: publicSeat(seat) });
      if (seat.state === req.state) return { seat: publicSeat(seat) };
      return { seat: await putSeat(tx, withState(seat, req.state, tx.now, holder(caller))) };
    }),
  );
};

/** An operator's socket came online for `seat`: resume what it was doing, else ready. */
export function seatOnline(writer: Writer, seatNo: number, who: Pick<Seat, 'name' | 'user'>): Promise<Seat> {
  return writer.write(async (tx) => {
    const seat = tx.state.seats.get(seatNo)!;
    const { resumeState: _was, ...rest } = seat;
    const call = seat.callId ? await getCall(tx.db, seat.callId) : undefined;
    if (call && !call.endedAt) {
      // Back within the grace period: on the same call, since the call began, so that every
      // console times it from its true start and not from the reconnection.
      if (call.user === undefined || call.user === who.user) return putSeat(tx, { ...rest, ...who, state: 'on_call', since: call.startedAt });
      // Someone else sits down: the call the last holder left is theirs, and closes as it would
      // at the end of the grace period, ended when the seat went offline.
      await endDisconnected(tx, call, seat.state === 'offline' ? seat.since : tx.now.toISOString());
      const { callId: _closed, resumeState: _resume, ...free } = tx.state.seats.get(seatNo)!;
      return putSeat(tx, withState(free, 'ready', tx.now, who));
    }
    const resume: Seat['state'] = seat.state !== 'offline' ? seat.state : (seat.resumeState ?? 'ready');
    return putSeat(tx, withState(rest, resume, tx.now, who));
  });
}

/** The seat's last socket went away: offline, remembering what to resume. */
export function seatOffline(writer: Writer, seatNo: number): Promise<Seat> {
  return writer.write((tx) => goOffline(tx, tx.state.seats.get(seatNo)!));
}

/**
 * At start: seats that were online when the hub stopped are offline now, and the log of changes
 * says so. They went offline, as far as anyone can know, at the last moment the hub noted it was
 * running (it notes so every few seconds, and as it stops): that is when their calls' grace
 * period began. A database without that note (written by an older hub) gives the hub's start.
 */
export function seatsOfflineAtStart(writer: Writer): Promise<void> {
  return writer.write(async (tx) => {
    const running = await lastRunning(tx.db);
    for (const seat of tx.state.seats.values()) {
      // A seat never leaves a state before it entered it.
      const at = running && Date.parse(running) > Date.parse(seat.since) ? new Date(running) : running ? new Date(seat.since) : tx.now;
      await goOffline(tx, seat, at);
    }
  });
}

/** Offline since `at`, remembering what to resume; a call in progress is resumed from the seat's call itself. */
export async function goOffline(tx: Tx, seat: StoredSeat, at: Date = tx.now): Promise<Seat> {
  if (seat.state === 'offline') return publicSeat(seat);
  const resumeState = seat.state === 'on_call' ? undefined : seat.state;
  return putSeat(tx, withState(seat, 'offline', at, resumeState ? { resumeState } : {}));
}
