/**
 * The entry of the hub's own process on the hub PC (bundled to dist-electron/hub/index.cjs).
 * Electron starts it with `utilityProcess.fork`; the tests start it with Node's
 * `child_process.fork`. It waits for one `start` message, runs `startHub` (which also keeps the
 * backups), advertises the hub on the LAN, and on `stop` closes everything in order. It never imports
 * electron: the hub must run the same code everywhere.
 *
 * It closes the same way when it is sent SIGTERM or SIGINT (Linux ends every process of a
 * session with SIGTERM at shutdown, possibly before the app has asked; Ctrl-C reaches the whole
 * process group), or when a Node parent goes away: committed data is safe after any exit, but
 * only a clean close removes `hub.lock`, so the next start does not have to judge a stale one.
 */
import { mkdirSync } from 'node:fs';
import { restoreBackup } from '../hub/db/backup';
import { startHub, type Hub } from '../hub/index';
import { resolveKeys } from '../hub/keys';
import { lockDataDir } from '../hub/lock';
import { PROTOCOL_VERSION } from '../../shared/protocol/version';
import { advertiseHub, type Advertisement } from './discovery/bonjour';
import { loadBonjour } from './discovery/loadBonjour';
import { hubTxt } from './discovery/select';
import { type FromHub, type HubStartOptions, ToHub } from './hubMessages';

type Channel = { send(message: FromHub): void; onMessage(listener: (message: unknown) => void): void; onParentGone(listener: () => void): void };

/** Electron's utility process has `process.parentPort`; a Node child has `process.send`. */
function parentChannel(): Channel | null {
  const port = (process as unknown as { parentPort?: { postMessage(m: unknown): void; on(e: 'message', l: (e: { data: unknown }) => void): void } }).parentPort;
  if (port) {
    return {
      send: (m) => port.postMessage(m),
      onMessage: (l) => port.on('message', (e) => l(e.data)),
      // A utility process is ended by Electron together with the app.
      onParentGone: () => undefined,
    };
  }
  if (process.send) {
    return {
      // After the parent has gone, a send would only raise an error on the way out.
      send: (m) => {
        if (process.connected) process.send?.(m);
      },
      onMessage: (l) => process.on('message', l),
      onParentGone: (l) => process.on('disconnect', l),
    };
  }
  return null;
}

const channel = parentChannel();
if (!channel) {
  console.error('This is the hub process of the desktop app; it is started by the app. To run a hub by hand: npm run hub');
  process.exit(2);
}

const log = (line: string) => channel.send({ type: 'log', line });
let hub: Hub | undefined;
let advert: Advertisement | undefined;
let started = false;
/** The start under way, if any: a stop that arrives meanwhile waits for it, so nothing half-open is left. */
let starting: Promise<void> | undefined;
let stopping: Promise<void> | undefined;

async function start(options: HubStartOptions): Promise<void> {
  mkdirSync(options.dataDir, { recursive: true });
  if (options.restoreFrom) {
    // As `npm run hub -- --restore`: refused while another hub holds the folder.
    const unlock = await lockDataDir(options.dataDir, 0);
    try {
      const { replaced } = await restoreBackup(options.restoreFrom, options.dataDir);
      log(`restored ${options.restoreFrom} into ${options.dataDir}${replaced ? `; the database it replaced is kept in ${replaced}` : ''}`);
    } finally {
      await unlock();
    }
  }
  const env = { HUB_OPERATOR_KEY: options.keys.operator, HUB_SUPERVISOR_KEY: options.keys.supervisor, HUB_WALL_KEY: options.keys.wall };
  const { keys, generated, file } = resolveKeys(options.dataDir, env);
  if (generated.length > 0) log(`new access keys (${generated.join(', ')}) were generated and saved in ${file}`);
  hub = await startHub({
    dataDir: options.dataDir,
    keys,
    port: options.port,
    host: options.host,
    rendererDir: options.rendererDir,
    ...(options.seats !== undefined ? { seats: options.seats } : {}),
    ...(options.initialTotal !== undefined ? { initialTotal: options.initialTotal } : {}),
    ...(options.timeZone !== undefined ? { timeZone: options.timeZone } : {}),
    backup: options.backup,
    log,
  });
  if (options.advertiseAs) {
    const Bonjour = await loadBonjour(log);
    if (Bonjour) advert = advertiseHub(Bonjour, { name: options.advertiseAs, port: hub.port, txt: hubTxt(PROTOCOL_VERSION), log });
  }
  channel!.send({ type: 'ready', url: hub.url, port: hub.port, keys, generated });
}

function stop(exitCode: number): Promise<void> {
  stopping ??= (async () => {
    // Whatever hangs, the process ends: the hub's database is safe to reopen after any exit.
    setTimeout(() => process.exit(exitCode || 1), 20_000).unref();
    await starting?.catch(() => undefined);
    await advert?.stop().catch(() => undefined);
    try {
      await hub?.close();
    } catch (err) {
      log(`shutdown failed: ${(err as Error).message}`);
      exitCode = 1;
    }
    channel!.send({ type: 'stopped' });
    // Let the last messages leave before the process ends.
    setTimeout(() => process.exit(exitCode), 50);
  })();
  return stopping;
}

channel.onMessage((raw) => {
  const parsed = ToHub.safeParse(raw);
  if (!parsed.success) {
    log('ignored a message that does not fit the protocol');
    return;
  }
  const msg = parsed.data;
  if (msg.type === 'stop') {
    void stop(0);
    return;
  }
  if (started || stopping) return;
  started = true;
  starting = start(msg.options);
  starting.catch((err: unknown) => {
    channel.send({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
    void stop(1);
  });
});
channel.onParentGone(() => void stop(0));
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    log(`${signal} received; closing the hub`);
    void stop(0);
  });
}

process.on('uncaughtException', (err) => {
  log(`unexpected error: ${err.stack ?? err.message}`);
  void stop(1);
});
