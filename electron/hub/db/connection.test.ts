import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyPragmas, ConsistentReader, Db, openReadOnly, type ReadDb, type WriteDb } from './connection';

let dir: string;
let db: Db;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'connection-'));
  db = await Db.open(join(dir, 'hub.sqlite'));
  await applyPragmas(db);
  await db.exec('CREATE TABLE t (n INTEGER)');
});

afterEach(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ReadDb and WriteDb', () => {
  it('cannot be passed for each other (the compiler checks this file)', () => {
    const takesRead = (_db: ReadDb) => undefined;
    const takesWrite = (_db: WriteDb) => undefined;
    const swapped = (r: ReadDb, w: WriteDb) => {
      // @ts-expect-error a read path is never handed the write connection
      takesRead(w);
      // @ts-expect-error a reader has no run or exec
      takesWrite(r);
    };
    expect(typeof swapped).toBe('function');
  });
});

describe('ConsistentReader', () => {
  it('sees one moment of the database for the whole of a read, while the writer commits', async () => {
    const reader = new ConsistentReader(await openReadOnly(join(dir, 'hub.sqlite')));
    try {
      await db.run('INSERT INTO t (n) VALUES (1)');
      const seen = await reader.read(async (r) => {
        const before = (await r.get<{ c: number }>('SELECT COUNT(*) AS c FROM t'))!.c;
        await db.run('INSERT INTO t (n) VALUES (2)');
        const after = (await r.get<{ c: number }>('SELECT COUNT(*) AS c FROM t'))!.c;
        return [before, after];
      });
      expect(seen).toEqual([1, 1]);
      expect(await reader.read(async (r) => (await r.get<{ c: number }>('SELECT COUNT(*) AS c FROM t'))!.c)).toBe(2);
    } finally {
      await reader.close();
    }
  });

  it('runs reads one at a time, and a failed read leaves the next one a clean start', async () => {
    const reader = new ConsistentReader(await openReadOnly(join(dir, 'hub.sqlite')));
    try {
      const failed = reader.read(async (r) => r.get('SELECT nope FROM t'));
      const next = reader.read(async (r) => (await r.all('SELECT n FROM t')).length);
      await expect(failed).rejects.toThrow(/nope/);
      expect(await next).toBe(0);
    } finally {
      await reader.close();
    }
  });
});
