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
import type { Ack, ErrorCode, MutationName, ProtocolError, Requests, Results, Ticket } from '../../../shared/protocol';
import { type KeyValueStore, readJson } from './storage';

/** A mutation's payload as the outbox keeps it: its opId is the op's own, added when it is sent. */
export type OpPayload<K extends MutationName> = Omit<Requests[K][0], 'opId'>;

/** The fields of `T` that hold an id (a string). */
type IdFields<T> = { [F in keyof T & string]-?: string extends NonNullable<T[F]> ? F : never }[keyof T & string];

/** Dotted paths of a payload that hold an id, two levels deep (as deep as a payload goes): `callId`, `ticket.callId`. */
export type IdPath<T> =
  | IdFields<T>
  | { [F in keyof T & string]-?: NonNullable<T[F]> extends readonly unknown[] ? never : NonNullable<T[F]> extends object ? `${F}.${IdFields<NonNullable<T[F]>>}` : never }[keyof T & string];

/** Checks, at compile time, that every listed path of a mutation is a field holding an id. */
type RefPathTable<T extends { [K in MutationName]?: IdPath<OpPayload<K>> }> = T;

/**
 * The fields an earlier op's result fills in: the id of the call a `call:start` made or of the
 * ticket a `ticket:create` made, for ops queued before the hub had answered it.
 */
export type RefPaths = RefPathTable<{
  'call:end': 'callId' | 'ticketId';
  'ticket:create': 'ticket.callId';
  'ticket:note': 'id';
}>;

export type RefPath<K extends MutationName> = K extends keyof RefPaths ? RefPaths[K] : never;

type Head<P extends string> = P extends `${infer H}.${string}` ? H : never;
type Rest<P extends string, H extends string> = P extends `${H}.${infer R}` ? R : never;

/** `T` with the fields at paths `P` left open, until the earlier ops they wait for are answered. */
export type AwaitingRefs<T, P extends string> = [P] extends [never]
  ? T
  : Omit<T, P | Head<P>> & { [F in P & keyof T]?: T[F] } & { [F in Head<P> & keyof T]: AwaitingRefs<T[F], Rest<P, F>> };

/** A value an op needs from an earlier op's ack: the new call's id or the new ticket's id. */
export interface OpRef<K extends MutationName = MutationName, P extends RefPath<K> = RefPath<K>> {
  /** Where in the payload the id goes, e.g. `callId` or `ticket.callId`. */
  path: P;
  /** opId of the earlier op. */
  op: string;
  /** Without it the op makes no sense (ending a call that never started): drop the op. Otherwise leave the field out. */
  required: boolean;
}

/** Kept with an op for the screens, never sent. */
export interface OpMeta {
  /** The ticket's fields as the person saw them when they changed it, to show beside a conflict. */
  before?: Partial<Ticket>;
}

export interface QueuedOpOf<K extends MutationName> {
  opId: string;
  name: K;
  payload: AwaitingRefs<OpPayload<K>, RefPath<K>>;
  refs?: OpRef<K>[];
  queuedAt: string;
  attempts: number;
  meta?: OpMeta;
}

/** Any op in the outbox; its `name` tells its payload's type. */
export type QueuedOp = { [K in MutationName]: QueuedOpOf<K> }[MutationName];

/** The message a mutation sends, opId included. */
export type MutationRequest = Requests[MutationName][0];

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

export type PrepareResult = { send: MutationRequest } | { drop: ProtocolError };

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

  /**
   * Queues a mutation. Its payload is the request's (the compiler checks it against the
   * protocol's table), less the opId and less the fields that `refs` fill in later. The fields
   * left open are the ones `refs` name (`NoInfer`: never guessed from what the payload lacks).
   */
  enqueue<K extends MutationName, P extends RefPath<K> = never>(
    name: K,
    opId: string,
    payload: AwaitingRefs<OpPayload<K>, NoInfer<P>>,
    refs?: readonly OpRef<K, P>[],
    meta?: OpMeta,
  ): QueuedOpOf<K> {
    // A reference to an op that is already acked is filled in now: the op may never need it again.
    const open: OpRef<K>[] = [];
    const filled = structuredClone(payload) as QueuedOpOf<K>['payload'];
    for (const ref of refs ?? []) {
      const r = this.resolved.get(ref.op);
      if (r && 'id' in r) setPath(filled, ref.path, r.id);
      else if (r || !this.has(ref.op)) {
        if (ref.required) throw new Error(`the earlier action ${ref.op} did not succeed`);
      } else open.push(ref);
    }
    const op: QueuedOpOf<K> = { opId, name, payload: filled, queuedAt: this.now().toISOString(), attempts: 0 };
    if (open.length) op.refs = open;
    if (meta) op.meta = meta;
    this.ops.push(op as QueuedOp);
    this.save();
    return op;
  }

  /** The message to send for the head op, with its references filled in (and saved, so retries match). */
  prepareHead(): PrepareResult | null {
    const op = this.ops[0];
    if (!op) return null;
    if (op.refs?.length) {
      for (const ref of op.refs as OpRef[]) {
        const r = this.resolved.get(ref.op);
        if (r && 'id' in r) setPath(op.payload, ref.path, r.id);
        else if (ref.required) return { drop: { code: 'invalid', message: 'an earlier action it depends on did not succeed' } };
      }
      delete op.refs;
    }
    op.attempts += 1;
    this.save();
    // Every reference is filled in or, being optional, left out: the payload is the request now.
    return { send: { opId: op.opId, ...op.payload } as MutationRequest };
  }

  /** Records the hub's answer to the head op (or a timeout). */
  acknowledge(opId: string, ack: Ack<object> | 'timeout'): AckOutcome {
    const op = this.ops[0];
    if (!op || op.opId !== opId) return { kind: 'stale' };
    if (ack !== 'timeout' && ack.ok) {
      this.ops.shift();
      const created = createdId(op, ack);
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

/** The id of the call or ticket an acked op created. The ack comes over the network: read it warily. */
function createdId(op: QueuedOp, ack: Ack<object>): string | undefined {
  if (op.name === 'call:start') return (ack as Partial<Results['call:start']>).call?.id;
  if (op.name === 'ticket:create') return (ack as Partial<Results['ticket:create']>).ticket?.id;
  return undefined;
}

function currentTicket(ack: Ack<object>): Ticket | undefined {
  if (ack.ok) return undefined;
  const a = ack as { ticket?: Ticket; error: ProtocolError & { ticket?: Ticket } };
  return a.ticket ?? a.error.ticket;
}

function setPath(target: object, path: string, value: string): void {
  const parts = path.split('.');
  let obj = target as Record<string, unknown>;
  for (const p of parts.slice(0, -1)) {
    const next = obj[p];
    if (typeof next !== 'object' || next === null) obj[p] = {};
    obj = obj[p] as Record<string, unknown>;
  }
  obj[parts[parts.length - 1]!] = value;
}

/**
 * Before personal accounts an outbox was kept per seat (`hcr.outbox.seat-12`, and one for the
 * supervisor's console); now it is per seat and person. Ops queued before the upgrade belong to
 * nobody's account, and would otherwise never leave this PC: the first person to sign in at that
 * seat (or console) takes them over, ahead of their own (they were queued first), and sends
 * them. The call the seat was on goes with them.
 */
export function adoptOutbox(store: KeyValueStore, scope: string, into: string): void {
  const from = `hcr.outbox.${scope}`;
  const legacy = readJson<Persisted>(store, from);
  if (!legacy) return;
  if (legacy.v === 1 && (legacy.ops?.length || legacy.problems?.length)) {
    const mine = readJson<Persisted>(store, `hcr.outbox.${into}`);
    const merged: Persisted = {
      v: 1,
      ops: [...legacy.ops, ...(mine?.ops ?? [])],
      resolved: [...(legacy.resolved ?? []), ...(mine?.resolved ?? [])],
      problems: [...(legacy.problems ?? []), ...(mine?.problems ?? [])],
    };
    store.setItem(`hcr.outbox.${into}`, JSON.stringify(merged));
    const call = store.getItem(`hcr.call.${scope}`);
    if (call !== null && store.getItem(`hcr.call.${into}`) === null) store.setItem(`hcr.call.${into}`, call);
  }
  store.removeItem(from);
  store.removeItem(`hcr.call.${scope}`);
}
