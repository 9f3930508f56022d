/** ticket:create, ticket:update, ticket:note, tickets:search, ticket:history, caller:lookup. */
import { randomUUID } from 'node:crypto';
import type { Ticket } from '../../../shared/protocol/ticket';
import type { TicketCreateResult } from '../../../shared/protocol/ticketCreate';
import type { TicketNoteResult } from '../../../shared/protocol/ticketNote';
import type { TicketPatch, TicketUpdateResult } from '../../../shared/protocol/ticketUpdate';
import { dueAt } from '../../../shared/domain/sla';
import { applyTicketPatch } from '../../../shared/domain/ticketPatch';
import { localDayStart } from '../../../shared/domain/localDay';
import { statusChangeError } from '../../../shared/domain/ticketRules';
import { OpError } from '../errors';
import { maskTicket } from '../mask';
import { callExists, callsByPhone, countCallsByPhoneSince } from '../store/calls';
import { once } from '../store/ops';
import { addTicketEvent, getTicket, insertTicket, saveTicket, searchTickets, ticketEvents, ticketsByPhone } from '../store/tickets';
import { actorOf, opKey, type Caller, type HubParts } from './context';
import type { Handler } from './handler';

function requireCategory(parts: HubParts, category: string, forNewTicket: boolean): void {
  const known = parts.config.current.categories.find((c) => c.id === category);
  if (!known) throw new OpError('invalid', `unknown category ${category}`);
  if (forNewTicket && !known.active) throw new OpError('invalid', `category ${category} is no longer in use`);
}

export const createTicket: Handler<'ticket:create'> = async (parts, caller, req) => {
  const input = req.ticket;
  requireCategory(parts, input.category, true);
  const actor = actorOf(caller);
  return parts.writer.write((tx) =>
    once<TicketCreateResult>(tx, opKey(caller, req.opId, 'ticket:create'), async () => {
      if (input.callId !== undefined && !(await callExists(tx.db, input.callId))) {
        throw new OpError('not_found', `no call ${input.callId}`);
      }
      const at = tx.now.toISOString();
      const ticket: Ticket = {
        id: randomUUID(),
        number: tx.state.nextTicketNumber++,
        version: 1,
        status: 'open',
        category: input.category,
        phone: input.phone,
        ...(input.callerName ? { callerName: input.callerName } : {}),
        ...(input.locality ? { locality: input.locality } : {}),
        ...(input.language ? { language: input.language } : {}),
        priority: input.priority ?? 'normal',
        description: input.description,
        ...(input.callId ? { callId: input.callId } : {}),
        createdAt: at,
        updatedAt: at,
        seat: actor.seat,
        createdBy: actor.name,
        ...(actor.user ? { createdByUser: actor.user } : {}),
        notes: [],
      };
      ticket.dueAt = dueAt(parts.config.current.sla, ticket);
      await insertTicket(tx, ticket);
      await addTicketEvent(tx, ticket.id, actor, 'created', {});
      tx.emit('ticket.created', { ticket });
      return { ticket };
    }),
  );
};

export const updateTicket: Handler<'ticket:update'> = async (parts, caller, req) => {
  if (req.patch.category !== undefined) requireCategory(parts, req.patch.category, false);
  requirePatchAllowed(caller, req.patch, parts.seats);
  const actor = actorOf(caller);
  return parts.writer.write((tx) =>
    once<TicketUpdateResult>(tx, opKey(caller, req.opId, 'ticket:update'), async () => {
      const current = await getTicket(tx.db, req.id);
      if (!current) throw new OpError('not_found', `no ticket ${req.id}`);
      if (current.version !== req.version) {
        throw new OpError('conflict', `ticket #${current.number} was changed by someone else (version ${current.version}, you had ${req.version})`, { ticket: current });
      }
      if (req.patch.status !== undefined) {
        const why = statusChangeError(current.status, req.patch.status);
        if (why) throw new OpError('invalid', why);
      }
      const { next, changes } = applyTicketPatch(current, req.patch, tx.now.toISOString(), parts.config.current.sla);
      if (Object.keys(changes).length === 0) return { ticket: current };
      next.version = current.version + 1;
      next.updatedAt = tx.now.toISOString();
      await saveTicket(tx, next);
      await addTicketEvent(tx, next.id, actor, 'updated', { changes });
      tx.emit('ticket.updated', { ticket: next });
      return { ticket: next };
    }),
  );
};

type Supervised = 'assignedSeat' | 'escalated';
const SUPERVISOR_ONLY: readonly Supervised[] = ['assignedSeat', 'escalated'];

export function requirePatchAllowed(caller: Caller, patch: TicketPatch, seats: number): void {
  for (const field of SUPERVISOR_ONLY) {
    if (patch[field] !== undefined && caller.role !== 'supervisor') throw new OpError('forbidden', `only a supervisor can change ${field}`);
  }
  if (typeof patch.assignedSeat === 'number' && patch.assignedSeat > seats) throw new OpError('invalid', `there is no seat ${patch.assignedSeat}`);
}

export const noteTicket: Handler<'ticket:note'> = async (parts, caller, req) => {
  const actor = actorOf(caller);
  return parts.writer.write((tx) =>
    once<TicketNoteResult>(tx, opKey(caller, req.opId, 'ticket:note'), async () => {
      const current = await getTicket(tx.db, req.id);
      if (!current) throw new OpError('not_found', `no ticket ${req.id}`);
      const at = tx.now.toISOString();
      const next: Ticket = {
        ...current,
        version: current.version + 1,
        updatedAt: at,
        notes: [...current.notes, { id: randomUUID(), at, seat: actor.seat, author: actor.name, ...(actor.user ? { user: actor.user } : {}), text: req.text }],
      };
      await saveTicket(tx, next);
      await addTicketEvent(tx, next.id, actor, 'note', { text: req.text });
      tx.emit('ticket.updated', { ticket: next });
      return { ticket: next };
    }),
  );
};

export const searchHandler: Handler<'tickets:search'> = async (parts, caller, req) => {
  // The wall sees aggregates, never callers: it may not probe for a phone number.
  if (caller.role === 'wall' && req.phone !== undefined) throw new OpError('forbidden', 'the wall display cannot search by phone');
  const found = await searchTickets(parts.reader, req);
  return caller.role === 'wall' ? { ...found, items: found.items.map(maskTicket) } : found;
};

export const historyHandler: Handler<'ticket:history'> = async (parts, _caller, req) => {
  const ticket = await getTicket(parts.reader, req.id);
  if (!ticket) throw new OpError('not_found', `no ticket ${req.id}`);
  return { ticket, events: await ticketEvents(parts.reader, req.id) };
};

export const lookupHandler: Handler<'caller:lookup'> = async (parts, caller, { phone }) => {
  const calls = await callsByPhone(parts.reader, phone, 20);
  const callsToday = await countCallsByPhoneSince(parts.reader, phone, localDayStart(new Date(), parts.timeZone).toISOString());
  const tickets = await ticketsByPhone(parts.reader, phone, 20);
  const runningHere = calls.filter((c) => !c.endedAt && c.seat === caller.seat).length;
  return { phone, calls, callsToday, tickets, repeat: tickets.length > 0 || calls.length - runningHere > 0 };
};
