/**
 * The hub: one module, one entry. `npm run hub` (cli.ts), the desktop app and the tests all
 * start it through `startHub`. It never imports electron.
 */
import { accessSync, constants, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Server } from 'socket.io';
import { assertTimeZone } from '../../shared/domain/localDay';
import { admit, callerOf, type Admitted, type Keys } from './auth';
import { quickCheck } from './db/check';
import { applyPragmas, checkpoint, Db, openReadOnly, readOnlyView } from './db/connection';
import { migrate } from './db/migrate';
import { backupNow, type BackupInfo } from './db/backup';
import type { HubParts } from './handlers/context';
import { attachHandlers } from './handlers/dispatch';
import { seatOffline, seatOnline } from './handlers/seats';
import { lockDataDir } from './lock';
import { DEFAULT_RATE_LIMIT, type RateLimit } from './rateLimit';
import { SECURITY_HEADERS, send, serveStatic } from './static';
import { serveExport } from './reports';
import { pruneChanges } from './store/changes';
import { counterOf, loadState, rollDay } from './store/state';
import { putSeat, withState } from './store/seats';
import { Writer } from './store/writer';
import { applyRetention } from './store/retention';
import { broadcaster, drained, ROOM_SUPERVISORS, ROOM_WALL, SnapshotTickets, catchUp, CatchUpSlots } from './catchUp';
import { computeStats, maskStats, StatsPublisher } from './stats';
import { loadConfig } from './store/config';
import { setInitialTotal, stampCreation } from './store/meta';
import { pruneOps } from './store/ops';

export type HubOptions = {
  dataDir: string;
  keys: Keys;
  port?: number;
  host?: string;
  seats?: number;
  /** Where the all-time counter starts; stored, so a restart without it keeps the value. */
  initialTotal?: number;
  timeZone?: string;
  /** The built renderer (dist/renderer). */
  rendererDir?: string;
  rateLimit?: RateLimit;
  /** Scheduled online backups: folder (default DATA/backups), minutes between (0: off), how many kept. */
  backup?: { dir?: string; everyMinutes?: number; keep?: number };
  log?: (line: string) => void;
};

export type Hub = {
  url: string;
  port: number;
  keys: Keys;
  dbFile: string;
  /** Runs the housekeeping round now (the hub also runs it every 30 seconds). */
  maintenance(): Promise<void>;
  /** Stops taking connections, commits what is queued, closes the database. */
  close(): Promise<void>;
};

export const DEFAULT_SEATS = 40;
const INITIALIZED_MARKER = 'hub.initialized';

function backupDir(options: HubOptions): string {
  return options.backup?.dir ?? join(options.dataDir, 'backups');
}

/** Creates the data folder if needed and proves it is writable, with a message that says what to fix. */
function prepareDataDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (err) {
    throw new Error(`the data folder ${dir} cannot be created or written (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); check the path and its permissions`, { cause: err });
  }
}

/** Listens, retrying a port still held by a hub that is shutting down for a few seconds. */
async function listen(http: HttpServer, port: number, host: string, waitMs = 5_000): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      await new Promise<void>((resolve, reject) => {
        http.once('error', reject);
        http.listen(port, host, () => {
          http.off('error', reject);
          resolve();
        });
      });
      return;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EADDRINUSE' || port === 0 || Date.now() > deadline) {
        if (code === 'EADDRINUSE') throw new Error(`port ${port} is already in use on ${host}: is another hub running? Stop it or choose another --port`, { cause: err });
        throw err;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
export const DEFAULT_TIME_ZONE = 'Asia/Kolkata';
const MAINTENANCE_MS = 30_000;
/** How long an opId is remembered: far longer than any outbox waits offline. */
const OPS_KEPT_DAYS = 30;

export async function startHub(options: HubOptions): Promise<Hub> {
  const seats = options.seats ?? DEFAULT_SEATS;
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const log = options.log ?? ((line: string) => console.error(line));
  const logErr = (msg: string, err?: unknown) => log(err ? `${msg}: ${err instanceof Error ? err.stack ?? err.message : String(err)}` : msg);
  if (!Number.isInteger(seats) || seats < 1 || seats > 1000) throw new Error('seats must be a whole number from 1 to 1000');
  assertTimeZone(timeZone);
  const distinct = new Set(Object.values(options.keys));
  if (distinct.size !== 3 || [...distinct].some((k) => !k)) throw new Error('the operator, supervisor and wall keys must be set and all different');

  prepareDataDir(options.dataDir);
  const unlock = await lockDataDir(options.dataDir);
  const dbFile = join(options.dataDir, 'hub.sqlite');
  const marker = join(options.dataDir, INITIALIZED_MARKER);
  let db: Db | undefined;
  let reader: Db | undefined;
  try {
    if (existsSync(marker) && !existsSync(dbFile)) {
      throw new Error(
        `the data folder ${options.dataDir} held a hub database, but hub.sqlite is gone. Not starting with an empty one: restore a backup (npm run hub -- --restore FILE --data ${options.dataDir}) or remove ${INITIALIZED_MARKER} to start afresh`,
      );
    }
    if (existsSync(dbFile)) {
      const problem = await quickCheck(dbFile);
      if (problem) throw new Error(`${problem}. Restore a backup with --restore FILE (the backups are in ${backupDir(options)})`);
    }
    db = await Db.open(dbFile).catch((err: Error) => {
      throw new Error(`cannot open ${dbFile} for writing (${err.message}): check that the data folder is writable`, { cause: err });
    });
    await applyPragmas(db);
    await migrate(db);
    await stampCreation(db, new Date());
    if (!existsSync(marker)) writeFileSync(marker, 'This folder holds a Helpline Control Room hub database (hub.sqlite).\n');
    if (options.initialTotal !== undefined) {
      if (!Number.isInteger(options.initialTotal) || options.initialTotal < 0) throw new Error('initial total must be a whole number, 0 or more');
      await setInitialTotal(db, options.initialTotal);
    }
    reader = await openReadOnly(dbFile);
  } catch (err) {
    await reader?.close().catch(() => undefined);
    await db?.close().catch(() => undefined);
    await unlock();
    throw err;
  }

  const state = await loadState(db, seats, timeZone, new Date());
  let publish: ReturnType<typeof broadcaster> = () => undefined;
  const writer = new Writer(db, state, (changes) => publish(changes), logErr);
  const http = createServer((req, res) => {
    // Whatever a request looks like, it gets an answer and never takes the hub down.
    try {
      routeRequest(req, res);
    } catch (err) {
      logErr('bad HTTP request', err);
      if (!res.headersSent) send(res, 400, 'text/plain; charset=utf-8', 'Bad request\n');
      else res.destroy();
    }
  });
  function routeRequest(req: IncomingMessage, res: ServerResponse): void {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') {
      send(res, 200, 'application/json', JSON.stringify({ ok: true, seq: writer.state.seq }));
      return;
    }
    if (path === '/export/tickets.csv' || path === '/export/calls.csv') {
      serveExport(parts, new URL(req.url ?? '/', 'http://hub'), res, SECURITY_HEADERS, logErr).catch((err) => logErr('export failed', err));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed\n');
      return;
    }
    if (!options.rendererDir) {
      send(res, 404, 'text/plain; charset=utf-8', 'This hub serves no consoles.\n');
      return;
    }
    serveStatic(options.rendererDir, req, res);
  }

  const io = new Server(http, {
    // Larger than the 64 KiB a message may be, so that an oversized request is answered
    // with `too_large` instead of a dropped connection; past this Socket.IO closes the socket.
    maxHttpBufferSize: 1_000_000,
    serveClient: false,
    pingInterval: 10_000,
    pingTimeout: 8_000,
  });
  let config = await loadConfig(db);
  /** Each online seat's clock minus the hub's, as measured at its handshake. */
  const seatDrift = new Map<number, number>();
  const backupHub: { run?: () => Promise<BackupInfo> } = {};
  const parts: HubParts = {
    backup: () => backupHub.run!(),
    writer,
    reader: readOnlyView(reader),
    seats,
    timeZone,
    config: () => config,
    configChanged: (next) => {
      if (next.version <= config.version) return;
      config = next;
      io.emit('config', next);
      stats.markDirty();
    },
  };
  const stats = new StatsPublisher(
    () => computeStats(parts.reader, writer.state, timeZone, seatDrift),
    (s) => {
      io.to(ROOM_SUPERVISORS).emit('stats', s);
      io.to(ROOM_WALL).emit('stats', maskStats(s));
    },
    logErr,
  );

  // Seats that were online when the hub stopped are offline now; say so in the log of changes.
  await writer.write(async (tx) => {
    for (const seat of tx.state.seats.values()) {
      if (seat.state !== 'offline') {
        const resumeState = seat.state === 'on_call' ? undefined : seat.state;
        await putSeat(tx, withState(seat, 'offline', tx.now, resumeState ? { resumeState } : {}));
      }
    }
  });

  const snapshotCache = new SnapshotTickets();
  const catchUpSlots = new CatchUpSlots(4);
  const broadcast = broadcaster(io, snapshotCache);
  publish = (changes) => {
    broadcast(changes);
    stats.markDirty();
  };
  let closing = false;
  const seatSockets = new Map<number, string>();


  io.use((socket, next) => {
    const admitted = admit(options.keys, seats, socket.handshake.auth);
    if (admitted instanceof Error) return next(admitted);
    (socket.data as { admitted: Admitted }).admitted = admitted;
    next();
  });

  io.on('connection', (socket) => {
    const caller = callerOf(socket);
    const { since, clockDriftMs } = (socket.data as { admitted: Admitted }).admitted;
    attachHandlers(socket, parts, caller, options.rateLimit ?? DEFAULT_RATE_LIMIT, logErr);
    const seat = caller.seat;
    if (seat !== undefined) {
      const previous = seatSockets.get(seat);
      seatSockets.set(seat, socket.id);
      if (clockDriftMs !== undefined) seatDrift.set(seat, clockDriftMs);
      else seatDrift.delete(seat);
      if (previous) {
        const old = io.sockets.sockets.get(previous);
        old?.emit('seat:revoked', { seat, reason: 'this seat was signed in on another window' });
        old?.disconnect(true);
      }
      seatOnline(parts, seat, caller.name).catch((err) => logErr(`seat ${seat} could not come online`, err));
      socket.on('disconnect', () => {
        if (seatSockets.get(seat) !== socket.id) return; // taken over: the seat is still online
        seatSockets.delete(seat);
        seatDrift.delete(seat);
        if (!closing) seatOffline(parts, seat).catch((err) => logErr(`seat ${seat} could not go offline`, err));
      });
    }
    catchUpSlots
      .run(async () => {
        await catchUp(parts, snapshotCache, socket, caller, since);
        await drained(socket);
      })
      .then(async () => {
        socket.emit('config', config);
        if (caller.role === 'operator') return;
        if (caller.role === 'supervisor') socket.join(ROOM_SUPERVISORS);
        const current = await stats.current();
        socket.emit('stats', caller.role === 'wall' ? maskStats(current) : current);
      })
      .catch((err) => {
        logErr('could not bring a client up to date', err);
        socket.disconnect(true);
      });
  });

  const backups = backupDir(options);
  const backupKeep = options.backup?.keep ?? 48;
  let backupRunning: Promise<BackupInfo> | null = null;
  backupHub.run = () => {
    // One at a time: a second request while one runs gets that one's result.
    backupRunning ??= backupNow(dbFile, backups, backupKeep).finally(() => (backupRunning = null));
    return backupRunning;
  };
  const everyMs = (options.backup?.everyMinutes ?? 60) * 60_000;
  const backupTimer =
    everyMs > 0
      ? setInterval(() => {
          backupHub.run!().then(
            (b) => log(`backup written: ${b.file} (${Math.round(b.bytes / 1024)} KiB, ${b.ms} ms)`),
            (err) => logErr('scheduled backup failed', err),
          );
        }, everyMs)
      : null;
  backupTimer?.unref();

  let lastRetention = 0;
  /** Housekeeping: the day's counter, pruning logs, the WAL, and privacy retention hourly. */
  const runMaintenance = async (force = false): Promise<void> => {
    const rolled = await writer.write(async (tx) => {
      const before = tx.state.dayKey;
      rollDay(tx.state, tx.now, timeZone);
      await pruneChanges(tx.db, tx.state.seq);
      await pruneOps(tx.db, new Date(tx.now.getTime() - OPS_KEPT_DAYS * 86_400_000));
      return before !== tx.state.dayKey ? counterOf(tx.state, tx.now, timeZone) : null;
    });
    if (rolled) io.emit('counter', rolled);
    await writer.read((_state, db) => checkpoint(db, 'PASSIVE'));
    if (force || Date.now() - lastRetention > 3_600_000) {
      lastRetention = Date.now();
      const masked = await applyRetention(writer, config.privacy.maskClosedAfterDays);
      if (masked.tickets + masked.calls > 0) log(`privacy retention: masked ${masked.tickets} closed tickets and ${masked.calls} calls`);
    }
  };
  const maintenance = setInterval(() => void runMaintenance().catch((err) => logErr('maintenance failed', err)), MAINTENANCE_MS);
  maintenance.unref();

  await listen(http, options.port ?? 0, options.host ?? '0.0.0.0').catch(async (err) => {
    clearInterval(maintenance);
    if (backupTimer) clearInterval(backupTimer);
    stats.stop();
    await writer.drain();
    await reader!.close().catch(() => undefined);
    await db!.close().catch(() => undefined);
    await unlock();
    throw err;
  });

  const port = (http.address() as AddressInfo).port;
  const host = options.host && options.host !== '0.0.0.0' && options.host !== '::' ? options.host : '127.0.0.1';
  let closed: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    keys: options.keys,
    dbFile,
    maintenance: () => runMaintenance(true),
    close: () =>
      (closed ??= (async () => {
        closing = true;
        clearInterval(maintenance);
        if (backupTimer) clearInterval(backupTimer);
        await backupRunning?.catch(() => undefined);
        stats.stop();
        io.disconnectSockets(true);
        const stopped = new Promise<void>((resolve) => io.close(() => resolve()));
        http.closeAllConnections();
        await stopped;
        await writer.drain();
        await checkpoint(db!, 'TRUNCATE').catch((err) => logErr('checkpoint at shutdown failed', err));
        await reader!.close();
        await db!.close();
        await unlock();
      })()),
  };
}
