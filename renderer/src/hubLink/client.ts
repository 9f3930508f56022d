/**
 * The hub client: one Socket.IO connection, the mirror of the hub it keeps current, and the outbox it
 * drains. No React and no DOM here beyond what is injected, so the ordering and retry rules
 * are tested with a fake socket. Screens read `getView()` and subscribe to changes.
 */
import type {
  Ack,
  Call,
  CallerLookupResult,
  Change,
  Counter,
  FloorConfig,
  FloorStats,
  Handshake,
  MutationName,
  NewTicket,
  ProtocolError,
  RequestName,
  Requests,
  Results,
  Seat,
  ServerToClientEvents,
  Session,
  SessionEndReason,
  Snapshot,
  Ticket,
  TicketPatch,
} from '../../../shared/protocol';
import type { CallCloseResult } from '../../../shared/protocol/callClose';
import type { Disposition, SettableSeatState } from '../../../shared/protocol/vocabulary';
import { PROTOCOL_VERSION } from '../../../shared/protocol/version';
import { applyChange, applyCounter, applySnapshot, applySynced, emptyHubMirror, type HubMirror, mergeTickets } from './hubMirror';
import { adoptOutbox, type AwaitingRefs, type OpMeta, type OpPayload, type OpRef, Outbox, type Problem, type QueuedOp, type QueuedOpOf, type RefPath } from './outbox';
import { type Credential, Credentials } from './credentials';
import { type KeyValueStore, newId, readJson } from './storage';
import { type AckedStart, closedCall, type CurrentCall, currentCall, effectiveSeatState, isLocalTicketId, LOCAL_TICKET_PREFIX } from './view';
import type { z } from 'zod';

/** What the socket itself reports, besides the hub's events. */
interface SocketEvents {
  connect: () => void;
  disconnect: (reason: string) => void;
  connect_error: (err: Error) => void;
}

type IncomingEvents = ServerToClientEvents & SocketEvents;

/**
 * The few members of a socket.io-client Socket the client uses, typed by the protocol's
 * tables: what each server event carries, and what each request sends and is answered with.
 */
export interface HubSocket {
  readonly connected: boolean;
  /** False once the hub refused the connection: no automatic retry follows. */
  readonly active: boolean;
  on<E extends keyof IncomingEvents>(event: E, fn: IncomingEvents[E]): unknown;
  emit<K extends RequestName>(event: K, payload: Requests[K][0], ack: (ack: Ack<Requests[K][1]>) => void): unknown;
  connect(): unknown;
  disconnect(): unknown;
}

/** What the hub says when this client is current (the `synced` event). */
export type SyncedInfo = Parameters<ServerToClientEvents['synced']>[0];

/**
 * The handshake as the protocol defines it; this client always names itself. The PIN or token
 * is not part of it: they come from `ClientOptions.credential`, kept apart so that the PIN can
 * be dropped once the hub has answered it.
 */
export type AuthPayload = Omit<Handshake, 'pin' | 'token'> & { clientId: string };
export type SocketFactory = (url: string, auth: (cb: (data: object) => void) => void) => HubSocket;

export type ConnectionState =
  | 'connecting'
  | 'connected'
  | 'reconnecting'
  /** The browser says the network is gone. */
  | 'offline'
  /** Another window took this seat. */
  | 'revoked'
  /** The hub refused the handshake; `refusal` says why (unauthorized, locked, seat_taken, invalid, outdated…). */
  | 'refused'
  /** The hub ended the person's session (`session:ended`); `ended` says why. No reconnect follows. */
  | 'ended';

export interface ClientView {
  connection: ConnectionState;
  refusal?: string;
  /** Why the hub ended the session, once it did. */
  ended?: SessionEndReason;
  /**
   * The person's session as the hub last said it (or as this screen remembered it, until the hub
   * speaks): who they are, and whether they must choose their own PIN first. Null before a
   * sign-in is answered, and for clients without accounts (the wall).
   */
  session: Session | null;
  /** When the connection was last lost (local clock), while not connected. */
  disconnectedSince?: number;
  /**
   * True once the hub's state has arrived (a snapshot), or for a client that asked for none
   * (`snapshot: false`), once the hub said it is current: the screens show real numbers.
   */
  ready: boolean;
  hub: HubMirror;
  ops: readonly QueuedOp[];
  problems: readonly Problem[];
  seat?: number;
  name?: string;
  call: CurrentCall | null;
  /** This seat's last call, when the hub closed it as `disconnected` and the operator has not moved on. */
  closedCall: Call | null;
  seatState: ReturnType<typeof effectiveSeatState>;
  /** The ticket raised during the current call, for the disposition and `call:end`. */
  callTicket: CallTicket | null;
  /** Ticket ids created or changed by others since this client saw them. */
  marks: ReadonlyMap<string, 'new' | 'changed'>;
  revokedAt?: number;
  /** The floor's categories, departments and guidance as the supervisors set them (extension). */
  config: FloorConfig | null;
  /** Floor statistics, for the wall (extension). */
  stats: FloorStats | null;
}

export interface CallTicket {
  ticketId?: string;
  ticketOp?: string;
}

export interface ClientOptions {
  url: string;
  auth: AuthPayload;
  storage: KeyValueStore;
  connect: SocketFactory;
  /** Read-only clients (the wall, the report page) have no outbox. */
  readOnly?: boolean;
  /** Whose outbox this is, when the client has no seat (the supervisor's console). */
  outboxScope?: string;
  /** The person's PIN (a sign-in) or their session's token (a resume); see credentials.ts. */
  credential?: Credential;
  /** The session a resumed token belongs to, as this screen remembered it: the console works offline until the hub speaks. */
  session?: Session;
  ackTimeoutMs?: number;
  now?: () => Date;
  newId?: () => string;
  /** Reports whether the browser thinks it is online, and when that changes. */
  network?: { online(): boolean; subscribe(fn: (online: boolean) => void): () => void };
  /** Backoff for retryable failures, by attempt number. */
  retryDelayMs?: (attempt: number) => number;
}

/** How an op ended: acked (with the hub's answer to it) or kept as a problem. */
export type OpSettled<K extends MutationName = MutationName> = { ok: true; ack: Results[K] } | { ok: false; problem: Problem };

/** What an ack may carry that this client keeps: the record the op made or changed. */
type AckRecords = Partial<{ ticket: Ticket; call: Call; counter: Counter; seat: Seat }>;

export type RequestResult<T extends object> = Ack<T> | { ok: false; error: { code: 'offline' | 'timeout'; message: string } };

interface SessionExtras {
  callTicket: CallTicket | null;
  acked: AckedStart | null;
}

const GAP_RETRY_WINDOW_MS = 10_000;

export class HubClient {
  private socket: HubSocket | null = null;
  private hub: HubMirror = emptyHubMirror();
  private readonly outbox: Outbox | null;
  private connection: ConnectionState = 'connecting';
  private refusal: string | undefined;
  private ended: SessionEndReason | undefined;
  private readonly credentials: Credentials;
  private session: Session | null;
  /** Whether the hub has said whose session this connection is (it does after every handshake). */
  private sessionHeard = false;
  private disconnectedSince: number | undefined = undefined;
  private revokedAt: number | undefined;
  private ready = false;
  private config: FloorConfig | null = null;
  private stats: FloorStats | null = null;
  private inFlight: { opId: string; token: number } | null = null;
  private attemptToken = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private extras: SessionExtras;
  private marks = new Map<string, 'new' | 'changed'>();
  private listeners = new Set<() => void>();
  private problemListeners = new Set<(p: Problem) => void>();
  private waiters = new Map<string, ((r: OpSettled) => void)[]>();
  private view: ClientView | null = null;
  private notifyQueued = false;
  private forceSnapshot = false;
  private gapResyncs: number[] = [];
  private stopNetwork: (() => void) | null = null;
  private stopped = false;
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readonly ackTimeoutMs: number;
  private readonly extrasKey: string;
  /** False for a client that only makes requests: it asked for no snapshot and no changes. */
  private readonly followsChanges: boolean;

  constructor(private readonly opts: ClientOptions) {
    this.now = opts.now ?? (() => new Date());
    this.newId = opts.newId ?? newId;
    this.ackTimeoutMs = opts.ackTimeoutMs ?? 10_000;
    this.followsChanges = opts.auth.snapshot !== false;
    this.credentials = new Credentials(opts.credential);
    this.session = opts.session ?? null;
    const scope = outboxScope(opts.auth, opts.outboxScope);
    if (!opts.readOnly && opts.auth.user !== undefined) adoptOutbox(opts.storage, outboxScope({ ...(opts.auth.seat !== undefined ? { seat: opts.auth.seat } : {}) }, opts.outboxScope), scope);
    this.outbox = opts.readOnly ? null : new Outbox(opts.storage, `hcr.outbox.${scope}`, this.now);
    this.extrasKey = `hcr.call.${scope}`;
    this.extras = readJson<SessionExtras>(opts.storage, this.extrasKey) ?? { callTicket: null, acked: null };
  }

  // ---- lifecycle -------------------------------------------------------------------------

  start(): void {
    this.stopped = false;
    if (this.opts.network) {
      this.stopNetwork = this.opts.network.subscribe((online) => this.onNetwork(online));
    }
    const socket = this.opts.connect(this.opts.url, (cb) => cb(this.handshake()));
    this.socket = socket;
    // A socket replaced by a later start() (a remount) must not speak for the client any more.
    const on = <E extends keyof IncomingEvents>(event: E, fn: IncomingEvents[E]) =>
      socket.on(event, ((...args: Parameters<IncomingEvents[E]>) => {
        if (this.socket === socket) (fn as (...a: Parameters<IncomingEvents[E]>) => void)(...args);
      }) as IncomingEvents[E]);
    on('connect', () => this.onConnect());
    on('disconnect', (reason) => this.onDisconnect(reason));
    on('connect_error', (err) => this.onConnectError(err));
    on('snapshot', (s) => this.onSnapshot(s));
    on('change', (c) => this.onChange(c));
    on('seat:revoked', () => this.onRevoked());
    on('session', (s) => this.onSession(s));
    on('session:ended', (e) => this.onSessionEnded(e.reason));
    on('synced', (info) => this.onSynced(info));
    on('counter', (counter) => {
      this.hub = applyCounter(this.hub, counter, this.now());
      this.changed();
    });
    on('config', (config) => this.applyConfig(config));
    on('stats', (stats) => {
      this.stats = stats;
      this.changed();
    });
    if (this.opts.network && !this.opts.network.online()) this.setConnection('offline');
    socket.connect();
  }

  stop(): void {
    this.stopped = true;
    this.stopNetwork?.();
    this.stopNetwork = null;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const socket = this.socket;
    this.socket = null;
    socket?.disconnect();
    this.inFlight = null;
  }

  /** After a takeover: connect again and so take the seat back. */
  reclaim(): void {
    this.revokedAt = undefined;
    this.setConnection('connecting');
    this.socket?.connect();
  }

  private handshake(): AuthPayload {
    // clientTime lets supervisors see a seat whose clock has drifted (an extension the hub may ignore).
    const a: AuthPayload & { pin?: string; token?: string } = { ...this.opts.auth, ...this.credentials.handshake(), protocol: PROTOCOL_VERSION, clientTime: this.now().toISOString() };
    if (this.hub.seq !== null && !this.forceSnapshot) a.since = this.hub.seq;
    else delete a.since;
    this.forceSnapshot = false;
    return a;
  }

  private onNetwork(online: boolean): void {
    if (this.stopped || !this.socket) return;
    if (!online) {
      // Do not wait for heartbeats to notice: the browser knows the cable is out.
      this.socket.disconnect();
      this.setConnection('offline');
    } else if (this.connection === 'offline') {
      this.setConnection('reconnecting');
      this.socket.connect();
    }
  }

  private onConnect(): void {
    this.refusal = undefined;
    this.disconnectedSince = undefined;
    this.setConnection('connected');
    this.pump();
  }

  private onDisconnect(reason: string): void {
    this.inFlight = null;
    this.sessionHeard = false;
    this.disconnectedSince ??= this.now().getTime();
    if (this.connection === 'revoked' || this.connection === 'offline' || this.connection === 'ended' || this.stopped) {
      this.changed();
      return;
    }
    if (reason === 'io server disconnect' || reason === 'io client disconnect') {
      // The hub closed this socket on purpose (or we did, to resync): ask again.
      if (reason === 'io server disconnect') this.socket?.connect();
    }
    this.setConnection('reconnecting');
  }

  private onConnectError(err: Error): void {
    this.disconnectedSince ??= this.now().getTime();
    if (this.connection === 'ended') return;
    if (this.socket && !this.socket.active) {
      this.credentials.refused();
      this.refusal = err.message || 'unauthorized';
      this.setConnection('refused');
      return;
    }
    if (this.connection !== 'offline') this.setConnection('reconnecting');
  }

  private onRevoked(): void {
    this.revokedAt = this.now().getTime();
    this.setConnection('revoked');
    this.socket?.disconnect();
  }

  /** After every handshake of a person: who they are, the token for the next one, and whether they must choose a PIN. */
  private onSession(s: Session): void {
    this.credentials.heard(s);
    this.session = s;
    this.sessionHeard = true;
    this.changed();
    this.pump();
  }

  /** The hub ended the session (sign-out elsewhere, disabled, PIN reset, seat freed, 16 hours): no reconnect with it. */
  private onSessionEnded(reason: SessionEndReason): void {
    this.ended = reason;
    this.credentials.forget();
    this.setConnection('ended');
    this.socket?.disconnect();
  }

  private setConnection(c: ConnectionState): void {
    this.connection = c;
    this.changed();
  }

  // ---- incoming state --------------------------------------------------------------------

  private onSnapshot(s: Snapshot): void {
    this.hub = applySnapshot(this.hub, s, this.now());
    // The seat's latest call (extension): a console opened again during a call times it from its
    // true start, and one that was away while the hub closed it can say so.
    const lastCall = s.you?.lastCall;
    if (lastCall) this.hub = withCall(this.hub, lastCall);
    this.ready = true;
    this.changed();
  }

  /** The hub says this client is current: its clock, zone and counters are fresh. */
  private onSynced(info: SyncedInfo): void {
    this.hub = applySynced(this.hub, info, this.now());
    this.ready = this.hub.seq !== null || !this.followsChanges;
    this.changed();
  }

  private applyConfig(config: FloorConfig): void {
    if (!this.config || config.version >= this.config.version) this.config = config;
    this.changed();
  }

  private onChange(c: Change): void {
    // A client without a snapshot has nothing to apply a change to (and the hub sends it none).
    if (!this.followsChanges) return;
    const out = applyChange(this.hub, c, this.now());
    if (out.kind === 'duplicate') return;
    if (out.kind === 'gap') {
      this.resync();
      return;
    }
    this.hub = out.state;
    this.markChange(c);
    this.changed();
  }

  private markChange(c: Change): void {
    if (c.type !== 'ticket.created' && c.type !== 'ticket.updated') return;
    const t = c.data.ticket;
    // What this screen did itself is not news to it.
    if (c.opId && this.outbox?.knows(c.opId)) return;
    if (this.opts.auth.seat !== undefined && t.seat === this.opts.auth.seat && c.type === 'ticket.created') return;
    if (c.type === 'ticket.created') this.marks.set(t.id, 'new');
    else if (this.marks.get(t.id) !== 'new') this.marks.set(t.id, 'changed');
  }

  /** The operator has looked at the ticket: it is no longer new or changed for them. */
  markSeen(id: string): void {
    if (this.marks.delete(id)) this.changed();
  }

  /** Reconnects asking for the changes since the last applied seq; a repeat gap asks for a snapshot. */
  private resync(): void {
    const t = this.now().getTime();
    this.gapResyncs = this.gapResyncs.filter((x) => t - x < GAP_RETRY_WINDOW_MS);
    this.gapResyncs.push(t);
    if (this.gapResyncs.length > 2) this.forceSnapshot = true;
    this.socket?.disconnect();
    this.setConnection('reconnecting');
    this.socket?.connect();
  }

  // ---- view ------------------------------------------------------------------------------

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  onProblem(fn: (p: Problem) => void): () => void {
    this.problemListeners.add(fn);
    return () => this.problemListeners.delete(fn);
  }

  getView = (): ClientView => {
    if (!this.view) {
      const ops = this.outbox?.pending() ?? [];
      const seat = this.opts.auth.seat;
      const v: ClientView = {
        connection: this.connection,
        session: this.session,
        ready: this.ready,
        hub: this.hub,
        ops: ops.slice(),
        problems: this.outbox?.listProblems().slice() ?? [],
        call: currentCall(this.hub, ops, seat, this.extras.acked),
        closedCall: closedCall(this.hub, ops, seat),
        seatState: effectiveSeatState(this.hub, ops, seat),
        callTicket: this.extras.callTicket,
        marks: new Map(this.marks),
        config: this.config,
        stats: this.stats,
      };
      if (this.refusal) v.refusal = this.refusal;
      if (this.ended) v.ended = this.ended;
      if (this.disconnectedSince !== undefined) v.disconnectedSince = this.disconnectedSince;
      if (this.revokedAt !== undefined) v.revokedAt = this.revokedAt;
      if (seat !== undefined) v.seat = seat;
      // The account's name, as the hub says it; a client without accounts keeps the name it gave.
      const name = this.session?.user.name ?? this.opts.auth.name;
      if (name) v.name = name;
      this.view = v;
    }
    return this.view;
  };

  /** Many changes in one task make one render. */
  private changed(): void {
    this.view = null;
    if (this.notifyQueued) return;
    this.notifyQueued = true;
    queueMicrotask(() => {
      this.notifyQueued = false;
      for (const fn of this.listeners) fn();
    });
  }

  // ---- outbox ----------------------------------------------------------------------------

  private enqueue<K extends MutationName, P extends RefPath<K> = never>(
    name: K,
    payload: AwaitingRefs<OpPayload<K>, NoInfer<P>>,
    refs?: readonly OpRef<K, P>[],
    meta?: OpMeta,
  ): QueuedOpOf<K> {
    if (!this.outbox) throw new Error('this screen cannot change anything');
    const op = this.outbox.enqueue(name, this.newId(), payload, refs, meta);
    this.changed();
    this.pump();
    return op;
  }

  private pump(): void {
    const outbox = this.outbox;
    const socket = this.socket;
    if (!outbox || !socket?.connected || this.inFlight || this.retryTimer || this.stopped) return;
    // A person's ops go out only once the hub has said the connection is theirs, and not while
    // they must choose a PIN (the hub refuses every other request then: an op sent now would fail).
    if (this.opts.auth.user !== undefined && (!this.sessionHeard || this.session?.mustChangePin)) return;
    const prepared = outbox.prepareHead();
    if (!prepared) return;
    if ('drop' in prepared) {
      const p = outbox.dropHead(prepared.drop);
      if (p) this.reportProblem(p);
      this.changed();
      this.pump();
      return;
    }
    const op = outbox.head()!;
    const token = ++this.attemptToken;
    this.inFlight = { opId: op.opId, token };
    const finish = (ack: Ack<AckRecords> | 'timeout') => {
      if (this.inFlight?.token !== token) return;
      clearTimeout(timer);
      this.inFlight = null;
      this.onAck(op, ack);
    };
    const timer = setTimeout(() => finish('timeout'), this.ackTimeoutMs);
    socket.emit(op.name, prepared.send, (ack: Ack<AckRecords>) => finish(ack));
  }

  private onAck(op: QueuedOp, ack: Ack<AckRecords> | 'timeout'): void {
    const outbox = this.outbox!;
    const out = outbox.acknowledge(op.opId, ack);
    if (out.kind === 'done' && ack !== 'timeout' && ack.ok) {
      this.absorbResult(op, ack);
      // The hub answered this op: its ack is the op's result.
      this.settle(op.opId, { ok: true, ack: ack as unknown as Results[MutationName] });
    } else if (out.kind === 'retry') {
      const delay = (this.opts.retryDelayMs ?? defaultRetryDelay)(out.op.attempts);
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        this.pump();
      }, delay);
    } else if (out.kind === 'failed') {
      if (out.problem.current) this.hub = mergeTickets(this.hub, [out.problem.current]);
      this.reportProblem(out.problem);
    }
    this.changed();
    this.pump();
  }

  /** Acks carry the new record: show it at once rather than wait for its change event. */
  private absorbResult(op: QueuedOp, ack: AckRecords): void {
    const ticket = ack.ticket;
    if (ticket) this.hub = mergeTickets(this.hub, [ticket]);
    if (op.name === 'ticket:create' && ticket && this.extras.callTicket?.ticketOp === op.opId) {
      this.saveExtras({ ...this.extras, callTicket: { ticketId: ticket.id } });
    }
    const call = ack.call;
    if (call) {
      this.hub = withCall(this.hub, call);
      if (op.name === 'call:start') this.saveExtras({ ...this.extras, acked: { opId: op.opId, call } });
    }
    const counter = ack.counter;
    if (counter && counter.total >= this.hub.counter.total) this.hub = { ...this.hub, counter };
    const seat = ack.seat;
    if (seat) {
      const old = this.hub.seats.get(seat.seat);
      if (!old || Date.parse(old.since) <= Date.parse(seat.since)) {
        const seats = new Map(this.hub.seats);
        seats.set(seat.seat, seat);
        this.hub = { ...this.hub, seats };
      }
    }
  }

  private reportProblem(p: Problem): void {
    this.settle(p.id, { ok: false, problem: p });
    for (const fn of this.problemListeners) fn(p);
  }

  private settle(opId: string, r: OpSettled): void {
    const ws = this.waiters.get(opId);
    this.waiters.delete(opId);
    for (const w of ws ?? []) w(r);
  }

  /** Resolves when the hub has answered the op (however long that takes, across reconnects). */
  settled<K extends MutationName>(op: QueuedOpOf<K>): Promise<OpSettled<K>> {
    return new Promise((resolve) => {
      this.waiters.set(op.opId, [...(this.waiters.get(op.opId) ?? []), resolve as (r: OpSettled) => void]);
    });
  }

  private saveExtras(next: SessionExtras): void {
    this.extras = next;
    this.opts.storage.setItem(this.extrasKey, JSON.stringify(next));
    this.changed();
  }

  dismissProblem(id: string): void {
    this.outbox?.dismissProblem(id);
    this.changed();
  }

  // ---- operator actions ------------------------------------------------------------------

  startCall(phone?: string): QueuedOpOf<'call:start'> {
    const op = this.enqueue('call:start', phone ? { phone } : {});
    this.saveExtras({ ...this.extras, callTicket: null });
    return op;
  }

  /** `phone`: the caller's number typed after pick-up, sent when the call started without one. */
  endCall(disposition: Disposition, phone?: string): QueuedOpOf<'call:end'> | null {
    const call = this.getView().call;
    if (!call) return null;
    const payload: AwaitingRefs<OpPayload<'call:end'>, 'callId' | 'ticketId'> = { disposition };
    if (phone && !call.phone) payload.phone = phone;
    const refs: OpRef<'call:end', 'callId' | 'ticketId'>[] = [];
    if (call.callId) payload.callId = call.callId;
    else if (call.startOp) refs.push({ path: 'callId', op: call.startOp, required: true });
    const ct = this.extras.callTicket;
    if (ct?.ticketId) payload.ticketId = ct.ticketId;
    else if (ct?.ticketOp) {
      const id = this.outbox?.resolvedId(ct.ticketOp);
      if (id) payload.ticketId = id;
      else refs.push({ path: 'ticketId', op: ct.ticketOp, required: false });
    }
    const op = this.enqueue('call:end', payload, refs.length ? refs : undefined);
    this.saveExtras({ callTicket: null, acked: null });
    return op;
  }

  createTicket(ticket: z.input<typeof NewTicket>): QueuedOpOf<'ticket:create'> {
    const call = this.getView().call;
    const body = { ...ticket };
    const refs: OpRef<'ticket:create', 'ticket.callId'>[] = [];
    if (call?.callId) body.callId = call.callId;
    else if (call?.startOp) refs.push({ path: 'ticket.callId', op: call.startOp, required: false });
    const op = this.enqueue('ticket:create', { ticket: body }, refs.length ? refs : undefined);
    if (call) this.saveExtras({ ...this.extras, callTicket: { ticketOp: op.opId } });
    return op;
  }

  /** `before`: the fields as the operator saw them, to show beside a conflict. */
  updateTicket(id: string, version: number, patch: TicketPatch, before?: Partial<Ticket>): QueuedOpOf<'ticket:update'> {
    return this.enqueue('ticket:update', { id, version, patch }, undefined, before ? { before } : undefined);
  }

  addNote(id: string, text: string): QueuedOpOf<'ticket:note'> {
    if (isLocalTicketId(id)) {
      const createOp = id.slice(LOCAL_TICKET_PREFIX.length);
      const real = this.outbox?.resolvedId(createOp);
      if (real) return this.enqueue('ticket:note', { id: real, text });
      return this.enqueue('ticket:note', { text }, [{ path: 'id', op: createOp, required: true }]);
    }
    return this.enqueue('ticket:note', { id, text });
  }

  setSeat(state: SettableSeatState): QueuedOpOf<'seat:set'> {
    return this.enqueue('seat:set', { state });
  }

  /** The real id of a ticket created offline, once the hub has acked or announced it. */
  resolveTicketId(id: string): string | undefined {
    if (!isLocalTicketId(id)) return id;
    const op = id.slice(LOCAL_TICKET_PREFIX.length);
    return this.outbox?.resolvedId(op) ?? this.hub.madeBy.get(op);
  }

  // ---- reads (not queued: they are only useful now) -------------------------------------

  /**
   * A request answered now or not at all: reads, and the supervisor's changes that only make
   * sense while connected (configuration, broadcasts, exports, backups). Those carry their own
   * opId, so a repeat after a lost ack is applied once.
   */
  request<K extends RequestName>(name: K, payload: Requests[K][0], timeoutMs = 8000): Promise<RequestResult<Requests[K][1]>> {
    const socket = this.socket;
    if (!socket?.connected) return Promise.resolve({ ok: false, error: { code: 'offline', message: 'not connected' } });
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ ok: false, error: { code: 'timeout', message: 'no answer' } }), timeoutMs);
      socket.emit(name, payload, (ack) => {
        clearTimeout(timer);
        this.absorbRead(ack);
        resolve(ack);
      });
    });
  }

  /**
   * Tickets and configuration that come with an answer are the newest there are: keep them,
   * whichever request brought them (a search's items, a caller's tickets, a conflict's config).
   */
  private absorbRead(ack: object): void {
    const r = ack as Partial<{ items: Ticket[]; tickets: Ticket[]; ticket: Ticket; config: FloorConfig; error: { config?: FloorConfig } }>;
    const found = [...(r.items ?? []), ...(r.tickets ?? [])];
    if (r.ticket) found.push(r.ticket);
    if (found.length) {
      this.hub = mergeTickets(this.hub, found);
      this.changed();
    }
    const config = r.config ?? r.error?.config;
    if (config && typeof config.version === 'number') this.applyConfig(config);
  }

  /**
   * Ends this session at the hub (`session:signOut`), so its token works nowhere any more, then
   * forgets it here. Offline, the token is forgotten all the same: the hub's copy expires or is
   * replaced at the next sign-in.
   */
  async signOut(): Promise<void> {
    if (this.socket?.connected && this.session) await this.request('session:signOut', {}, 3000);
    this.credentials.forget();
    this.session = null;
    this.stop();
  }

  /** The person sets their own PIN (`pin:change`); the console goes on, and the outbox with it. */
  async changePin(current: string, next: string): Promise<RequestResult<Results['pin:change']>> {
    const r = await this.request('pin:change', { current, next });
    if (r.ok && this.session) {
      this.session = { ...this.session, user: r.user, mustChangePin: false };
      this.changed();
      this.pump();
    }
    return r;
  }

  lookupCaller(phone: string): Promise<RequestResult<CallerLookupResult>> {
    return this.request('caller:lookup', { phone });
  }

  /**
   * Supervisors: closes a call left open (`call:close`), as `disconnected`. Only while connected,
   * like every supervisor's change; `opId`: the same for a retry of the same close, so that the
   * hub applies it once.
   */
  closeCall(callId: string, opId: string = this.newId()): Promise<RequestResult<CallCloseResult>> {
    return this.request('call:close', { opId, callId });
  }
}

/**
 * Where a client's outbox and call state are kept. opIds are scoped by clientId on the hub and
 * ops act as a seat and, since accounts, as a person: one outbox per seat and person, so one
 * person's queued actions are never sent under another's session at the same seat.
 */
export function outboxScope(auth: Pick<AuthPayload, 'seat' | 'user'>, noSeatScope = 'ro'): string {
  const base = auth.seat !== undefined ? `seat-${auth.seat}` : noSeatScope;
  return auth.user !== undefined ? `${base}.user-${auth.user}` : base;
}

/** The mirror with `call` as the hub last said it, over what was known of it. */
function withCall(hub: HubMirror, call: Call): HubMirror {
  const calls = new Map(hub.calls);
  calls.set(call.id, { ...calls.get(call.id), ...call });
  return { ...hub, calls };
}

function defaultRetryDelay(attempt: number): number {
  return Math.min(30_000, 500 * 2 ** Math.min(attempt, 6));
}

export function errorOf(r: { ok: boolean; error?: ProtocolError | { code: string; message: string } }): string | null {
  return r.ok ? null : (r.error?.code ?? 'internal');
}
