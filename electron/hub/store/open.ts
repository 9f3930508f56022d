/**
 * Opening the hub's store: the data folder (created, proven writable, locked against a second
 * hub), the database (checked, migrated, stamped) and its three connections: the writer's, the
 * readers' (search, lookup, history, statistics, reports, exports) and the snapshots' (read
 * transactions, catchUp.ts). A start that fails says why and leaves nothing open.
 */
import { accessSync, constants, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { quickCheck } from '../db/check';
import { applyPragmas, checkpoint, ConsistentReader, Db, openReadOnly, readOnlyView, type ReadDb, type WriteDb } from '../db/connection';
import { migrate } from '../db/migrate';
import { lockDataDir } from '../lock';
import type { HubSettings } from '../options';
import { setInitialTotal, stampCreation } from './meta';

export type Store = {
  file: string;
  /** For the writer alone. */
  writeDb: WriteDb;
  reader: ReadDb;
  /** Reads that must see one moment: snapshots for clients being caught up. */
  snapshots: ConsistentReader;
  /** Checkpoints and closes every connection and releases the folder; the writer must be drained first. */
  close(): Promise<void>;
};

/** Written once a database exists in the folder, so that a database that vanished later is noticed. */
const INITIALIZED_MARKER = 'hub.initialized';

/** Creates the data folder if needed and proves it is writable, with a message that says what to fix. */
function prepareDataDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (err) {
    throw new Error(`the data folder ${dir} cannot be created or written (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); check the path and its permissions`, { cause: err });
  }
}

export async function openStore(settings: Pick<HubSettings, 'dataDir' | 'initialTotal' | 'backup' | 'logError'>): Promise<Store> {
  const { dataDir } = settings;
  prepareDataDir(dataDir);
  const unlock = await lockDataDir(dataDir);
  const file = join(dataDir, 'hub.sqlite');
  const marker = join(dataDir, INITIALIZED_MARKER);
  const opened: Db[] = [];
  const closeAll = async () => {
    for (const db of opened.reverse()) await db.close().catch(() => undefined);
    await unlock();
  };
  try {
    if (existsSync(marker) && !existsSync(file)) {
      throw new Error(
        `the data folder ${dataDir} held a hub database, but hub.sqlite is gone. Not starting with an empty one: restore a backup (npm run hub -- --restore FILE --data ${dataDir}) or remove ${INITIALIZED_MARKER} to start afresh`,
      );
    }
    if (existsSync(file)) {
      const problem = await quickCheck(file);
      if (problem) throw new Error(`${problem}. Restore a backup with --restore FILE (the backups are in ${settings.backup.dir})`);
    }
    const db = await Db.open(file).catch((err: Error) => {
      throw new Error(`cannot open ${file} for writing (${err.message}): check that the data folder is writable`, { cause: err });
    });
    opened.push(db);
    await applyPragmas(db);
    await migrate(db);
    await stampCreation(db, new Date());
    if (!existsSync(marker)) writeFileSync(marker, 'This folder holds a Helpline Control Room hub database (hub.sqlite).\n');
    if (settings.initialTotal !== undefined) await setInitialTotal(db, settings.initialTotal);
    const reader = await openReadOnly(file);
    opened.push(reader);
    const snapshotDb = await openReadOnly(file);
    opened.push(snapshotDb);
    const snapshots = new ConsistentReader(snapshotDb);
    return {
      file,
      writeDb: db,
      reader: readOnlyView(reader),
      snapshots,
      close: async () => {
        await checkpoint(db, 'TRUNCATE').catch((err) => settings.logError('checkpoint at shutdown failed', err));
        await snapshots.close();
        await reader.close();
        await db.close();
        await unlock();
      },
    };
  } catch (err) {
    await closeAll();
    throw err;
  }
}
