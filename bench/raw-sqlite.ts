/**
 * The raw SQLite baseline: the rows one hub mutation writes, with the hub's own pragmas and
 * schema, through the same driver, and nothing else (no validation, no op-log lookup, no
 * savepoints, no broadcast). One transaction per operation, committed before the next starts:
 * what a hub without group commit could do at best.
 *
 * The operations are the benchmark's cycle (a call that raises a ticket):
 *   call start : calls row, seats row, 2 change-log rows (call.started, seat.updated), op-log row
 *   ticket     : tickets row (with its JSON document), tickets_fts row, ticket_events row, change-log row, op-log row
 *   call end   : calls update, seats row, 2 change-log rows, op-log row
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { applyPragmas, Db } from '../electron/hub/db/connection';
import { migrate } from '../electron/hub/db/migrate';
import { tempDir } from './lib';

const SEAT_UPSERT = `INSERT INTO seats (seat, name, state, since, call_id, resume_state) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(seat) DO UPDATE SET name = excluded.name, state = excluded.state, since = excluded.since,
       call_id = excluded.call_id, resume_state = excluded.resume_state`;
const TICKET_INSERT = `INSERT INTO tickets (id, number, status, category, priority, department, phone, seat, created_at, updated_at, due_at, assigned_seat, doc)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const DESCRIPTION = 'Family of five has not received ration for two weeks; asks where the nearest distribution point is.';

type State = { seq: number; number: number; callId: string; ticketId: string };
type Exec = { run(sql: string, params: unknown[]): Promise<unknown> };

/**
 * How statements reach SQLite. `plain` is the hub's way (Database#run: the SQL is prepared
 * again at every call). `prepared` keeps one prepared statement per SQL text. `pipelined` also
 * stops waiting for each statement: the connection runs them in order (serialized mode) and the
 * operation waits once, at its end — what the hub could do for statements whose result it does
 * not read.
 */
export type StatementMode = 'plain' | 'prepared' | 'pipelined';

function executor(db: Db, mode: StatementMode): Exec & { settle(): Promise<void>; finalize(): Promise<void> } {
  if (mode === 'plain') return { run: (sql, params) => db.run(sql, params), settle: async () => undefined, finalize: async () => undefined };
  const cache = new Map<string, ReturnType<Db['raw']['prepare']>>();
  const pending: Promise<unknown>[] = [];
  const run = (sql: string, params: unknown[]) => {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = db.raw.prepare(sql);
      cache.set(sql, stmt);
    }
    const p = new Promise((resolve, reject) => stmt!.run(params, (err: Error | null) => (err ? reject(err) : resolve(undefined))));
    if (mode === 'pipelined') {
      pending.push(p);
      return Promise.resolve();
    }
    return p;
  };
  return {
    run,
    settle: async () => void (await Promise.all(pending.splice(0))),
    // A connection with live prepared statements cannot close.
    finalize: async () => {
      await Promise.all([...cache.values()].map((st) => new Promise<void>((resolve) => st.finalize(() => resolve()))));
      cache.clear();
    },
  };
}

async function writeStep(db: Exec, step: number, s: State, seat: number): Promise<void> {
  const at = new Date().toISOString();
  const change = (type: string, data: object) => db.run('INSERT INTO changes (seq, type, data, at) VALUES (?, ?, ?, ?)', [++s.seq, type, JSON.stringify(data), at]);
  const op = (kind: string, result: object) => db.run('INSERT INTO ops (client_id, op_id, kind, result, at) VALUES (?, ?, ?, ?, ?)', [`seat-${seat}`, randomUUID(), kind, JSON.stringify(result), at]);
  const phone = '+919876543210';
  if (step === 0) {
    s.callId = randomUUID();
    const call = { id: s.callId, seat, startedAt: at, phone };
    const seatRow = { seat, name: `Seat ${seat}`, state: 'on_call', since: at, callId: s.callId };
    await db.run('INSERT INTO calls (id, seat, started_at, phone) VALUES (?, ?, ?, ?)', [s.callId, seat, at, phone]);
    await db.run(SEAT_UPSERT, [seat, seatRow.name, 'on_call', at, s.callId, null]);
    await change('call.started', { call, counter: { total: s.seq, today: s.seq } });
    await change('seat.updated', { seat: seatRow });
    await op('call:start', { call, counter: { total: s.seq, today: s.seq } });
  } else if (step === 1) {
    s.ticketId = randomUUID();
    const number = ++s.number;
    const ticket = {
      id: s.ticketId, number, version: 1, status: 'open', category: 'food_ration', phone, locality: 'Sohna', callerName: 'Ramesh Kumar', priority: 'normal',
      description: DESCRIPTION, callId: s.callId, createdAt: at, updatedAt: at, seat, createdBy: `Seat ${seat}`, notes: [], dueAt: at,
    };
    await db.run(TICKET_INSERT, [ticket.id, number, 'open', 'food_ration', 'normal', null, phone, seat, at, at, at, null, JSON.stringify(ticket)]);
    await db.run('INSERT INTO tickets_fts (rowid, phone, body) VALUES (?, ?, ?)', [number, '919876543210 9876543210', `${DESCRIPTION}\nRamesh Kumar\nSohna`]);
    await db.run('INSERT INTO ticket_events (ticket_id, at, seat, author, kind, detail) VALUES (?, ?, ?, ?, ?, ?)', [ticket.id, at, seat, `Seat ${seat}`, 'created', '{}']);
    await change('ticket.created', { ticket });
    await op('ticket:create', { ticket });
  } else {
    const call = { id: s.callId, seat, startedAt: at, endedAt: at, disposition: 'ticket_raised', phone, ticketId: s.ticketId };
    const seatRow = { seat, name: `Seat ${seat}`, state: 'wrap_up', since: at };
    await db.run('UPDATE calls SET ended_at = ?, disposition = ?, ticket_id = ? WHERE id = ?', [at, 'ticket_raised', s.ticketId, s.callId]);
    await db.run(SEAT_UPSERT, [seat, seatRow.name, 'wrap_up', at, null, null]);
    await change('call.ended', { call });
    await change('seat.updated', { seat: seatRow });
    await op('call:end', { call });
  }
}

export type RawSqliteResult = { synchronous: string; perTransaction: number; statements: StatementMode; ops: number; seconds: number; opsPerSec: number; commitMsP50: number; opMsP50: number };

/**
 * Runs the cycle for `durationMs`; `perTransaction` operations share each transaction (1: the
 * raw per-operation rate; more: the ceiling that group commit can approach).
 */
export async function rawSqlite(opts: { durationMs: number; synchronous?: 'FULL' | 'NORMAL'; perTransaction?: number; statements?: StatementMode }): Promise<RawSqliteResult> {
  const dir = tempDir('raw-sqlite');
  const db = await Db.open(join(dir, 'hub.sqlite'));
  try {
    await applyPragmas(db);
    await migrate(db);
    if (opts.synchronous === 'NORMAL') await db.exec('PRAGMA synchronous = NORMAL');
    const sync = (await db.get<{ synchronous: number }>('PRAGMA synchronous'))?.synchronous;
    const per = opts.perTransaction ?? 1;
    const mode = opts.statements ?? 'plain';
    if (mode === 'pipelined') db.raw.serialize();
    const x = executor(db, mode);
    const s: State = { seq: 0, number: 0, callId: '', ticketId: '' };
    let ops = 0;
    const commits: number[] = [];
    const opTimes: number[] = [];
    const started = performance.now();
    while (performance.now() - started < opts.durationMs) {
      await db.exec('BEGIN IMMEDIATE');
      for (let i = 0; i < per; i++) {
        const o0 = performance.now();
        await writeStep(x, ops % 3, s, (Math.floor(ops / 3) % 40) + 1);
        await x.settle();
        opTimes.push(performance.now() - o0);
        ops += 1;
      }
      const c0 = performance.now();
      await db.exec('COMMIT');
      commits.push(performance.now() - c0);
    }
    const seconds = (performance.now() - started) / 1000;
    await x.finalize();
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
    return {
      synchronous: sync === 2 ? 'FULL' : sync === 1 ? 'NORMAL' : String(sync),
      perTransaction: per,
      statements: mode,
      ops,
      seconds,
      opsPerSec: ops / seconds,
      commitMsP50: median(commits),
      opMsP50: median(opTimes),
    };
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
