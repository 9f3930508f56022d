/**
 * What the operator sees: the mirror of the hub with this seat's unacknowledged ops laid over it.
 * A call started offline shows as running, a ticket created offline shows in the list, a
 * status change shows at once; each is marked as not yet synced until the hub acks it.
 */
import type { Call, Seat, SlaConfig, Ticket } from '../../../shared/protocol';
import { DEFAULT_CONFIG } from '../../../shared/domain/defaultConfig';
import { applyTicketPatch } from '../../../shared/domain/ticketPatch';
import type { SeatState } from '../../../shared/protocol/vocabulary';
import type { HubMirror } from './hubMirror';
import type { QueuedOp, QueuedOpOf } from './outbox';

export const LOCAL_TICKET_PREFIX = 'local:';

export interface ViewTicket extends Ticket {
  /** Set while an op on this ticket waits in the outbox. */
  unsynced?: boolean;
  /** For a ticket created offline: the opId of its `ticket:create`. */
  localOp?: string;
}

export interface CurrentCall {
  /** opId of the `call:start`, while the hub has not acked it. */
  startOp?: string;
  callId?: string;
  startedAt: string;
  phone?: string;
  synced: boolean;
}

/** A call this client started and the hub acked, kept until the hub's seat state catches up. */
export interface AckedStart {
  opId: string;
  call: Call;
}

export function isLocalTicketId(id: string): boolean {
  return id.startsWith(LOCAL_TICKET_PREFIX);
}

export function localTicketFromOp(op: QueuedOpOf<'ticket:create'>, seat: number, author?: string): ViewTicket {
  const t = op.payload.ticket;
  const ticket: ViewTicket = {
    id: LOCAL_TICKET_PREFIX + op.opId,
    number: 0,
    version: 0,
    status: 'open',
    category: t.category,
    phone: t.phone,
    priority: t.priority === 'urgent' ? 'urgent' : 'normal',
    description: t.description,
    createdAt: op.queuedAt,
    updatedAt: op.queuedAt,
    seat,
    notes: [],
    unsynced: true,
    localOp: op.opId,
  };
  if (t.callerName !== undefined) ticket.callerName = t.callerName;
  if (t.locality !== undefined) ticket.locality = t.locality;
  if (t.language !== undefined) ticket.language = t.language;
  if (author) ticket.createdBy = author;
  return ticket;
}

export interface TicketOverlay {
  /** Tickets created offline, newest first. */
  created: ViewTicket[];
  /** Hub tickets with pending updates or notes applied. */
  changed: Map<string, ViewTicket>;
}

/**
 * `sla`: the floor's service-level targets, so that a change of category or priority moves the
 * due time on screen as the hub will (the hub's defaults until its configuration arrives).
 */
export function ticketOverlay(hub: HubMirror, ops: readonly QueuedOp[], seat: number, author?: string, sla: SlaConfig = DEFAULT_CONFIG.sla): TicketOverlay {
  const created: ViewTicket[] = [];
  const changed = new Map<string, ViewTicket>();
  const byLocal = new Map<string, ViewTicket>();
  for (const op of ops) {
    if (op.name === 'ticket:create') {
      // The hub announces a new ticket to everyone a moment before it acks the seat that raised
      // it; the announcement names the op that made it, so the local copy gives way to it.
      const onHub = hub.madeBy.get(op.opId);
      const hubTicket = onHub ? hub.tickets.get(onHub) : undefined;
      if (hubTicket) {
        byLocal.set(op.opId, changed.get(hubTicket.id) ?? hubTicket);
        continue;
      }
      const t = localTicketFromOp(op, seat, author);
      byLocal.set(op.opId, t);
      created.unshift(t);
      continue;
    }
    if (op.name !== 'ticket:update' && op.name !== 'ticket:note') continue;
    const noteRef = op.refs?.find((r) => r.path === 'id');
    const id = op.payload.id;
    const base: ViewTicket | undefined = noteRef ? byLocal.get(noteRef.op) : id ? (changed.get(id) ?? hub.tickets.get(id)) : undefined;
    if (!base) continue;
    let next: ViewTicket;
    if (op.name === 'ticket:update') {
      next = { ...applyTicketPatch(base, op.payload.patch, op.queuedAt, sla).next, unsynced: true };
    } else {
      const note = { id: 'local-note:' + op.opId, at: op.queuedAt, seat, author: author ?? '', text: op.payload.text };
      next = { ...base, notes: [...base.notes, note], unsynced: true };
    }
    if (noteRef) byLocal.set(noteRef.op, next);
    if (isLocalTicketId(next.id)) {
      const i = created.findIndex((t) => t.id === next.id);
      if (i >= 0) created[i] = next;
    } else changed.set(next.id, next);
  }
  return { created, changed };
}

/** The whole ticket list as shown: offline-created first, then the hub's, newest first. */
export function visibleTickets(hub: HubMirror, overlay: TicketOverlay): ViewTicket[] {
  const list: ViewTicket[] = overlay.created.slice();
  if (overlay.changed.size === 0) {
    for (const t of hub.ticketOrder) list.push(t);
  } else {
    for (const t of hub.ticketOrder) list.push(overlay.changed.get(t.id) ?? t);
  }
  return list;
}

/** Ids of calls that a pending `call:end` ends, by callId or by the opId of their `call:start`. */
function pendingEnds(ops: readonly QueuedOp[]): { callIds: Set<string>; startOps: Set<string> } {
  const callIds = new Set<string>();
  const startOps = new Set<string>();
  for (const op of ops) {
    if (op.name !== 'call:end') continue;
    const ref = op.refs?.find((r) => r.path === 'callId');
    if (ref) startOps.add(ref.op);
    else if (op.payload.callId !== undefined) callIds.add(op.payload.callId);
  }
  return { callIds, startOps };
}

export function currentCall(hub: HubMirror, ops: readonly QueuedOp[], seat: number | undefined, acked: AckedStart | null): CurrentCall | null {
  let lastCallOp: QueuedOp | undefined;
  for (const op of ops) if (op.name === 'call:start' || op.name === 'call:end') lastCallOp = op;
  if (lastCallOp?.name === 'call:start') {
    // The hub has announced the call this op started: time it by the hub's clock from now on.
    const madeId = hub.madeBy.get(lastCallOp.opId);
    const made = madeId ? hub.calls.get(madeId) : undefined;
    if (made && !made.endedAt) return { callId: made.id, startedAt: made.startedAt, synced: true, ...(made.phone ? { phone: made.phone } : {}) };
    const phone = lastCallOp.payload.phone;
    return { startOp: lastCallOp.opId, startedAt: lastCallOp.queuedAt, synced: false, ...(phone ? { phone } : {}) };
  }
  // The newest call op is an end that has not reached the hub: the operator has hung up.
  if (lastCallOp?.name === 'call:end') return null;
  const ends = pendingEnds(ops);
  const mine: Seat | undefined = seat === undefined ? undefined : hub.seats.get(seat);
  if (mine?.state === 'on_call' && mine.callId && !ends.callIds.has(mine.callId)) {
    const call = hub.calls.get(mine.callId);
    if (!call?.endedAt) {
      const startedAt = call?.startedAt ?? mine.since;
      return { callId: mine.callId, startedAt, synced: true, ...(call?.phone ? { phone: call.phone } : {}) };
    }
  }
  // Acked a moment ago but the seat's own update has not arrived yet: still on that call.
  if (acked && !acked.call.endedAt && !hub.calls.get(acked.call.id)?.endedAt && !ends.callIds.has(acked.call.id)) {
    const seatIsOlder = !mine || Date.parse(mine.since) < Date.parse(acked.call.startedAt);
    if (seatIsOlder) {
      return { callId: acked.call.id, startedAt: acked.call.startedAt, synced: true, ...(acked.call.phone ? { phone: acked.call.phone } : {}) };
    }
  }
  return null;
}

/**
 * The seat's latest call, when the hub closed it as `disconnected` (the seat was offline past the
 * grace period, or a supervisor closed it) and the operator has not moved on since (no other call,
 * no other state, nothing of theirs about calls or the seat still to send): the console says so,
 * rather than let a call the operator was on simply vanish.
 */
export function closedCall(hub: HubMirror, ops: readonly QueuedOp[], seat: number | undefined): Call | null {
  if (seat === undefined) return null;
  const state = hub.seats.get(seat)?.state;
  if (state !== 'wrap_up' && state !== 'offline') return null;
  if (ops.some((op) => op.name === 'call:start' || op.name === 'call:end' || op.name === 'seat:set')) return null;
  let latest: Call | undefined;
  for (const call of hub.calls.values()) {
    if (call.seat === seat && (!latest || Date.parse(call.startedAt) > Date.parse(latest.startedAt))) latest = call;
  }
  return latest?.disposition === 'disconnected' ? latest : null;
}

/** The seat's state as the operator should see it: the last pending op decides, else the hub. */
export function effectiveSeatState(hub: HubMirror, ops: readonly QueuedOp[], seat: number | undefined): { state: SeatState; since?: string; synced: boolean } {
  let local: { state: SeatState; since: string } | null = null;
  for (const op of ops) {
    if (op.name === 'call:start') local = { state: 'on_call', since: op.queuedAt };
    else if (op.name === 'call:end') local = { state: 'wrap_up', since: op.queuedAt };
    else if (op.name === 'seat:set') local = { state: op.payload.state, since: op.queuedAt };
  }
  if (local) return { ...local, synced: false };
  const mine = seat === undefined ? undefined : hub.seats.get(seat);
  return mine ? { state: mine.state, since: mine.since, synced: true } : { state: 'offline', synced: true };
}
