/** call:start and call:end, and what ending a call does to its seat. */
import { randomUUID } from 'node:crypto';
import type { Call } from '../../../shared/protocol/call';
import type { CallEndResult } from '../../../shared/protocol/callEnd';
import type { CallStartResult } from '../../../shared/protocol/callStart';
import { OpError } from '../errors';
import { getCall, insertCall, saveCallEnd } from '../store/calls';
import { once } from '../store/ops';
import { putSeat, withState } from '../store/seats';
import { counterOf, rollDay } from '../store/state';
import type { Tx } from '../store/writer';
import { ticketExists } from '../store/tickets';
import { holder, opKey } from './context';
import type { Handler } from './handler';

export const startCall: Handler<'call:start'> = async (parts, caller, req) => {
  const seat = caller.seat;
  return parts.writer.write((tx) =>
    once<CallStartResult>(tx, opKey(caller, req.opId, 'call:start'), async () => {
      const call: Call = { id: randomUUID(), seat, startedAt: tx.now.toISOString(), ...(req.phone ? { phone: req.phone } : {}), user: caller.username };
      await insertCall(tx, call);
      rollDay(tx.state, tx.now, parts.timeZone);
      tx.state.callsTotal += 1;
      tx.state.callsToday += 1;
      const counter = counterOf(tx.state, tx.now, parts.timeZone);
      tx.emit('call.started', { call, counter });
      // A seat may start a call while an older one is still open (its end was lost with a
      // crashed window): the seat follows the newest call; the older one can still be ended.
      const current = tx.state.seats.get(seat)!;
      await putSeat(tx, withState(current, 'on_call', tx.now, { callId: call.id, ...holder(caller) }));
      return { call, counter };
    }),
  );
};

export const endCall: Handler<'call:end'> = async (parts, caller, req) => {
  return parts.writer.write((tx) =>
    once<CallEndResult>(tx, opKey(caller, req.opId, 'call:end'), async () => {
      const existing = await getCall(tx.db, req.callId);
      if (!existing) throw new OpError('not_found', `no call ${req.callId}`);
      if (caller.role === 'operator' && existing.seat !== caller.seat) throw new OpError('forbidden', `call ${req.callId} belongs to seat ${existing.seat}`);
      // A call the hub closed as `disconnected` still takes the operator's own end, once: a
      // console cut off from the LAN for longer than the grace period kept the call going and
      // queued its end. Its disposition and ticket replace the hub's guess; the end time stays
      // the moment the seat went offline, the last the hub knew of the call.
      const late = existing.endedAt !== undefined && existing.disposition === 'disconnected';
      if (existing.endedAt && !late) throw new OpError('conflict', 'this call has already ended', { call: existing });
      if (req.ticketId !== undefined && !(await ticketExists(tx.db, req.ticketId))) throw new OpError('not_found', `no ticket ${req.ticketId}`);
      // A number typed after pick-up completes the call's record; one given at the start stays.
      const phone = existing.phone ?? req.phone;
      const call: Call = {
        id: existing.id,
        seat: existing.seat,
        startedAt: existing.startedAt,
        endedAt: existing.endedAt ?? tx.now.toISOString(),
        disposition: req.disposition,
        ...(phone ? { phone } : {}),
        ...(req.ticketId ? { ticketId: req.ticketId } : {}),
        ...(existing.user ? { user: existing.user } : {}),
      };
      await saveCallEnd(tx, call);
      tx.emit('call.ended', { call });
      await releaseSeat(tx, call);
      return { call };
    }),
  );
};

/** The seat that was on `call` (now ended) is free of it: wrap-up, or, offline, wrap-up when it comes back. */
export async function releaseSeat(tx: Tx, call: Call): Promise<void> {
  const seat = tx.state.seats.get(call.seat);
  if (seat?.callId !== call.id) return;
  const { callId: _ended, ...rest } = seat;
  const next = seat.state === 'offline' ? { ...rest, resumeState: 'wrap_up' as const } : withState(rest, 'wrap_up', tx.now);
  await putSeat(tx, next);
}
