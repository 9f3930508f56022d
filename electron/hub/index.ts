/**
 * The hub: one module, one entry. `npm run hub` (cli.ts), the desktop app and the tests all
 * start it through `startHub`, which builds its parts in the order they depend on each other,
 * each handed what it uses, and starts its timers once it listens. It never imports electron.
 *
 * Who publishes what: the writer's committed changes, a supervisor's configuration, the
 * midnight counter and the statistics all reach clients through the one Broadcaster.
 */
import type { AddressInfo } from 'node:net';
import { OneTimePins } from './accounts/oneTimePins';
import { applyUsers, ensureSupervisor, FirstSupervisorFile, type FirstSupervisor } from './accounts/seed';
import { SignIn } from './accounts/signIn';
import type { Keys } from './auth';
import type { HubParts } from './handlers/context';
import { closeAbandonedCalls } from './handlers/abandonedCalls';
import { seatsOfflineAtStart } from './handlers/seats';
import { ExportLinks } from './http/exportLinks';
import { serveExport } from './http/exports';
import { createHttpServer, listen } from './http/server';
import { hubSettings, type HubOptions } from './options';
import { Backups } from './services/backups';
import { CallGrace } from './services/callGrace';
import { Maintenance } from './services/maintenance';
import { RunningMark } from './services/runningMark';
import { startAll, stopAll, type Service } from './services/service';
import { StatsPublisher } from './services/statsPublisher';
import { Broadcaster } from './sockets/broadcaster';
import { SnapshotTickets } from './sockets/catchUp';
import { PeopleOnline } from './sockets/people';
import { SeatPresence } from './sockets/presence';
import { closeSockets, createSocketServer, serveSockets } from './sockets/server';
import { computeStats } from './stats';
import { LiveConfig, loadConfig } from './store/config';
import { openStore } from './store/open';
import { loadState } from './store/loadState';
import { Writer } from './store/writer';

export { DEFAULT_CALL_GRACE_SECONDS, DEFAULT_SEATS, DEFAULT_TIME_ZONE, type HubOptions } from './options';

export type Hub = {
  url: string;
  port: number;
  keys: Keys;
  dbFile: string;
  /**
   * The supervisor account this start made, on a hub that had none, with its one-time PIN:
   * for whoever started the hub to read once (it is also in `file`, readable only by the hub's
   * account, until the PIN is changed). Never in the hub's log.
   */
  firstSupervisor?: FirstSupervisor;
  /** Runs the housekeeping round now (the hub also runs it every 30 seconds). */
  maintenance(): Promise<void>;
  /** Stops taking connections, commits what is queued, closes the database. */
  close(): Promise<void>;
};

export async function startHub(options: HubOptions): Promise<Hub> {
  const settings = hubSettings(options);
  const { seats, timeZone, log, logError } = settings;
  // The store, then the writer, whose commits go out through the broadcaster.
  const store = await openStore(settings);
  const state = await loadState(store.writeDb, seats, timeZone, new Date()).catch(async (err: unknown) => {
    await store.close();
    throw err;
  });
  const io = createSocketServer();
  const broadcaster = new Broadcaster(io);
  const writer = new Writer(store.writeDb, state, (changes) => broadcaster.changes(changes), logError);
  const stopWriting = async () => {
    await writer.drain();
    await store.close();
  };
  try {
    await seatsOfflineAtStart(writer);
    // Calls left open while the hub was not running, by seats gone past their grace period since.
    await closeAbandonedCalls(writer, settings.callGraceMs);
    // The people who may sign in: the accounts of --users that are new, then a first supervisor
    // on a hub without any; failed sign-ins of the last minutes keep their lockouts.
    const firstSupervisorFile = new FirstSupervisorFile(settings.dataDir);
    await firstSupervisorFile.tidy(store.reader);
    const created = await applyUsers(writer, store.reader, settings.users, settings.pinHashing);
    if (created.length > 0) log(`${created.length} account${created.length === 1 ? '' : 's'} created from the users list: ${created.slice(0, 5).join(', ')}${created.length > 5 ? ', …' : ''}`);
    const firstSupervisor = await ensureSupervisor(writer, store.reader, settings.dataDir, settings.pinHashing);
    if (firstSupervisor) log(`a first supervisor account, ${firstSupervisor.username}, was made with a one-time PIN; it is in ${firstSupervisor.file} (readable only by this account) until it is changed`);
    const signIn = new SignIn({ reader: store.reader, writer, limits: settings.signInLimits, pinHashing: settings.pinHashing, sessionMs: settings.sessionMs, logError });
    await signIn.restore();
    const people = new PeopleOnline(writer, logError);
    // What requests, routes and timers share: the configuration in force, seats' sockets,
    // the statistics, backups, housekeeping and export links.
    const config = new LiveConfig(await loadConfig(store.reader), (c) => broadcaster.config(c));
    const presence = new SeatPresence(writer, logError);
    const stats = new StatsPublisher({
      compute: () => computeStats(store.reader, writer.state, timeZone, { drift: presence.clockDrift, callGraceMs: settings.callGraceMs }),
      publish: (s) => broadcaster.stats(s),
      version: () => writer.state.seq,
      logError,
    });
    const backups = new Backups({ dbFile: store.file, ...settings.backup, log, logError });
    const maintenance = new Maintenance({ writer, config, broadcaster, timeZone, log, logError });
    const exportLinks = new ExportLinks();
    const parts: HubParts = {
      writer,
      reader: store.reader,
      seats,
      timeZone,
      config,
      backups,
      exportLinks,
      people,
      signIn,
      accounts: { pinHashing: settings.pinHashing, oneTimePins: new OneTimePins(), firstSupervisor: firstSupervisorFile },
    };

    // HTTP routes, then Socket.IO on the same server; the timers start once it listens.
    const http = createHttpServer(
      {
        seq: () => writer.state.seq,
        exportCsv: (url, res) => serveExport({ links: exportLinks, writer, reader: store.reader, timeZone, logError }, url, res),
        ...(settings.rendererDir !== undefined ? { rendererDir: settings.rendererDir } : {}),
      },
      logError,
    );
    serveSockets(io, http, {
      keys: settings.keys,
      seats,
      rateLimit: settings.rateLimit,
      parts,
      presence,
      people,
      signIn,
      broadcaster,
      catchUp: { writer, snapshots: store.snapshots, broadcaster, cache: new SnapshotTickets(), timeZone },
      config,
      stats,
      logError,
    });
    const services: Service[] = [
      stats,
      maintenance,
      backups,
      new RunningMark({ writer, logError }),
      new CallGrace({ writer, graceMs: settings.callGraceMs, log, logError }),
    ];

    await listen(http, settings.port, settings.host);
    startAll(services);
    const port = (http.address() as AddressInfo).port;
    const host = settings.host !== '0.0.0.0' && settings.host !== '::' ? settings.host : '127.0.0.1';
    let closed: Promise<void> | undefined;
    return {
      url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
      port,
      keys: settings.keys,
      dbFile: store.file,
      ...(firstSupervisor ? { firstSupervisor } : {}),
      maintenance: () => maintenance.run(true),
      close: () =>
        (closed ??= (async () => {
          presence.stop();
          people.stop();
          await stopAll(services, logError);
          await closeSockets(io, http);
          await stopWriting();
        })()),
    };
  } catch (err) {
    await stopWriting();
    throw err;
  }
}
