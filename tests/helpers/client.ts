/**
 * Socket.IO clients as the consoles use them (WebSocket only, one connection per window),
 * recording everything the hub sends: events, `change`s, `snapshot`s and the raw frames, so
 * that a test can assert on what reached the wire, not only on what the client library made
 * of it. Reconnection is off: a test decides when a client comes back, and with what `since`.
 */
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { Call, Change, Counter, Seat, Session, SessionEnded, Snapshot, Ticket } from '../../shared/protocol';
import { applyChange, type Mirror, mirrorFromSnapshot } from './mirror';
import { operatorUser, TEST_KEYS, TEST_PIN } from './keys';
import { sleep, waitUntil } from './wait';

export type Auth = Record<string, unknown>;

/** What an acknowledgement may hold; a test narrows it with expectations. */
export type AckResult = {
  ok: boolean;
  error?: { code: string; message: string; ticket?: Ticket };
  call?: Call;
  counter?: Counter;
  ticket?: Ticket;
  seat?: Seat;
  items?: Ticket[];
  next?: number;
  [key: string]: unknown;
};

/** The socket went away before its ack came: the op may or may not have been applied. */
export class AckDropped extends Error {}

/** An operator at `seat`, signed in as that seat's test account (`op<seat>`, "Operator <seat>"). */
export function operatorAuth(seat: number, extra: Auth = {}): Auth {
  return { key: TEST_KEYS.operator, clientId: randomUUID(), seat, user: operatorUser(seat), pin: TEST_PIN, ...extra };
}
/** A supervisor, signed in as `sup1` ("Supervisor") unless `extra` says otherwise. */
export function supervisorAuth(extra: Auth = {}): Auth {
  return { key: TEST_KEYS.supervisor, clientId: randomUUID(), user: 'sup1', pin: TEST_PIN, ...extra };
}
export function wallAuth(extra: Auth = {}): Auth {
  return { key: TEST_KEYS.wall, clientId: randomUUID(), ...extra };
}

/**
 * Emits `event` with `payload` and resolves with the hub's ack. Rejects with AckDropped when
 * the socket is or becomes disconnected first, and with a plain Error after `timeoutMs`.
 */
export function emitAck(socket: Socket, event: string, payload: unknown, timeoutMs = 10_000): Promise<AckResult> {
  return new Promise<AckResult>((resolve, reject) => {
    if (!socket.connected) {
      reject(new AckDropped(`${event}: socket not connected`));
      return;
    }
    let done = false;
    const finish = (settle: () => void): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.off('disconnect', onDisconnect);
      settle();
    };
    const onDisconnect = (reason: string): void => finish(() => reject(new AckDropped(`${event}: disconnected (${reason}) before the ack`)));
    const timer = setTimeout(() => finish(() => reject(new Error(`${event}: no ack within ${timeoutMs} ms`))), timeoutMs);
    socket.on('disconnect', onDisconnect);
    socket.emit(event, payload, (ack: AckResult) => finish(() => resolve(ack)));
  });
}

export type ClientOptions = {
  /** With `auth.since`: the state the client had, which the missed changes continue. */
  base?: Mirror;
};

export class TestClient {
  readonly socket: Socket;
  readonly auth: Auth;
  /** Every event in arrival order (not connect/disconnect). */
  readonly events: { event: string; args: unknown[] }[] = [];
  readonly changes: Change[] = [];
  readonly snapshots: Snapshot[] = [];
  /** Raw Engine.IO message frames, exactly as received. */
  readonly raw: string[] = [];
  /** Problems seen while applying changes: gaps, repeats, changes without a base. */
  readonly seqProblems: string[] = [];
  mirror: Mirror | null;
  connectError: Error | null = null;
  disconnectReason: string | null = null;
  everConnected = false;

  constructor(url: string, auth: Auth, options: ClientOptions = {}) {
    this.auth = auth;
    this.mirror = options.base ?? null;
    this.socket = io(url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      autoConnect: false,
      timeout: 10_000,
      auth,
    });
    this.socket.io.on('open', () => {
      this.socket.io.engine.on('packet', (packet: { type: string; data?: unknown }) => {
        if (typeof packet.data === 'string') this.raw.push(packet.data);
      });
    });
    this.socket.on('connect', () => {
      this.everConnected = true;
    });
    this.socket.on('connect_error', (err: Error) => {
      this.connectError = err;
    });
    this.socket.on('disconnect', (reason: string) => {
      this.disconnectReason = reason;
    });
    this.socket.onAny((event: string, ...args: unknown[]) => {
      this.events.push({ event, args });
      if (event === 'snapshot') {
        const s = args[0] as Snapshot;
        this.snapshots.push(s);
        this.mirror = mirrorFromSnapshot(s);
      } else if (event === 'change') {
        const c = args[0] as Change;
        this.changes.push(c);
        if (!this.mirror) {
          this.seqProblems.push(`change ${c.seq} (${c.type}) arrived before any snapshot`);
          return;
        }
        const problem = applyChange(this.mirror, c);
        if (problem) this.seqProblems.push(problem);
      }
    });
    this.socket.connect();
  }

  get seq(): number {
    return this.mirror?.seq ?? -1;
  }

  /** The latest `session` the hub sent (a person's sign-in or reconnect). */
  get session(): Session | undefined {
    return this.events.findLast((e) => e.event === 'session')?.args[0] as Session | undefined;
  }

  /** Why the hub ended this session, if it did (`session:ended`). */
  get ended(): SessionEnded | undefined {
    return this.events.find((e) => e.event === 'session:ended')?.args[0] as SessionEnded | undefined;
  }

  /** Waits until the hub has answered the sign-in with `session` (for one who must still choose a PIN, there is no snapshot yet). */
  async signedIn(timeoutMs = 10_000): Promise<Session> {
    await waitUntil(() => this.connectError !== null || this.session !== undefined, 'a session', timeoutMs);
    if (this.connectError) throw new Error(`connection refused: ${this.connectError.message}`);
    return this.session!;
  }

  /**
   * Waits until the client is connected and holds a state (a snapshot, or a base plus changes);
   * a client that asked for no state (`snapshot: false`) until it is told it is current.
   */
  async ready(timeoutMs = 10_000): Promise<this> {
    const holdsState = () => this.mirror !== null && (this.snapshots.length > 0 || this.auth.since !== undefined);
    const current = () => (this.auth.snapshot === false ? this.events.some((e) => e.event === 'synced') : holdsState());
    await waitUntil(() => this.connectError !== null || (this.socket.connected && current()), 'the connection and its snapshot', timeoutMs);
    if (this.connectError) throw new Error(`connection refused: ${this.connectError.message}`);
    return this;
  }

  emit(event: string, payload: unknown, timeoutMs?: number): Promise<AckResult> {
    return emitAck(this.socket, event, payload, timeoutMs);
  }

  /**
   * Like a console's outbox: on `rate_limited` it waits and re-sends the same payload (same
   * opId), for setup work whose pace is not what the test is about.
   */
  async emitPatiently(event: string, payload: unknown, maxWaitMs = 20_000): Promise<AckResult> {
    const deadline = Date.now() + maxWaitMs;
    for (let delay = 50; ; delay = Math.min(delay * 2, 1_000)) {
      const ack = await this.emit(event, payload);
      if (ack.ok || ack.error?.code !== 'rate_limited' || Date.now() > deadline) return ack;
      await sleep(delay);
    }
  }

  /** Waits until this client has applied change `seq` (or later). */
  async waitForSeq(seq: number, timeoutMs = 10_000): Promise<void> {
    await waitUntil(() => this.seq >= seq, `seq ${seq}`, timeoutMs, () => `client is at ${this.seq}`);
  }

  /** The full text of everything received, for "appears nowhere" assertions. */
  rawText(): string {
    return this.raw.join('\n');
  }

  close(): void {
    this.socket.disconnect();
  }
}

/**
 * Connects and resolves once the hub has refused the connection; fails if it accepts.
 * After the refusal it waits `quietMs` so that a stray event after the refusal is seen.
 */
export async function expectRefused(url: string, auth: Auth, quietMs = 150): Promise<TestClient> {
  const c = new TestClient(url, auth);
  await waitUntil(() => c.connectError !== null || c.everConnected, 'a connect_error', 10_000);
  await sleep(quietMs);
  c.close();
  // When the hub wrongly accepted it, let the hub finish with the disconnect, so that its
  // seat change does not land in the next test's measurements.
  if (c.everConnected) await sleep(200);
  return c;
}
