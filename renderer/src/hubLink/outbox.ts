/**
 * The outbox: every mutation the operator makes, kept in storage until the hub acknowledges it.
 *
 * Invariants:
 * - Ops leave in the order they were made, one at a time; an op is removed only by an ack
 *   (ok, or a failure that a retry cannot mend). Retries reuse the op's opId, so the hub
 *   applies each op at most once.
 * - An op may refer to the result of an earlier op it was queued after (a call started
 *   offline has no callId until `call:start` is acked). Such a reference is filled in just
 *   before sending; because ops leave in order, the earlier op has been acked by then. The
 *   filled-in payload is written back, so every retry sends exactly the same message.
 * - A failure that cannot be retried is kept as a problem for the operator to see, with the
 *   whole op, so a caller's record is never dropped silently.
 */
import type { Ack, ErrorCode, MutationName, ProtocolError, Ticket } from '../../../shared/protocol';
import { type KeyValueStore, readJson } from './storage';

/** A value an op needs from an earlier op's ack: the new call's id or the new ticket's id. */
export interface OpRef {
  /** Dotted path in the payload to fill in, e.g. `callId` or `ticket.callId`. */
  path: string;
  /** opId of the earlier op. */
  op: string;
  /** Without it the op makes no sense (ending a call that never started): drop the op. Otherwise leave the field out. */
  required: boolean;
}

export interface QueuedOp {
  opId: string;
  name: MutationName;
  payload: Record<string, unknown>;
  refs?: OpRef[];
  queuedAt: string;
  attempts: number;
  /** Kept with the op for the screens (never sent): e.g. the ticket as it was when edited. */
  meta?: Record<string, unknown>;
}

export interface Problem {
  /** The op's opId: also the problem's id. */
  id: string;
  op: QueuedOp;
  error: ProtocolError;
  /** For a `conflict` on `ticket:update`: the ticket as the hub has it now. */
  current?: Ticket;
  at: string;
}

/** What the resolution of an op produced: the id of what it created, or that it failed. */
type Resolution = { id: string } | { failed: true };

interface Persisted {
  v: 1;
  ops: QueuedOp[];
  resolved: [string, Resolution][];
  problems: Problem[];
}

/** Failures worth sending again with the same opId: the hub may well accept it later. */
export const RETRYABLE: ReadonlySet<ErrorCode | 'timeout'> = new Set(['internal', 'rate_limited', 'timeout']);

const RESOLVED_KEEP = 500;

export type PrepareResult = { send: Record<string, unknown> } | { drop: ProtocolError };

export type AckOutcome =
  | { kind: 'done'; op: QueuedOp }
  | { kind: 'retry'; op: QueuedOp; code: string }
  | { kind: 'failed'; op: QueuedOp; problem: Problem }
  /** The ack was for an op that is no longer at the head (a late ack after a resend). */
  | { kind: 'stale' };

export class Outbox {
  private ops: QueuedOp[];
  private resolved: Map<string, Resolution>;
  private problems: Problem[];

  constructor(
    private readonly store: KeyValueStore,
    private readonly key: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    const saved = readJson<Persisted>(store, key);
    this.ops = saved?.v === 1 && Array.isArray(saved.ops) ? saved.ops : [];
    this.resolved = new Map(saved?.v === 1 && Array.isArray(saved.resolved) ? saved.resolved : []);
    this.problems = saved?.v === 1 && Array.isArray(saved.problems) ? saved.problems : [];
  }

  get size(): number {
    return this.ops.length;
  }

  pending(): readonly QueuedOp[] {
    return this.ops;
  }

  head(): QueuedOp | undefined {
    return this.ops[0];
  }

  has(opId: string): boolean {
    return this.ops.some((o) => o.opId === opId);
  }

  /** Whether the op was made on this screen: still queued, or answered not long ago. */
  knows(opId: string): boolean {
    return this.has(opId) || this.resolved.has(opId);
  }

  listProblems(): readonly Problem[] {
    return this.problems;
  }

  /** The id an acked op created (call or ticket), if it did. */
  resolvedId(opId: string): string | undefined {
    const r = this.resolved.get(opId);
    return r && 'id' in r ? r.id : undefined;
  }

  enqueue(name: MutationName, opId: string, payload: Record<string, unknown>, refs?: OpRef[], meta?: Record<string, unknown>): QueuedOp {
    // A reference to an op that is already acked is filled in now: the op may never need it again.
    const open: OpRef[] = [];
    const filled = structuredClone(payload);
    for (const ref of refs ?? []) {
      const r = this.resolved.get(ref.op);
      if (r && 'id' in r) setPath(filled, ref.path, r.id);
      else if (r || !this.has(ref.op)) {
        if (ref.required) throw new Error(`the earlier action ${ref.op} did not succeed`);
      } else open.push(ref);
    }
    const op: QueuedOp = { opId, name, payload: filled, queuedAt: this.now().toISOString(), attempts: 0 };
    if (open.length) op.refs = open;
    if (meta) op.meta = meta;
    this.ops.push(op);
    this.save();
    return op;
  }

  /** The message to send for the head op, with its references filled in (and saved, so retries match). */
  prepareHead(): PrepareResult | null {
    const op = this.ops[0];
    if (!op) return null;
    if (op.refs?.length) {
      for (const ref of op.refs) {
        const r = this.resolved.get(ref.op);
        if (r && 'id' in r) setPath(op.payload, ref.path, r.id);
        else if (ref.required) return { drop: { code: 'invalid', message: 'an earlier action it depends on did not succeed' } };
      }
      delete op.refs;
    }
    op.attempts += 1;
    this.save();
    return { send: { opId: op.opId, ...op.payload } };
  }

  /** Records the hub's answer to the head op (or a timeout). */
  acknowledge(opId: string, ack: Ack<object> | 'timeout'): AckOutcome {
    const op = this.ops[0];
    if (!op || op.opId !== opId) return { kind: 'stale' };
    if (ack !== 'timeout' && ack.ok) {
      this.ops.shift();
      const created = createdId(op.name, ack as Record<string, unknown>);
      if (created) this.remember(op.opId, { id: created });
      this.save();
      return { kind: 'done', op };
    }
    const code = ack === 'timeout' ? 'timeout' : ack.error.code;
    if (RETRYABLE.has(code as ErrorCode)) return { kind: 'retry', op, code };
    const error: ProtocolError = ack === 'timeout' ? { code: 'internal', message: 'timeout' } : ack.error;
    return { kind: 'failed', op, problem: this.fail(op, error, ack === 'timeout' ? undefined : currentTicket(ack)) };
  }

  /** Drops the head op because it cannot be sent (its reference failed). */
  dropHead(error: ProtocolError): Problem | null {
    const op = this.ops[0];
    return op ? this.fail(op, error) : null;
  }

  /** The operator has seen a problem and decided; it leaves the list. */
  dismissProblem(id: string): Problem | undefined {
    const p = this.problems.find((x) => x.id === id);
    this.problems = this.problems.filter((x) => x.id !== id);
    this.save();
    return p;
  }

  private fail(op: QueuedOp, error: ProtocolError, current?: Ticket): Problem {
    this.ops.shift();
    this.remember(op.opId, { failed: true });
    const problem: Problem = { id: op.opId, op, error, at: this.now().toISOString() };
    if (current) problem.current = current;
    this.problems.push(problem);
    this.save();
    return problem;
  }

  private remember(opId: string, r: Resolution): void {
    this.resolved.set(opId, r);
    while (this.resolved.size > RESOLVED_KEEP) {
      const oldest = this.resolved.keys().next();
      if (oldest.done) break;
      this.resolved.delete(oldest.value);
    }
  }

  private save(): void {
    const data: Persisted = { v: 1, ops: this.ops, resolved: [...this.resolved], problems: this.problems };
    this.store.setItem(this.key, JSON.stringify(data));
  }
}

function createdId(name: MutationName, ack: Record<string, unknown>): string | undefined {
  if (name === 'call:start') return (ack.call as { id?: string } | undefined)?.id;
  if (name === 'ticket:create') return (ack.ticket as { id?: string } | undefined)?.id;
  return undefined;
}

function currentTicket(ack: Ack<object>): Ticket | undefined {
  if (ack.ok) return undefined;
  const a = ack as { ticket?: Ticket; error: ProtocolError & { ticket?: Ticket } };
  return a.ticket ?? a.error.ticket;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let obj: Record<string, unknown> = target;
  for (const p of parts.slice(0, -1)) {
    const next = obj[p];
    if (typeof next !== 'object' || next === null) obj[p] = {};
    obj = obj[p] as Record<string, unknown>;
  }
  obj[parts[parts.length - 1]!] = value;
}
