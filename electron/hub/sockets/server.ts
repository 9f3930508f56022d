/**
 * The Socket.IO side of the hub: who may connect (the handshake, auth.ts) and what a new
 * connection sets going: its requests' handlers, its seat's presence, catching it up (or, for a
 * client that only makes requests, just `synced`), then the configuration and (supervisors,
 * walls) the statistics.
 */
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { admit, callerOf, type Admitted, type Keys } from '../auth';
import type { HubParts } from '../handlers/context';
import { attachHandlers } from '../handlers/dispatch';
import type { LogError } from '../options';
import type { RateLimit } from '../rateLimit';
import { maskStats } from '../stats';
import type { LiveConfig } from '../store/config';
import type { StatsPublisher } from '../services/statsPublisher';
import type { Broadcaster } from './broadcaster';
import { catchUp, CatchUpSlots, drained, synced, type CatchUpDeps } from './catchUp';
import type { SeatPresence } from './presence';

/** The Socket.IO server, not yet attached to HTTP: the broadcaster is built on it first. */
export function createSocketServer(): Server {
  return new Server({
    // Larger than the 64 KiB a message may be, so that an oversized request is answered
    // with `too_large` instead of a dropped connection; past this Socket.IO closes the socket.
    maxHttpBufferSize: 1_000_000,
    serveClient: false,
    pingInterval: 10_000,
    pingTimeout: 8_000,
  });
}

export type SocketDeps = {
  keys: Keys;
  seats: number;
  rateLimit: RateLimit;
  parts: HubParts;
  presence: SeatPresence;
  broadcaster: Broadcaster;
  catchUp: CatchUpDeps;
  config: LiveConfig;
  stats: StatsPublisher;
  logError: LogError;
};

/** At most this many clients are caught up at once (see CatchUpSlots). */
const CATCH_UP_SLOTS = 4;

export function serveSockets(io: Server, http: HttpServer, deps: SocketDeps): void {
  const slots = new CatchUpSlots(CATCH_UP_SLOTS);
  io.attach(http);
  io.use((socket, next) => {
    const admitted = admit(deps.keys, deps.seats, socket.handshake.auth);
    if (admitted instanceof Error) return next(admitted);
    (socket.data as { admitted: Admitted }).admitted = admitted;
    next();
  });
  io.on('connection', (socket) => connected(socket, deps, slots));
}

function connected(socket: Socket, deps: SocketDeps, slots: CatchUpSlots): void {
  const caller = callerOf(socket);
  const { live, since, clockDriftMs } = (socket.data as { admitted: Admitted }).admitted;
  attachHandlers(socket, deps.parts, caller, deps.rateLimit, deps.logError);
  if (caller.role === 'operator') deps.presence.arrive(socket, caller, clockDriftMs);
  const upToDate = live
    ? slots.run(async () => {
        await catchUp(deps.catchUp, socket, caller, since);
        await drained(socket);
      })
    : Promise.resolve().then(() => {
        socket.emit('synced', synced(deps.catchUp.writer.state, deps.catchUp.timeZone));
      });
  upToDate
    .then(async () => {
      socket.emit('config', deps.config.current);
      if (caller.role === 'operator') return;
      if (caller.role === 'supervisor') deps.broadcaster.followStats(socket);
      const current = await deps.stats.current();
      socket.emit('stats', caller.role === 'wall' ? maskStats(current) : current);
    })
    .catch((err) => {
      deps.logError('could not bring a client up to date', err);
      socket.disconnect(true);
    });
}

/** Stops taking connections: every socket is closed, then Socket.IO and the HTTP server under it. */
export async function closeSockets(io: Server, http: HttpServer): Promise<void> {
  io.disconnectSockets(true);
  const closed = new Promise<void>((resolve) => io.close(() => resolve()));
  // Idle keep-alive connections would hold the HTTP server open.
  http.closeAllConnections();
  await closed;
}
