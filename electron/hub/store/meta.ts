/** Facts about the database itself, kept in `meta`: when it was created, where the all-time counter starts. */
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
