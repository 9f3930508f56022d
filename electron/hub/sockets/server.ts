/**
 * The Socket.IO side of the hub: who may connect (the handshake, auth.ts) and what a new
 * connection sets going: a person's `session`, its requests' handlers, its seat's presence,
 * catching it up (or, for a client that only makes requests, just `synced`), then the
 * configuration and (supervisors, walls) the statistics. A person who must still choose a PIN
 * gets none of the floor's data until they have: it is caught up after `pin:change`.
 */
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import type { SignIn } from '../accounts/signIn';
import { addressOf, admit, callerOf, type Admitted, type Keys } from '../auth';
import type { HubParts } from '../handlers/context';
import { attachHandlers } from '../handlers/dispatch';
import type { LogError } from '../options';
import type { RateLimit } from '../rateLimit';
import { maskStats } from '../stats';
import type { LiveConfig } from '../store/config';
import type { StatsPublisher } from '../services/statsPublisher';
import type { Broadcaster } from './broadcaster';
import { catchUp, CatchUpSlots, drained, synced, type CatchUpDeps } from './catchUp';
import type { PeopleOnline } from './people';
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
  people: PeopleOnline;
  signIn: SignIn;
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
  const handshake = { keys: deps.keys, seats: deps.seats, signIn: deps.signIn, seatHolders: deps.presence, writer: deps.parts.writer };
  io.use((socket, next) => {
    admit(handshake, socket.handshake.auth, addressOf(socket.handshake.address), socket).then(
      (admitted) => {
        if (admitted instanceof Error) return next(admitted);
        (socket.data as { admitted: Admitted }).admitted = admitted;
        next();
      },
      (err: unknown) => {
        deps.logError('a sign-in could not be checked', err);
        next(Object.assign(new Error('unauthorized'), { data: { code: 'unauthorized', message: 'the hub could not check this sign-in; try again' } }));
      },
    );
  });
  io.on('connection', (socket) => connected(socket, deps, slots));
}

function connected(socket: Socket, deps: SocketDeps, slots: CatchUpSlots): void {
  const caller = callerOf(socket);
  const { live, since, clockDriftMs, session } = (socket.data as { admitted: Admitted }).admitted;
  if (session && caller.role !== 'wall') {
    socket.emit('session', session);
    deps.people.add(socket, caller, session.expiresAt);
  }
  attachHandlers(socket, deps.parts, caller, deps.rateLimit, deps.logError);
  if (caller.role === 'operator') deps.presence.arrive(socket, caller, clockDriftMs);
  deps.people.whenPinChosen(socket, () => bringUpToDate(socket, deps, slots, live, since));
}

function bringUpToDate(socket: Socket, deps: SocketDeps, slots: CatchUpSlots, live: boolean, since: number | undefined): void {
  const caller = callerOf(socket);
  if (!socket.connected) return;
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
