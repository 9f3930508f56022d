/**
 * Calls left open. A seat that goes offline during a call (browser closed, PC off, power cut,
 * LAN down) keeps its call for the grace period, so that it can come back to it; after that
 * the hub closes the call as `disconnected`, ended when the seat went offline, so handle times
 * stay honest. A supervisor may close such a call at any time (`call:close`), and the hub closes
 * at start what was left open past the grace period while it was not running.
 */
import type { Call } from '../../../shared/protocol/call';
import type { CallCloseResult } from '../../../shared/protocol/callClose';
import { OpError } from '../errors';
import { getCall, openCallsOfSeat, saveCallEnd, seatsWithOpenCalls } from '../store/calls';
import { once } from '../store/ops';
import { offlinePastGrace } from '../store/seats';
import type { Tx, Writer } from '../store/writer';
import { releaseSeat } from './calls';
import { opKey } from './context';
import type { Handler } from './handler';

export const closeCall: Handler<'call:close'> = async (parts, caller, req) => {
  return parts.writer.write((tx) =>
    once<CallCloseResult>(tx, opKey(caller, req.opId, 'call:close'), async () => {
      const existing = await getCall(tx.db, req.callId);
      if (!existing) throw new OpError('not_found', `no call ${req.callId}`);
      if (existing.endedAt) throw new OpError('conflict', 'this call has already ended', { call: existing });
      // The seat's offline moment is the last the hub knew of the call; a seat still online was
      // on it until now.
      const seat = tx.state.seats.get(existing.seat);
      const endedAt = seat?.state === 'offline' ? seat.since : tx.now.toISOString();
      return { call: await endDisconnected(tx, existing, endedAt) };
    }),
  );
};

/**
 * Closes the calls of seats offline for longer than `graceMs`, each ended when its seat went
 * offline. `seats`: the seats to look at (default: every seat with an open call), checked again
 * here, in the writer's order: a seat that came back meanwhile keeps its call.
 */
export function closeAbandonedCalls(writer: Writer, graceMs: number, seats?: readonly number[]): Promise<Call[]> {
  return writer.write(async (tx) => {
    const closed: Call[] = [];
    for (const seatNo of seats ?? (await seatsWithOpenCalls(tx.db))) {
      const seat = tx.state.seats.get(seatNo);
      if (!seat || !offlinePastGrace(seat, graceMs, tx.now)) continue;
      // Every open call of the seat: the one it was on, and any older one whose end was lost.
      for (const call of await openCallsOfSeat(tx.db, seatNo)) closed.push(await endDisconnected(tx, call, seat.since));
    }
    return closed;
  });
}

/** Ends `call` as `disconnected` at `endedAt` (never before it started) and frees its seat. */
export async function endDisconnected(tx: Tx, open: Call, endedAt: string): Promise<Call> {
  const call: Call = { ...open, endedAt: Date.parse(endedAt) > Date.parse(open.startedAt) ? endedAt : open.startedAt, disposition: 'disconnected' };
  await saveCallEnd(tx, call);
  tx.emit('call.ended', { call });
  await releaseSeat(tx, call);
  return call;
}
