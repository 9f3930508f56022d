/**
 * `npm run hub -- --port PORT --data DIR [--seats N] [--initial-total N] [--host H] [--tz ZONE]`
 * Runs the hub under plain Node: on a server, on the supervisor's PC, or in tests.
 * Stops cleanly on SIGTERM/SIGINT: queued writes are committed, then the database is closed.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_CALL_GRACE_SECONDS, DEFAULT_SEATS, DEFAULT_TIME_ZONE, startHub } from './index';
import { addressesWithKeys, startLines } from './addresses';
import { readUsersFile } from './accounts/usersFile';
import { resolveKeys } from './keys';
import { restoreBackup } from './db/backup';
import { lockDataDir } from './lock';

const USAGE = `Usage: npm run hub -- --port PORT --data DIR [--seats N] [--initial-total N] [--host HOST] [--tz ZONE] [--call-grace S] [--users FILE] [--backup-…] [--restore FILE] [--service]
  --port           TCP port to listen on (0 picks a free one; default 4950)
  --data           folder for the database and hub.json (default ./.data/hub)
  --seats          number of operator seats (default ${DEFAULT_SEATS})
  --initial-total  where the all-time call counter starts (calls taken before this system)
  --host           address to listen on (default 0.0.0.0: every network of this PC)
  --tz             time zone for "calls today" (default ${DEFAULT_TIME_ZONE})
  --call-grace     seconds a call stays open after its seat went offline, for it to come back (default ${DEFAULT_CALL_GRACE_SECONDS})
  --users FILE     accounts to create if they do not exist yet: a JSON list of
                   { "username", "name", "role": "operator"|"supervisor", "pin" }; existing accounts are never changed
  --backup-dir     folder for online backups, ideally another disk (default DIR/backups)
  --backup-every   minutes between backups, 0 for none (default 60)
  --backup-keep    how many backups to keep (default 48)
  --restore FILE   put a backup in place (after checking it; the replaced database is kept), then start
  --service        run under a service manager (systemd, a Windows service): keep running whatever
                   started it, and print no key or keyed address into the log (docs/install.md)
  --print-addresses  print the addresses of the floor's screens with their keys, then exit
Keys come from HUB_OPERATOR_KEY, HUB_SUPERVISOR_KEY, HUB_WALL_KEY or DIR/hub.json.`;

class UsageError extends Error {}

function wholeNumber(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number, at least ${min} (got "${value}")`);
  return n;
}

function rendererDir(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [join(here, '../../dist/renderer'), join(here, '../renderer'), join(process.cwd(), 'dist/renderer')]) {
    if (existsSync(join(candidate, 'index.html'))) return resolve(candidate);
  }
  return resolve(join(here, '../../dist/renderer'));
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        port: { type: 'string' },
        data: { type: 'string' },
        seats: { type: 'string' },
        'initial-total': { type: 'string' },
        host: { type: 'string' },
        tz: { type: 'string' },
        'call-grace': { type: 'string' },
        users: { type: 'string' },
        'backup-dir': { type: 'string' },
        'backup-every': { type: 'string' },
        'backup-keep': { type: 'string' },
        restore: { type: 'string' },
        service: { type: 'boolean' },
        'print-addresses': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values } = parsed;
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = wholeNumber('port', values.port, 0) ?? 4950;
  if (port > 65535) throw new UsageError('--port must be at most 65535');
  const dataDir = resolve(values.data ?? '.data/hub');
  const seats = wholeNumber('seats', values.seats, 1);
  const initialTotal = wholeNumber('initial-total', values['initial-total'], 0);
  // The folder must exist before anything is written to it (the keys file, a restore).
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (err) {
    throw new Error(`the data folder ${dataDir} cannot be created or written (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); check the path and its permissions`, { cause: err });
  }
  if (values.restore) {
    // Refuses while a hub holds the folder; the lock is released again before the hub starts.
    const unlock = await lockDataDir(dataDir, 0);
    try {
      const { replaced } = await restoreBackup(resolve(values.restore), dataDir);
      console.log(`Restored ${values.restore} into ${dataDir}.${replaced ? ` The database it replaced is kept in ${replaced}.` : ''}`);
    } finally {
      await unlock();
    }
  }
  if (values['print-addresses']) {
    const { keys, generated } = resolveKeys(dataDir, process.env, { create: false });
    if (generated.length > 0) throw new Error(`no keys are stored in ${dataDir} yet: start the hub once on it first`);
    const origins = lanAddresses(values.host).map((ip) => `http://${ip}:${port}`);
    for (const line of addressesWithKeys(origins.length > 0 ? origins : [`http://127.0.0.1:${port}`], keys)) console.log(line);
    return;
  }
  // A wrong users file stops the start before anything is written.
  const users = values.users !== undefined ? readUsersFile(resolve(values.users)) : undefined;
  const { keys, generated, file } = resolveKeys(dataDir, process.env);
  const backupEvery = wholeNumber('backup-every', values['backup-every'], 0);
  const backupKeep = wholeNumber('backup-keep', values['backup-keep'], 1);
  const callGrace = wholeNumber('call-grace', values['call-grace'], 0);
  if (callGrace !== undefined && callGrace > 86_400) throw new UsageError('--call-grace must be at most 86400 seconds (a day)');

  const hub = await startHub({
    dataDir,
    keys,
    port,
    host: values.host ?? '0.0.0.0',
    ...(seats !== undefined ? { seats } : {}),
    ...(initialTotal !== undefined ? { initialTotal } : {}),
    timeZone: values.tz ?? DEFAULT_TIME_ZONE,
    ...(callGrace !== undefined ? { callGraceSeconds: callGrace } : {}),
    ...(users !== undefined ? { users } : {}),
    rendererDir: rendererDir(),
    backup: {
      ...(values['backup-dir'] ? { dir: resolve(values['backup-dir']) } : {}),
      ...(backupEvery !== undefined ? { everyMinutes: backupEvery } : {}),
      ...(backupKeep !== undefined ? { keep: backupKeep } : {}),
    },
    log: (line) => console.error(`[hub] ${line}`),
  });

  const lines = startLines({
    url: hub.url,
    port: hub.port,
    lanAddresses: lanAddresses(values.host),
    keys,
    generated,
    keysFile: file,
    dataDir,
    service: values.service === true,
    ...(hub.firstSupervisor ? { firstSupervisor: hub.firstSupervisor } : {}),
  });
  for (const line of lines) console.log(line);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`[hub] ${signal}: finishing queued writes and closing the database`);
    hub.close().then(
      () => process.exit(0),
      (err) => {
        console.error('[hub] shutdown failed:', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  // Under a service manager the hub outlives whatever started it; from a terminal or a test it
  // goes with it (see watchParent).
  if (!values.service) watchParent(() => stop('the command that started the hub is gone'));
}

/** This PC's addresses on the LAN where the hub listens on all of them; else the one it listens on. */
function lanAddresses(host: string | undefined): string[] {
  if (host && host !== '0.0.0.0' && host !== '::') return [host.includes(':') ? `[${host}]` : host];
  return Object.values(networkInterfaces()).flatMap((addrs) => (addrs ?? []).filter((a) => a.family === 'IPv4' && !a.internal).map((a) => a.address));
}

/**
 * `npm run hub` puts npm between a supervisor (a service manager, a terminal, a test) and the
 * hub. If that parent is killed outright, the hub would run on, orphaned, holding the port and
 * the data folder; instead it shuts down cleanly. A hub started directly by init (ppid 1) is
 * left alone.
 */
function watchParent(onGone: () => void): void {
  const parent = process.ppid;
  if (parent <= 1) return;
  const timer = setInterval(() => {
    if (process.ppid !== parent) {
      clearInterval(timer);
      onGone();
    }
  }, 500);
  timer.unref();
}

main().catch((err: unknown) => {
  console.error(`hub: ${err instanceof Error ? err.message : String(err)}`);
  if (err instanceof UsageError) console.error(USAGE);
  process.exitCode = 1;
});
