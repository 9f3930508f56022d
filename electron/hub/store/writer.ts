/**
 * The one writer. Every mutation of the hub goes through this queue and runs inside a
 * transaction on the single write connection. Operations that queue up while a commit is
 * being fsynced are applied together in the next transaction (group commit): each one in its
 * own SAVEPOINT, so one failing operation rolls back alone, and all are acknowledged only
 * after their COMMIT returns. The changes a batch made are broadcast right after its commit,
 * in seq order, before the next job runs; read jobs (a WAL checkpoint) run between batches.
 *
 * The writer remembers its last few live states by seq (`stateAt`), so that a snapshot read
 * from the database in a read transaction at seq N is given the seats and counters as they
 * were at N, without counting a single call.
 */
import type { Change, ChangeData, ChangeType } from '../../../shared/protocol/change';
import type { WriteDb } from '../db/connection';
import { OpError } from '../errors';
import { appendChange } from './changes';
import { cloneState, type LiveState } from './state';

export type Tx = {
  db: WriteDb;
  state: LiveState;
  now: Date;
  /** Appends a change to the log; it is broadcast once the batch commits. */
  emit<K extends ChangeType>(type: K, data: ChangeData[K]): void;
  /** The client operation being applied, set by `once`; stamped on the changes it emits. */
  opId?: string;
};

type OpJob = { kind: 'op'; run: (tx: Tx) => Promise<unknown>; resolve: (v: unknown) => void; reject: (e: unknown) => void };
type ReadJob = { kind: 'read'; run: (state: LiveState, db: WriteDb) => unknown; resolve: (v: unknown) => void; reject: (e: unknown) => void };
type Job = OpJob | ReadJob;

const MAX_BATCH = 256;
/** Live states remembered for `stateAt`: a snapshot asks for its seq within moments of reading it. */
const RECENT_STATES = 64;

export class Writer {
  private queue: Job[] = [];
  private running = false;
  private closing = false;
  private idle: (() => void)[] = [];
  /** Recent live states, oldest first; the last is `live`. */
  private recent: LiveState[];
  /** Callers of `stateAt` waiting for a seq to be made live. */
  private awaiting: { seq: number; done: () => void }[] = [];
  /** Longest time a batch took (begin to commit), for diagnostics and benchmarks. */
  maxBatchMs = 0;
  /** Transactions committed, for diagnostics and benchmarks. */
  batches = 0;

  constructor(
    private readonly db: WriteDb,
    private live: LiveState,
    private readonly publish: (changes: Change[]) => void,
    private readonly log: (msg: string, err?: unknown) => void,
  ) {
    this.recent = [live];
  }

  get state(): LiveState {
    return this.live;
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Runs `run` in a transaction; resolves with its result once committed. */
  write<T>(run: (tx: Tx) => Promise<T>): Promise<T> {
    return this.enqueue({ kind: 'op', run } as Omit<OpJob, 'resolve' | 'reject'>) as Promise<T>;
  }

  /** Runs `run` between batches: it sees exactly the committed and broadcast state (and may checkpoint the WAL). */
  read<T>(run: (state: LiveState, db: WriteDb) => T | Promise<T>): Promise<T> {
    return this.enqueue({ kind: 'read', run } as Omit<ReadJob, 'resolve' | 'reject'>) as Promise<T>;
  }

  /**
   * The live state as it was when change `seq` was the last one committed, or undefined when
   * that is too long ago to be remembered. A database reader can see a commit a moment before
   * the writer makes it live; this waits (up to `timeoutMs`) for that moment to pass.
   */
  async stateAt(seq: number, timeoutMs = 5_000): Promise<LiveState | undefined> {
    if (this.live.seq < seq) {
      await new Promise<void>((resolve, reject) => {
        const waiter = { seq, done: () => (clearTimeout(timer), resolve()) };
        const timer = setTimeout(() => {
          this.awaiting = this.awaiting.filter((w) => w !== waiter);
          reject(new Error(`the writer did not reach seq ${seq} within ${timeoutMs} ms (it is at ${this.live.seq})`));
        }, timeoutMs);
        this.awaiting.push(waiter);
      });
    }
    for (let i = this.recent.length - 1; i >= 0; i--) {
      const s = this.recent[i]!;
      if (s.seq === seq) return s;
      if (s.seq < seq) break;
    }
    return undefined;
  }

  /** Stops taking jobs, finishes the queued ones. */
  async drain(): Promise<void> {
    this.closing = true;
    if (!this.running && this.queue.length === 0) return;
    await new Promise<void>((resolve) => this.idle.push(resolve));
  }

  private enqueue(job: Omit<Job, 'resolve' | 'reject'>): Promise<unknown> {
    if (this.closing) return Promise.reject(new OpError('internal', 'the hub is shutting down; try again in a moment'));
    return new Promise((resolve, reject) => {
      this.queue.push({ ...job, resolve, reject } as Job);
      if (!this.running) {
        // Start on the next turn of the event loop, so that requests arriving together
        // (one burst of socket packets) share one transaction and one fsync.
        this.running = true;
        setImmediate(() => void this.pump());
      }
    });
  }

  private async pump(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const head = this.queue[0]!;
        if (head.kind === 'read') {
          this.queue.shift();
          try {
            head.resolve(await head.run(this.live, this.db));
          } catch (err) {
            head.reject(err);
          }
          continue;
        }
        let n = 0;
        while (n < this.queue.length && n < MAX_BATCH && this.queue[n]!.kind === 'op') n++;
        await this.runBatch(this.queue.splice(0, n) as OpJob[]);
      }
    } finally {
      this.running = false;
      if (this.queue.length === 0) for (const done of this.idle.splice(0)) done();
    }
  }

  private async runBatch(jobs: OpJob[]): Promise<void> {
    const started = Date.now();
    const working = cloneState(this.live);
    const outcomes: { ok: boolean; value: unknown; changes: Change[] }[] = [];
    try {
      await this.db.exec('BEGIN IMMEDIATE');
    } catch (err) {
      for (const job of jobs) job.reject(err);
      return;
    }
    for (const job of jobs) {
      const before = cloneState(working);
      const changes: Change[] = [];
      const pendingInserts: Promise<unknown>[] = [];
      const now = new Date();
      const tx: Tx = {
        db: this.db,
        state: working,
        now,
        emit: (type, data) => {
          const seq = ++working.seq;
          if (type === 'ticket.created' || type === 'ticket.updated') working.ticketsSeq = seq;
          const opId = tx.opId;
          const change = { seq, type, data, at: now.toISOString(), ...(opId ? { opId } : {}) } as Change & { at: string };
          changes.push(change);
          pendingInserts.push(appendChange(this.db, change));
        },
      };
      try {
        await this.db.exec('SAVEPOINT op');
        const value = await job.run(tx);
        await Promise.all(pendingInserts);
        await this.db.exec('RELEASE op');
        outcomes.push({ ok: true, value, changes });
      } catch (err) {
        await Promise.allSettled(pendingInserts);
        try {
          await this.db.exec('ROLLBACK TO op; RELEASE op');
        } catch (rollbackErr) {
          // The transaction can no longer be trusted to hold only whole operations: give up
          // the whole batch rather than commit part of one.
          this.log('rollback of one operation failed; the batch is abandoned', rollbackErr);
          await this.db.exec('ROLLBACK').catch(() => undefined);
          for (const j of jobs) j.reject(rollbackErr);
          return;
        }
        restore(working, before);
        outcomes.push({ ok: false, value: err, changes: [] });
      }
    }
    try {
      await this.db.exec('COMMIT');
    } catch (err) {
      // Nothing of this batch reached the disk: every operation fails and memory stays as it was.
      this.log('commit failed; the batch was rolled back', err);
      await this.db.exec('ROLLBACK').catch(() => undefined);
      for (const job of jobs) job.reject(err);
      return;
    }
    this.makeLive(working);
    this.batches += 1;
    this.maxBatchMs = Math.max(this.maxBatchMs, Date.now() - started);
    const all = outcomes.flatMap((o) => o.changes);
    if (all.length > 0) {
      try {
        this.publish(all);
      } catch (err) {
        this.log('broadcast failed', err);
      }
    }
    jobs.forEach((job, i) => {
      const o = outcomes[i]!;
      if (o.ok) job.resolve(o.value);
      else job.reject(o.value);
    });
  }

  private makeLive(state: LiveState): void {
    this.live = state;
    this.recent.push(state);
    if (this.recent.length > RECENT_STATES) this.recent.shift();
    const reached = this.awaiting.filter((w) => w.seq <= state.seq);
    if (reached.length > 0) {
      this.awaiting = this.awaiting.filter((w) => w.seq > state.seq);
      for (const w of reached) w.done();
    }
  }
}

function restore(target: LiveState, from: LiveState): void {
  Object.assign(target, from);
}
