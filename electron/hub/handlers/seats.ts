/** seat:set, and presence: what connecting and disconnecting does to a seat. */
import type { SeatSetResult } from '../../../shared/protocol/seatSet';
import type { Seat } from '../../../shared/protocol/seat';
import { OpError } from '../errors';
import { once } from '../store/ops';
import { putSeat, withState } from '../store/seats';
import { publicSeat } from '../store/state';
import { opKey, type HubParts } from './context';
import type { Handler } from './handler';

export const setSeat: Handler<'seat:set'> = async (parts, caller, req) => {
  const seatNo = caller.seat;
  return parts.writer.write((tx) =>
    once<SeatSetResult>(tx, opKey(caller, req.opId, 'seat:set'), async () => {
      const seat = tx.state.seats.get(seatNo)!;
      if (seat.callId) throw new OpError('conflict', 'end the call first', { seat: publicSeat(seat) });
      if (seat.state === req.state) return { seat: publicSeat(seat) };
      return { seat: await putSeat(tx, withState(seat, req.state, tx.now, { name: caller.name })) };
    }),
  );
};

/** An operator's socket came online for `seat`: resume what it was doing, else ready. */
export function seatOnline(parts: HubParts, seatNo: number, name: string): Promise<Seat> {
  return parts.writer.write(async (tx) => {
    const seat = tx.state.seats.get(seatNo)!;
    const resume: Seat['state'] = seat.callId ? 'on_call' : seat.state !== 'offline' ? seat.state : (seat.resumeState ?? 'ready');
    const { resumeState: _was, ...rest } = seat;
    return putSeat(tx, withState(rest, resume, tx.now, { name }));
  });
}

/** The seat's last socket went away: offline, remembering what to resume. */
export function seatOffline(parts: HubParts, seatNo: number): Promise<Seat> {
  return parts.writer.write(async (tx) => {
    const seat = tx.state.seats.get(seatNo)!;
    if (seat.state === 'offline') return publicSeat(seat);
    const resumeState = seat.state === 'on_call' ? undefined : seat.state;
    return putSeat(tx, withState(seat, 'offline', tx.now, resumeState ? { resumeState } : {}));
  });
}
