import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change } from '../../../shared/protocol/change';
import { applyPragmas, Db } from '../db/connection';
import { migrate } from '../db/migrate';
import { OpError } from '../errors';
import { once } from './ops';
import { loadState } from './loadState';
import { Writer } from './writer';

let dir: string;
let db: Db;
let published: Change[];
let writer: Writer;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'writer-'));
  db = await Db.open(join(dir, 'hub.sqlite'));
  await applyPragmas(db);
  await migrate(db);
  published = [];
  writer = new Writer(db, await loadState(db, 4, 'Asia/Kolkata', new Date()), (c) => published.push(...c), () => undefined);
});

afterEach(async () => {
  await writer.drain();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = (id: string, fail = false) =>
  writer.write(async (tx) => {
    await tx.db.run('INSERT INTO calls (id, seat, started_at) VALUES (?, 1, ?)', [id, tx.now.toISOString()]);
    tx.state.callsTotal += 1;
    tx.emit('call.ended', { call: { id, seat: 1, startedAt: tx.now.toISOString() } });
    if (fail) throw new OpError('invalid', `refused ${id}`);
    return id;
  });

describe('Writer', () => {
  it('rolls back a failing operation alone inside a group commit', async () => {
    const results = await Promise.allSettled([call('a'), call('b', true), call('c')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(writer.batches).toBe(1);
    const rows = await db.all<{ id: string }>('SELECT id FROM calls ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual(['a', 'c']);
    // Memory follows the disk: the refused operation neither counted nor took a seq.
    expect(writer.state.callsTotal).toBe(2);
    expect(published.map((c) => c.seq)).toEqual([1, 2]);
    const logged = await db.all<{ seq: number }>('SELECT seq FROM changes ORDER BY seq');
    expect(logged.map((r) => r.seq)).toEqual([1, 2]);
  });

  it('publishes only after commit, and reads see exactly what was published', async () => {
    const pending = call('x');
    const seen = await writer.read((state) => ({ seq: state.seq, published: published.length }));
    await pending;
    expect(seen).toEqual({ seq: 1, published: 1 });
  });

  it('applies an opId once and answers a repeat with the first result', async () => {
    const key = { clientId: 'c', opId: 'o', kind: 'test' };
    let applied = 0;
    const op = () => writer.write((tx) => once(tx, key, async () => ({ n: ++applied })));
    const [first, second] = await Promise.all([op(), op()]);
    const third = await op();
    expect([first, second, third]).toEqual([{ n: 1 }, { n: 1 }, { n: 1 }]);
    expect(applied).toBe(1);
    await expect(writer.write((tx) => once(tx, { ...key, kind: 'other' }, async () => 0))).rejects.toMatchObject({ code: 'conflict' });
  });

  it('refuses new work once draining', async () => {
    await writer.drain();
    await expect(call('late')).rejects.toMatchObject({ code: 'internal' });
  });

  it('remembers the state at each recent seq, and waits for one not yet made live', async () => {
    await call('a');
    const later = writer.stateAt(2);
    await call('b');
    const [one, two] = [await writer.stateAt(1), await later];
    expect([one?.seq, one?.callsTotal, two?.seq, two?.callsTotal]).toEqual([1, 1, 2, 2]);
    for (let i = 0; i < 70; i++) await call(`c${i}`);
    expect(await writer.stateAt(1)).toBeUndefined();
    await expect(writer.stateAt(writer.state.seq + 1, 50)).rejects.toThrow(/did not reach/);
  });
});
