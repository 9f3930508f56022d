/**
 * Facts about the database itself, kept in `meta`: when it was created, where the all-time counter
 * starts, the last moment the hub is known to have been running.
 */
import type { AnyDb, WriteDb } from '../db/connection';

async function value(db: AnyDb, key: string): Promise<string | undefined> {
  return (await db.get<{ value: string }>('SELECT value FROM meta WHERE key = ?', [key]))?.value;
}

/** Stamps the database's creation time once; later starts keep the first. */
export async function stampCreation(db: WriteDb, now: Date): Promise<void> {
  await db.run("INSERT INTO meta (key, value) VALUES ('created_at', ?) ON CONFLICT(key) DO NOTHING", [now.toISOString()]);
}

export async function createdAt(db: AnyDb): Promise<string | undefined> {
  return value(db, 'created_at');
}

/** Calls taken before this system; stored, so a restart without the option keeps it. */
export async function setInitialTotal(db: WriteDb, total: number): Promise<void> {
  await db.run("INSERT INTO meta (key, value) VALUES ('initial_total', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", [String(total)]);
}

export async function initialTotal(db: AnyDb): Promise<number> {
  return Number((await value(db, 'initial_total')) ?? 0);
}

/**
 * Notes that the hub is running at `at`. A hub that stopped without warning (killed, a power
 * cut) finds here, at its next start, until when its seats were known to be there.
 */
export async function markRunning(db: WriteDb, at: Date): Promise<void> {
  await db.run("INSERT INTO meta (key, value) VALUES ('running_at', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", [at.toISOString()]);
}

/** The last moment the hub noted it was running, if it ever did. */
export async function lastRunning(db: AnyDb): Promise<string | undefined> {
  return value(db, 'running_at');
}
