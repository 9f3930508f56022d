/**
 * The SQLite connection, promisified. One connection carries every write (the hub has one
 * writer, see store/writer.ts); reads for search may share it or use a second connection.
 *
 * Durability: WAL with synchronous=FULL. In WAL mode, NORMAL already survives a crash of the
 * hub process (the WAL is in the OS page cache), but a power cut can lose the last
 * transactions. FULL fsyncs the WAL at every commit, so an acknowledged write survives a power
 * cut as far as the disk honours fsync. The cost is paid once per group commit, not per
 * operation, because the writer batches queued operations into one transaction.
 *
 * WAL size: SQLite checkpoints every 1000 pages (about 4 MiB) by itself; the hub adds a passive
 * checkpoint in its maintenance round, and journal_size_limit truncates the WAL file back to
 * 64 MiB after a checkpoint that a long reader (an export) had held up.
 */
import sqlite3 from 'sqlite3';

export type Row = Record<string, unknown>;

export class Db {
  private constructor(readonly raw: sqlite3.Database, readonly file: string) {}

  static open(file: string, mode = sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE): Promise<Db> {
    return new Promise((resolve, reject) => {
      const raw = new sqlite3.Database(file, mode, (err) => (err ? reject(err) : resolve(new Db(raw, file))));
    });
  }

  run(sql: string, params: unknown[] = []): Promise<{ changes: number; lastID: number }> {
    return new Promise((resolve, reject) => {
      this.raw.run(sql, params, function (this: sqlite3.RunResult, err: Error | null) {
        if (err) reject(err);
        else resolve({ changes: this.changes, lastID: this.lastID });
      });
    });
  }

  get<T = Row>(sql: string, params: unknown[] = []): Promise<T | undefined> {
    return new Promise((resolve, reject) => {
      this.raw.get(sql, params, (err: Error | null, row: T) => (err ? reject(err) : resolve(row)));
    });
  }

  all<T = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
    return new Promise((resolve, reject) => {
      this.raw.all(sql, params, (err: Error | null, rows: T[]) => (err ? reject(err) : resolve(rows)));
    });
  }

  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => this.raw.exec(sql, (err) => (err ? reject(err) : resolve())));
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.raw.close((err) => (err ? reject(err) : resolve())));
  }
}

export async function applyPragmas(db: Db): Promise<void> {
  const mode = await db.get<{ journal_mode: string }>('PRAGMA journal_mode = WAL');
  if (mode?.journal_mode !== 'wal') throw new Error(`could not switch the database to WAL (got ${mode?.journal_mode})`);
  await db.exec(`
    PRAGMA synchronous = FULL;
    PRAGMA foreign_keys = ON;
    PRAGMA busy_timeout = 5000;
    PRAGMA temp_store = MEMORY;
    PRAGMA wal_autocheckpoint = 1000;
    PRAGMA journal_size_limit = 67108864;
  `);
}
