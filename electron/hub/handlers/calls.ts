/** call:start and call:end. */
import { randomUUID } from 'node:crypto';
import type { Call } from '../../../shared/protocol/call';
import type { CallEndResult } from '../../../shared/protocol/callEnd';
import type { CallStartResult } from '../../../shared/protocol/callStart';
import { OpError } from '../errors';
import { once } from '../store/ops';
import { putSeat, withState } from '../store/seats';
import { counterOf, rollDay } from '../store/state';
import type { Tx } from '../store/writer';
import { opKey } from './context';
import type { Handler } from './handler';

type CallRow = { id: string; seat: number; started_at: string; ended_at: string | null; disposition: Call['disposition'] | null; phone: string | null; ticket_id: string | null };

export function callFromRow(r: CallRow): Call {
  return {
    id: r.id,
    seat: r.seat,
    startedAt: r.started_at,
    ...(r.ended_at ? { endedAt: r.ended_at } : {}),
    ...(r.disposition ? { disposition: r.disposition } : {}),
    ...(r.phone ? { phone: r.phone } : {}),
    ...(r.ticket_id ? { ticketId: r.ticket_id } : {}),
  };
}

export const CALL_COLUMNS = 'id, seat, started_at, ended_at, disposition, phone, ticket_id';

export const startCall: Handler<'call:start'> = async (parts, caller, req) => {
  const seat = caller.seat;
  return parts.writer.write((tx) =>
    once<CallStartResult>(tx, opKey(caller, req.opId, 'call:start'), async () => {
      const call: Call = { id: randomUUID(), seat, startedAt: tx.now.toISOString(), ...(req.phone ? { phone: req.phone } : {}) };
      await tx.db.run('INSERT INTO calls (id, seat, started_at, phone) VALUES (?, ?, ?, ?)', [call.id, seat, call.startedAt, call.phone ?? null]);
      rollDay(tx.state, tx.now, parts.timeZone);
      tx.state.callsTotal += 1;
      tx.state.callsToday += 1;
      const counter = counterOf(tx.state, tx.now, parts.timeZone);
      tx.emit('call.started', { call, counter });
      // A seat may start a call while an older one is still open (its end was lost with a
      // crashed window): the seat follows the newest call; the older one can still be ended.
      const current = tx.state.seats.get(seat)!;
      await putSeat(tx, withState(current, 'on_call', tx.now, { callId: call.id, name: caller.name }));
      return { call, counter };
    }),
  );
};

export const endCall: Handler<'call:end'> = async (parts, caller, req) => {
  return parts.writer.write((tx) =>
    once<CallEndResult>(tx, opKey(caller, req.opId, 'call:end'), async () => {
      const row = await tx.db.get<CallRow>(`SELECT ${CALL_COLUMNS} FROM calls WHERE id = ?`, [req.callId]);
      if (!row) throw new OpError('not_found', `no call ${req.callId}`);
      if (caller.role === 'operator' && row.seat !== caller.seat) throw new OpError('forbidden', `call ${req.callId} belongs to seat ${row.seat}`);
      if (row.ended_at) throw new OpError('conflict', 'this call has already ended', { call: callFromRow(row) });
      if (req.ticketId !== undefined) await requireTicket(tx, req.ticketId);
      const endedAt = tx.now.toISOString();
      // A number typed after pick-up completes the call's record; one given at the start stays.
      const phone = row.phone ?? req.phone ?? null;
      await tx.db.run('UPDATE calls SET ended_at = ?, disposition = ?, ticket_id = ?, phone = ? WHERE id = ?', [endedAt, req.disposition, req.ticketId ?? null, phone, req.callId]);
      const call = callFromRow({ ...row, ended_at: endedAt, disposition: req.disposition, ticket_id: req.ticketId ?? null, phone });
      tx.emit('call.ended', { call });
      const seat = tx.state.seats.get(row.seat)!;
      if (seat.callId === call.id) {
        const { callId: _ended, ...rest } = seat;
        // Offline seats stay offline; they resume in wrap-up when they come back.
        const next = seat.state === 'offline' ? { ...rest, resumeState: 'wrap_up' as const } : withState(rest, 'wrap_up', tx.now);
        await putSeat(tx, next);
      }
      return { call };
    }),
  );
};

async function requireTicket(tx: Tx, id: string): Promise<void> {
  const t = await tx.db.get('SELECT 1 FROM tickets WHERE id = ?', [id]);
  if (!t) throw new OpError('not_found', `no ticket ${id}`);
}
