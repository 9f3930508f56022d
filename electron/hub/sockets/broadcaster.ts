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

export class Broadcaster {
  constructor(
    private readonly io: Server,
    /** Told of every batch of changes, before any client is (the snapshot cache). */
    private readonly onChanges: (changes: Change[]) => void,
  ) {}

  /** Committed changes, in seq order. */
  changes(changes: Change[]): void {
    this.onChanges(changes);
    for (const c of changes) {
      this.io.to(ROOM_FULL).emit('change', c);
      this.io.to(ROOM_WALL).emit('change', maskChange(c));
    }
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

  /** From now on `socket` gets every change (masked for a wall). Call in the tick that sent it what came before. */
  followChanges(socket: Socket, role: Role): void {
    void socket.join(role === 'wall' ? ROOM_WALL : ROOM_FULL);
  }

  /** From now on a supervisor's `socket` gets the unmasked statistics (a wall gets them with its changes). */
  followStats(socket: Socket): void {
    void socket.join(ROOM_SUPERVISORS);
  }
}
