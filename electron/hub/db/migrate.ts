/**
 * Numbered migrations tracked in PRAGMA user_version. A database newer than this build knows
 * is refused rather than opened: an older hub must never write into a schema it does not
 * understand.
 */
import type { Db } from './connection';
import m0001 from './migrations/0001-init';
import m0002 from './migrations/0002-accounts';

export const MIGRATIONS: readonly string[] = [m0001, m0002];
export const SCHEMA_VERSION = MIGRATIONS.length;

export class SchemaTooNewError extends Error {
  constructor(readonly found: number) {
    super(`the database has schema version ${found}, newer than this hub knows (${SCHEMA_VERSION}); install the newer version of the app`);
  }
}

/** Brings `db` up to this build's schema (or, for a test of an upgrade, only up to `upTo`). */
export async function migrate(db: Db, upTo = SCHEMA_VERSION): Promise<void> {
  const row = await db.get<{ user_version: number }>('PRAGMA user_version');
  const current = row?.user_version ?? 0;
  if (current > SCHEMA_VERSION) throw new SchemaTooNewError(current);
  for (let v = current; v < upTo; v++) {
    await db.exec('BEGIN IMMEDIATE');
    try {
      await db.exec(MIGRATIONS[v]!);
      await db.exec(`PRAGMA user_version = ${v + 1}`);
      await db.exec('COMMIT');
    } catch (err) {
      await db.exec('ROLLBACK').catch(() => undefined);
      throw err;
    }
  }
}
