/**
 * Everything the hub pushes to clients without being asked, in one place:
 *
 *   change   operators and supervisors as made; walls masked          (rooms `full`, `wall`)
 *   config   everyone, when a supervisor's change is committed
 *   counter  everyone, when local midnight passes without a call
 *   stats    supervisors as computed; walls masked                     (rooms `supervisors`, `wall`)
 *
 * Answers to one socket are sent where they are made: the snapshot or missed changes and
 * `synced` (catchUp.ts), `config` and `stats` on connect (server.ts), `seat:revoked`
 * (presence.ts), and every ack (handlers/dispatch.ts).
 *
 * A socket being caught up is held: the changes committed meanwhile are kept for it and sent,
 * after what it was caught up to, in the same tick as it joins its room (`hold`).
 */
import type { Server, Socket } from 'socket.io';
import type { Change } from '../../../shared/protocol/change';
import type { FloorConfig } from '../../../shared/protocol/config';
import type { Counter } from '../../../shared/protocol/counter';
import type { Role } from '../../../shared/protocol/handshake';
import type { FloorStats } from '../../../shared/protocol/stats';
import { maskChange } from '../mask';
import { maskStats } from '../stats';

const ROOM_FULL = 'full';
const ROOM_WALL = 'wall';
const ROOM_SUPERVISORS = 'supervisors';

/** A socket's changes, kept while it is caught up. */
export type Held = {
  /**
   * Sends the kept changes after `seq` (what the socket was caught up to), in order, and joins
   * its room, in one tick: every later change reaches it once, through the room.
   */
  release(seq: number): void;
  /** Forgets the socket (it went away, or catching up failed); nothing more is sent. */
  cancel(): void;
};

export class Broadcaster {
  private readonly held = new Map<Socket, Change[]>();

  constructor(private readonly io: Server) {}

  /** Committed changes, in seq order. */
  changes(changes: Change[]): void {
    for (const c of changes) {
      this.io.to(ROOM_FULL).emit('change', c);
      this.io.to(ROOM_WALL).emit('change', maskChange(c));
    }
    for (const kept of this.held.values()) kept.push(...changes);
  }

  config(config: FloorConfig): void {
    this.io.emit('config', config);
  }

  counter(counter: Counter): void {
    this.io.emit('counter', counter);
  }

  stats(stats: FloorStats): void {
    this.io.to(ROOM_SUPERVISORS).emit('stats', stats);
    this.io.to(ROOM_WALL).emit('stats', maskStats(stats));
  }

  /** Keeps every change committed from now on for `socket`, until it is released into its room. */
  hold(socket: Socket, role: Role): Held {
    const kept: Change[] = [];
    this.held.set(socket, kept);
    const forget = () => {
      if (this.held.get(socket) === kept) this.held.delete(socket);
    };
    return {
      release: (seq) => {
        forget();
        for (const c of kept) if (c.seq > seq) socket.emit('change', role === 'wall' ? maskChange(c) : c);
        void socket.join(role === 'wall' ? ROOM_WALL : ROOM_FULL);
      },
      cancel: forget,
    };
  }

  /** From now on a supervisor's `socket` gets the unmasked statistics (a wall gets them with its changes). */
  followStats(socket: Socket): void {
    void socket.join(ROOM_SUPERVISORS);
  }
}
