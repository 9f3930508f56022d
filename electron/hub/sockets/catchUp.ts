/**
 * Catching a connecting client up: a snapshot, or the changes it missed since `since`, then
 * every later change, each exactly once and in seq order.
 *
 * Outside the writer's queue, so that sign-ins never hold up a commit:
 *  1. the socket is held (broadcaster.ts): every change committed from now on is kept for it;
 *  2. a read transaction on a connection of its own (ConsistentReader) sees one moment of the
 *     database, at seq N: the log's last change. The tickets (or missed changes) are read
 *     there, and the seats and counters are the writer's state at N (Writer.stateAt), so the
 *     snapshot is exactly the state at N and nothing is counted;
 *  3. the snapshot or missed changes go out, then `synced`, then the kept changes after N, and
 *     the socket joins its room, in one tick.
 * A change after N was committed after the read transaction began, so after the hold: it is
 * kept, and sent once. A change up to N is in what was read.
 */
import type { Socket } from 'socket.io';
import type { Call } from '../../../shared/protocol/call';
import type { Change } from '../../../shared/protocol/change';
import type { Snapshot } from '../../../shared/protocol/snapshot';
import type { Ticket } from '../../../shared/protocol/ticket';
import type { ConsistentReader, ReadDb } from '../db/connection';
import type { Caller } from '../handlers/context';
import { maskChange, maskTicket } from '../mask';
import { latestCallOfSeat } from '../store/calls';
import { changesSince, currentSeq } from '../store/changes';
import { counterOf, publicSeat, type LiveState } from '../store/state';
import { snapshotTickets } from '../store/tickets';
import type { Writer } from '../store/writer';
import { Slots } from '../slots';
import type { Broadcaster } from './broadcaster';

/**
 * The tickets part of a snapshot, kept between connections. Forty seats signing in at a shift
 * change would otherwise each read and parse thousands of tickets; with the cache only the
 * first does, until a ticket changes (the state's `ticketsSeq` moves) or a minute passes
 * (tickets leave the 24-hour window with time alone).
 */
export class SnapshotTickets {
  private cached: { ticketsSeq: number; at: number; tickets: Ticket[]; masked?: Ticket[]; truncated: boolean } | null = null;

  /** The tickets as of a state whose last ticket change is `ticketsSeq`; `db` must see that state. */
  async get(db: ReadDb, ticketsSeq: number, now: Date, wall: boolean): Promise<{ tickets: Ticket[]; truncated: boolean }> {
    let c = this.cached;
    if (!c || c.ticketsSeq !== ticketsSeq || now.getTime() - c.at > 60_000) {
      const { tickets, truncated } = await snapshotTickets(db, now);
      c = this.cached = { ticketsSeq, at: now.getTime(), tickets, truncated };
    }
    if (!wall) return c;
    c.masked ??= c.tickets.map(maskTicket);
    return { tickets: c.masked, truncated: c.truncated };
  }
}

export type CatchUpDeps = { writer: Writer; snapshots: Pick<ConsistentReader, 'read'>; broadcaster: Broadcaster; cache: SnapshotTickets; timeZone: string };

/** What a client is caught up to: seq N, the state at N, and the changes after its `since` or the tickets at N. */
type View = { seq: number; state: LiveState } & ({ missed: Change[] } | { tickets: Ticket[]; truncated: boolean; lastCall?: Call | undefined });

/** How far back an operator's snapshot looks for its seat's latest call: a long shift. */
const LAST_CALL_WITHIN_MS = 12 * 3_600_000;

/** Reads are retried this often when the writer has moved too far on to remember the state read. */
const READ_ATTEMPTS = 3;

async function readView(deps: CatchUpDeps, since: number | undefined, caller: Caller): Promise<View> {
  const wall = caller.role === 'wall';
  for (let attempt = 1; ; attempt++) {
    const view = await deps.snapshots.read(async (db): Promise<View | null> => {
      const { seq, seqFloor } = await currentSeq(db);
      const state = await deps.writer.stateAt(seq);
      if (!state) return null;
      const missed = since === undefined ? null : await changesSince(db, since, seq, seqFloor);
      if (missed) return { seq, state, missed };
      const now = new Date();
      const tickets = await deps.cache.get(db, state.ticketsSeq, now, wall);
      if (caller.seat === undefined) return { seq, state, ...tickets };
      return { seq, state, ...tickets, lastCall: await latestCallOfSeat(db, caller.seat, new Date(now.getTime() - LAST_CALL_WITHIN_MS).toISOString(), caller.username) };
    });
    if (view) return view;
    if (attempt === READ_ATTEMPTS) throw new Error('the floor changed faster than a snapshot could be read; the client will retry');
  }
}

/** The `synced` extension: the client is current at `state`'s seq; the hub's clock and time zone. */
export function synced(state: LiveState, timeZone: string, now = new Date()) {
  return { seq: state.seq, counter: counterOf(state, now, timeZone), serverTime: now.toISOString(), timeZone };
}

export async function catchUp(deps: CatchUpDeps, socket: Socket, caller: Caller, since: number | undefined): Promise<void> {
  const wall = caller.role === 'wall';
  const held = deps.broadcaster.hold(socket, caller.role);
  try {
    const view = await readView(deps, since, caller);
    if (!socket.connected) return;
    const now = new Date();
    if ('missed' in view) {
      for (const c of view.missed) socket.emit('change', wall ? maskChange(c) : c);
    } else {
      const snapshot: Snapshot = {
        seq: view.seq,
        counter: counterOf(view.state, now, deps.timeZone),
        seats: [...view.state.seats.values()].map(publicSeat),
        tickets: view.tickets,
        you: { role: caller.role, ...(caller.seat !== undefined ? { seat: caller.seat } : {}), name: caller.name, ...(view.lastCall ? { lastCall: view.lastCall } : {}) },
        serverTime: now.toISOString(),
        timeZone: deps.timeZone,
        ...(view.truncated ? { truncated: true } : {}),
      };
      socket.emit('snapshot', snapshot);
    }
    socket.emit('synced', synced(view.state, deps.timeZone, now));
    held.release(view.seq);
  } finally {
    held.cancel();
  }
}

/**
 * At most `slots` clients are brought up to date at once, each holding its slot until its
 * socket has sent the snapshot on. A snapshot of thousands of tickets is serialized once per
 * socket, so forty seats signing in together would otherwise hold forty copies in memory at
 * the same moment (measured: a 389 MiB peak at a lakh of tickets).
 */
export class CatchUpSlots extends Slots {}

/** Resolves once the socket's queued packets have been written out (or it closed, or 5 s passed). */
export function drained(socket: Socket, timeoutMs = 5_000): Promise<void> {
  const conn = socket.conn as unknown as { writeBuffer?: unknown[]; once(event: string, fn: () => void): void; off(event: string, fn: () => void): void };
  if (!socket.connected || !conn.writeBuffer || conn.writeBuffer.length === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      conn.off('drain', done);
      conn.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    conn.once('drain', done);
    conn.once('close', done);
  });
}
