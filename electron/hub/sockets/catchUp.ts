/**
 * Catching a connecting client up: a snapshot, or the changes it missed. Runs as a read job
 * of the writer, between batches, and joins the socket to its broadcast room in the same tick
 * as it sends the last missed change: nothing committed before is missed, nothing after is
 * sent twice.
 */
import type { Socket } from 'socket.io';
import type { Change } from '../../../shared/protocol/change';
import type { Snapshot } from '../../../shared/protocol/snapshot';
import type { Ticket } from '../../../shared/protocol/ticket';
import type { AnyDb } from '../db/connection';
import type { Caller } from '../handlers/context';
import { maskChange, maskTicket } from '../mask';
import { changesSince } from '../store/changes';
import { counterOf, publicSeat } from '../store/state';
import { snapshotTickets } from '../store/tickets';
import type { Writer } from '../store/writer';
import type { Broadcaster } from './broadcaster';

/**
 * The tickets part of a snapshot, kept between connections. Forty seats signing in at a shift
 * change would otherwise each read and parse thousands of tickets while holding up the writer;
 * with the cache only the first does, until a ticket changes (`changed` bumps `version`)
 * or a minute passes (tickets leave the 24-hour window with time alone).
 */
export class SnapshotTickets {
  private version = 0;
  private cached: { version: number; at: number; tickets: Ticket[]; masked?: Ticket[]; truncated: boolean } | null = null;

  /** Told of every batch of committed changes. */
  changed(changes: Change[]): void {
    if (changes.some((c) => c.type === 'ticket.created' || c.type === 'ticket.updated')) this.version += 1;
  }

  async get(db: AnyDb, now: Date, wall: boolean): Promise<{ tickets: Ticket[]; truncated: boolean }> {
    let c = this.cached;
    if (!c || c.version !== this.version || now.getTime() - c.at > 60_000) {
      const version = this.version;
      const { tickets, truncated } = await snapshotTickets(db, now);
      c = this.cached = { version, at: now.getTime(), tickets, truncated };
    }
    if (!wall) return c;
    c.masked ??= c.tickets.map(maskTicket);
    return { tickets: c.masked, truncated: c.truncated };
  }
}

export type CatchUpDeps = { writer: Writer; broadcaster: Broadcaster; cache: SnapshotTickets; timeZone: string };

export async function catchUp(deps: CatchUpDeps, socket: Socket, caller: Caller, since: number | undefined): Promise<void> {
  const { writer, cache, timeZone } = deps;
  const wall = caller.role === 'wall';
  await writer.read(async (state, db) => {
    if (!socket.connected) return;
    const now = new Date();
    const missed = since === undefined ? null : await changesSince(db, since, state.seq, state.seqFloor);
    if (missed) {
      for (const c of missed) socket.emit('change', wall ? maskChange(c) : c);
    } else {
      const { tickets, truncated } = await cache.get(db, now, wall);
      const snapshot: Snapshot = {
        seq: state.seq,
        counter: counterOf(state, now, timeZone),
        seats: [...state.seats.values()].map(publicSeat),
        tickets,
        you: { role: caller.role, ...(caller.seat !== undefined ? { seat: caller.seat } : {}), name: caller.name },
        serverTime: now.toISOString(),
        ...(truncated ? { truncated } : {}),
      };
      socket.emit('snapshot', snapshot);
    }
    // Extension: tells the client it is current, with the hub's clock for its timers.
    socket.emit('synced', { seq: state.seq, counter: counterOf(state, now, timeZone), serverTime: now.toISOString() });
    deps.broadcaster.followChanges(socket, caller.role);
  });
}

/**
 * At most `slots` clients are brought up to date at once, each holding its slot until its
 * socket has sent the snapshot on. A snapshot of thousands of tickets is serialized once per
 * socket, so forty seats signing in together would otherwise hold forty copies in memory at
 * the same moment (measured: a 389 MiB peak at a lakh of tickets).
 */
export class CatchUpSlots {
  private free: number;
  private waiting: (() => void)[] = [];

  constructor(slots: number) {
    this.free = slots;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free -= 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free += 1;
    }
  }
}

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
