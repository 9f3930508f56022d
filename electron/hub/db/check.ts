/**
 * Checks of a database file before the hub trusts it: a fast structural one at every start,
 * and a full one for a backup before it counts or is restored. Each returns what is wrong, in
 * words for the person starting the hub, or null.
 */
import { existsSync } from 'node:fs';
import sqlite3 from 'sqlite3';
import { Db } from './connection';
import { SCHEMA_VERSION } from './migrate';

/** A fast structural check of the database a hub is about to open. */
export async function quickCheck(file: string): Promise<string | null> {
  let probe: Db | undefined;
  try {
    probe = await Db.open(file, sqlite3.OPEN_READONLY);
    const rows = await probe.all<{ quick_check: string }>('PRAGMA quick_check');
    if (rows.length !== 1 || rows[0]!.quick_check !== 'ok') return `the database ${file} is damaged (${rows.slice(0, 2).map((r) => r.quick_check).join('; ')})`;
    return null;
  } catch (err) {
    return `the database ${file} cannot be read (${(err as Error).message})`;
  } finally {
    await probe?.close().catch(() => undefined);
  }
}

/** Checks a database file: readable, intact, a schema this hub knows. Returns the problem, or null. */
export async function checkDatabaseFile(file: string): Promise<string | null> {
  if (!existsSync(file)) return `${file} does not exist`;
  let db: Db | undefined;
  try {
    db = await Db.open(file, sqlite3.OPEN_READONLY);
    const check = await db.all<{ integrity_check: string }>('PRAGMA integrity_check');
    if (check.length !== 1 || check[0]!.integrity_check !== 'ok') return `${file} is damaged: ${check.slice(0, 3).map((r) => r.integrity_check).join('; ')}`;
    const v = (await db.get<{ user_version: number }>('PRAGMA user_version'))?.user_version ?? 0;
    if (v === 0) return `${file} is not a hub database`;
    if (v > SCHEMA_VERSION) return `${file} was written by a newer version of the app (schema ${v}, this one knows ${SCHEMA_VERSION})`;
    const tables = await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('tickets', 'calls', 'changes')");
    if (tables.length !== 3) return `${file} is not a hub database`;
    return null;
  } catch (err) {
    return `${file} cannot be read as a database: ${(err as Error).message}`;
  } finally {
    await db?.close().catch(() => undefined);
  }
}
