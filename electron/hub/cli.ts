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
import { DEFAULT_SEATS, DEFAULT_TIME_ZONE, startHub } from './index';
import { resolveKeys } from './keys';
import { restoreBackup } from './db/backup';
import { lockDataDir } from './lock';

const USAGE = `Usage: npm run hub -- --port PORT --data DIR [--seats N] [--initial-total N] [--host HOST] [--tz ZONE] [--backup-…] [--restore FILE]
  --port           TCP port to listen on (0 picks a free one; default 4950)
  --data           folder for the database and hub.json (default ./.data/hub)
  --seats          number of operator seats (default ${DEFAULT_SEATS})
  --initial-total  where the all-time call counter starts (calls taken before this system)
  --host           address to listen on (default 0.0.0.0: every network of this PC)
  --tz             time zone for "calls today" (default ${DEFAULT_TIME_ZONE})
  --backup-dir     folder for online backups, ideally another disk (default DIR/backups)
  --backup-every   minutes between backups, 0 for none (default 60)
  --backup-keep    how many backups to keep (default 48)
  --restore FILE   put a backup in place (after checking it; the replaced database is kept), then start
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
        'backup-dir': { type: 'string' },
        'backup-every': { type: 'string' },
        'backup-keep': { type: 'string' },
        restore: { type: 'string' },
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
  const { keys, generated, file } = resolveKeys(dataDir, process.env);
  const backupEvery = wholeNumber('backup-every', values['backup-every'], 0);
  const backupKeep = wholeNumber('backup-keep', values['backup-keep'], 1);

  const hub = await startHub({
    dataDir,
    keys,
    port,
    host: values.host ?? '0.0.0.0',
    ...(seats !== undefined ? { seats } : {}),
    ...(initialTotal !== undefined ? { initialTotal } : {}),
    timeZone: values.tz ?? DEFAULT_TIME_ZONE,
    rendererDir: rendererDir(),
    backup: {
      ...(values['backup-dir'] ? { dir: resolve(values['backup-dir']) } : {}),
      ...(backupEvery !== undefined ? { everyMinutes: backupEvery } : {}),
      ...(backupKeep !== undefined ? { keep: backupKeep } : {}),
    },
    log: (line) => console.error(`[hub] ${line}`),
  });

  if (generated.length > 0) {
    console.log(`New access keys were generated and saved in ${file} (readable only by this user):`);
    for (const role of generated) console.log(`  ${role.padEnd(10)} ${keys[role]}`);
  }
  console.log(`Helpline hub listening on ${hub.url}`);
  if (!values.host || values.host === '0.0.0.0') {
    for (const addrs of Object.values(networkInterfaces())) {
      for (const a of addrs ?? []) if (a.family === 'IPv4' && !a.internal) console.log(`  on the LAN: http://${a.address}:${hub.port}  (wall: /wall?key=...)`);
    }
  }
  console.log(`  operator console: ${hub.url}/   supervisor: ${hub.url}/supervisor   wall display: ${hub.url}/wall?key=<wall key>   data: ${dataDir}`);

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
  watchParent(() => stop('the command that started the hub is gone'));
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
