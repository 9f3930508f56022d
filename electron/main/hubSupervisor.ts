/**
 * Keeps the hub running in its own process on the hub PC. If it dies it is started again,
 * waiting longer after each failure in a row (a hub that cannot start, say because its port is
 * taken, must not spin); a run that lasted a while resets the count. Stopping asks the hub to
 * commit and close its database, and kills it only if it does not finish in time.
 * The process is created by an injected `fork`, so this runs under plain Node in the tests.
 */
import { backoffDelay, HUB_RESTART_BACKOFF, type Backoff } from './backoff';
import { FromHub, type HubStartOptions, type ToHub } from './hubMessages';

export interface HubChild {
  postMessage(message: ToHub): void;
  kill(): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null) => void): void;
}

export type HubReady = Extract<FromHub, { type: 'ready' }>;

export type SupervisorState = 'idle' | 'starting' | 'running' | 'waiting' | 'stopping' | 'stopped';

export type SupervisorDeps = {
  fork: () => HubChild;
  /** Asked at every start: a one-off (a restore) is given to the first start only. */
  options: () => HubStartOptions;
  log: (line: string) => void;
  onReady: (ready: HubReady) => void;
  /** The hub is down: why, and in how many ms it is tried again. */
  onDown: (reason: string, retryInMs: number) => void;
  backoff?: Backoff;
  /** A run at least this long counts as a success: the next failure waits the shortest time again. */
  stableMs?: number;
  readyTimeoutMs?: number;
  stopTimeoutMs?: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
};

export class HubSupervisor {
  private child: HubChild | null = null;
  private failures = 0;
  private startedAt = 0;
  private lastError: string | null = null;
  private retryTimer: unknown = null;
  private readyTimer: unknown = null;
  private exited: (() => void) | null = null;
  private _state: SupervisorState = 'idle';
  private readonly now: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly deps: SupervisorDeps) {
    this.now = deps.now ?? Date.now;
    this.setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  get state(): SupervisorState {
    return this._state;
  }

  start(): void {
    if (this._state !== 'idle') return;
    this.spawn();
  }

  private spawn(): void {
    this.retryTimer = null;
    this._state = 'starting';
    this.lastError = null;
    this.startedAt = this.now();
    let child: HubChild;
    try {
      child = this.deps.fork();
    } catch (err) {
      this.lastError = `the hub process could not be started: ${(err as Error).message}`;
      this.scheduleRestart(null);
      return;
    }
    this.child = child;
    child.onMessage((raw) => this.onMessage(child, raw));
    child.onExit((code) => this.onExit(child, code));
    child.postMessage({ type: 'start', options: this.deps.options() });
    this.readyTimer = this.setTimer(() => {
      if (this.child !== child || this._state !== 'starting') return;
      this.lastError = 'the hub did not become ready in time';
      this.deps.log(`hub: ${this.lastError}; restarting it`);
      child.kill();
    }, this.deps.readyTimeoutMs ?? 120_000);
  }

  private onMessage(child: HubChild, raw: unknown): void {
    if (child !== this.child) return;
    const parsed = FromHub.safeParse(raw);
    if (!parsed.success) {
      this.deps.log('hub: ignored a message that does not fit the protocol');
      return;
    }
    const msg = parsed.data;
    if (msg.type === 'log') this.deps.log(`hub: ${msg.line}`);
    else if (msg.type === 'failed') {
      this.lastError = msg.message;
      this.deps.log(`hub: could not start: ${msg.message}`);
    } else if (msg.type === 'ready') {
      this.clearTimer(this.readyTimer);
      if (this._state === 'starting') this._state = 'running';
      this.deps.log(`hub: ready at ${msg.url}`);
      this.deps.onReady(msg);
    }
  }

  private onExit(child: HubChild, code: number | null): void {
    if (child !== this.child) return;
    this.child = null;
    this.clearTimer(this.readyTimer);
    if (this._state === 'stopping') {
      this._state = 'stopped';
      this.exited?.();
      return;
    }
    this.scheduleRestart(code);
  }

  private scheduleRestart(code: number | null): void {
    if (this.now() - this.startedAt >= (this.deps.stableMs ?? 60_000)) this.failures = 0;
    const delay = backoffDelay(this.failures, this.deps.backoff ?? HUB_RESTART_BACKOFF);
    this.failures++;
    const reason = this.lastError ?? `the hub stopped unexpectedly${code === null ? '' : ` (exit code ${code})`}`;
    this.deps.log(`hub: ${reason}; starting it again in ${Math.round(delay / 1000)} s`);
    this._state = 'waiting';
    this.deps.onDown(reason, delay);
    this.retryTimer = this.setTimer(() => this.spawn(), delay);
  }

  /** Asks the hub to finish its writes and close; kills it after `stopTimeoutMs`. */
  stop(): Promise<void> {
    if (this._state === 'stopped' || this._state === 'idle') {
      this._state = 'stopped';
      return Promise.resolve();
    }
    if (this.retryTimer !== null) this.clearTimer(this.retryTimer);
    const child = this.child;
    this._state = 'stopping';
    if (!child) {
      this._state = 'stopped';
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const killTimer = this.setTimer(() => {
        this.deps.log('hub: did not stop in time; ending its process');
        child.kill();
      }, this.deps.stopTimeoutMs ?? 15_000);
      this.exited = () => {
        this.clearTimer(killTimer);
        resolve();
      };
      try {
        child.postMessage({ type: 'stop' });
      } catch {
        child.kill();
      }
    });
  }
}
