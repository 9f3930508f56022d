/**
 * Bringing a connecting client up to date. Runs as a read job of the writer, between batches,
 * and joins the socket to its broadcast room in the same tick as it sends the last missed
 * change: nothing committed before is missed, nothing after is sent twice.
 */
import type { Server, Socket } from 'socket.io';
import type { Change } from '../../shared/protocol/change';
import type { Snapshot } from '../../shared/protocol/snapshot';
import type { Caller, HubParts } from './handlers/context';
import { maskChange, maskSnapshot } from './mask';
import { changesSince } from './store/changes';
import { counterOf, publicSeat } from './store/state';
import { snapshotTickets } from './store/tickets';

export const ROOM_FULL = 'full';
export const ROOM_WALL = 'wall';
/** Supervisors also get the unmasked floor statistics. */
export const ROOM_SUPERVISORS = 'supervisors';

export function roomOf(caller: Caller): string {
  return caller.role === 'wall' ? ROOM_WALL : ROOM_FULL;
}

export async function syncClient(parts: HubParts, socket: Socket, caller: Caller, since: number | undefined): Promise<void> {
  const wall = caller.role === 'wall';
  await parts.writer.read(async (state) => {
    if (!socket.connected) return;
    const now = new Date();
    const missed = since === undefined ? null : await changesSince(parts.writer.db, since, state.seq, state.seqFloor);
    if (missed) {
      for (const c of missed) socket.emit('change', wall ? maskChange(c) : c);
    } else {
      const { tickets, truncated } = await snapshotTickets(parts.writer.db, now);
      const snapshot: Snapshot = {
        seq: state.seq,
        counter: counterOf(state, now, parts.timeZone),
        seats: [...state.seats.values()].map(publicSeat),
        tickets,
        you: { role: caller.role, ...(caller.seat !== undefined ? { seat: caller.seat } : {}), name: caller.name },
        serverTime: now.toISOString(),
        ...(truncated ? { truncated } : {}),
      };
      socket.emit('snapshot', wall ? maskSnapshot(snapshot) : snapshot);
    }
    // Extension: tells the client it is current, with the hub's clock for its timers.
    socket.emit('synced', { seq: state.seq, counter: counterOf(state, now, parts.timeZone), serverTime: now.toISOString() });
    socket.join(roomOf(caller));
  });
}

export function broadcaster(io: Server) {
  return (changes: Change[]) => {
    for (const c of changes) {
      io.to(ROOM_FULL).emit('change', c);
      io.to(ROOM_WALL).emit('change', maskChange(c));
    }
  };
}
