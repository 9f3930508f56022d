/**
 * The SQLite connection, promisified, and the two ways the hub holds one. The write connection
 * carries every write and belongs to the one writer (store/writer.ts), which hands it to its
 * transactions as a `WriteDb`. Read paths (search, lookup, history, statistics, reports,
 * exports, snapshots) get a `ReadDb` on a read-only connection of their own, so they never wait
 * behind a commit. The two types are branded apart: neither can be passed for the other.
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

declare const readOnly: unique symbol;
type Queries = Pick<Db, 'get' | 'all'>;

/** A read-only connection: queries, nothing else. */
export type ReadDb = Queries & { readonly [readOnly]: true };
/** The write connection: queries and statements. Never a ReadDb. */
export type WriteDb = Queries & Pick<Db, 'run' | 'exec'> & { readonly [readOnly]?: never };
/** For the few reads made both inside a write transaction and on a reader (a ticket by id). */
export type AnyDb = ReadDb | WriteDb;

/** `db` as read paths see it. Open it with OPEN_READONLY: the type keeps callers honest, the mode keeps the file safe. */
export function readOnlyView(db: Db): ReadDb {
  return { get: (sql, params) => db.get(sql, params), all: (sql, params) => db.all(sql, params) } as Queries as ReadDb;
}

/**
 * A read-only connection whose reads each see one moment of the database: every `read` runs
 * inside a read transaction (in WAL mode, BEGIN … COMMIT holds one snapshot of the file while
 * the writer goes on), one at a time. Its own connection, because a transaction belongs to the
 * connection: a search sharing it would read the transaction's older snapshot and miss a
 * write its own client just had acknowledged.
 */
export class ConsistentReader {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly view: ReadDb;

  constructor(private readonly db: Db) {
    this.view = readOnlyView(db);
  }

  read<T>(run: (db: ReadDb) => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => {
      await this.db.exec('BEGIN');
      try {
        return await run(this.view);
      } finally {
        await this.db.exec('COMMIT');
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.queue;
    await this.db.close();
  }
}

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

/** Opens a read-only connection on `file` that waits for a busy database rather than failing. */
export async function openReadOnly(file: string): Promise<Db> {
  const db = await Db.open(file, sqlite3.OPEN_READONLY);
  await db.exec('PRAGMA busy_timeout = 5000');
  return db;
}

/** Moves what the WAL holds into the database file: PASSIVE waits for no one, TRUNCATE (at shutdown) empties the WAL. */
export async function checkpoint(db: WriteDb, mode: 'PASSIVE' | 'TRUNCATE'): Promise<void> {
  await db.exec(`PRAGMA wal_checkpoint(${mode})`);
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
