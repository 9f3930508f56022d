/**
 * Small helpers shared by the benchmark and the soak: percentiles, a request/reply channel to
 * forked child processes, the keys of benchmark hubs, and table printing.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { execSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { freemem, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Keys of benchmark hubs: fixed, so that every child process agrees without passing files. */
export const BENCH_KEYS = {
  operator: 'bench-operator-key-7d21',
  supervisor: 'bench-supervisor-key-93ac',
  wall: 'bench-wall-key-40fe',
} as const;

/** The PIN of every benchmark account. */
export const BENCH_PIN = '314159';

/** The operator at `seat` in benchmarks (and the soak): one account per seat, signed in with BENCH_PIN. */
export function benchUser(seat: number): string {
  return `op${seat}`;
}

/**
 * The accounts of benchmark hubs: an operator for each of up to 400 seats and a supervisor.
 * Their PINs are hashed lightly (BENCH_PIN_HASHING), so that seeding 400 accounts takes a second:
 * the sign-in times measured here leave out the hub's own PIN hash (about 0.13 s a sign-in on a
 * hub PC, two at a time), which a floor pays once per person per shift.
 */
export const BENCH_USERS = [
  ...Array.from({ length: 400 }, (_, i) => ({ username: benchUser(i + 1), name: `Seat ${i + 1}`, role: 'operator' as const, pin: BENCH_PIN })),
  { username: 'sup1', name: 'Supervisor', role: 'supervisor' as const, pin: BENCH_PIN },
];
export const BENCH_PIN_HASHING = { N: 1024, r: 8, p: 1 };

/** Absolute time in milliseconds with sub-millisecond resolution, comparable across processes of this machine. */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `hcr-bench-${prefix}-`));
}

/** Nearest-rank percentile of an unsorted sample (sorts a copy). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export type Summary = { n: number; p50: number; p99: number; max: number; mean: number };

export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) return { n: 0, p50: NaN, p99: NaN, max: NaN, mean: NaN };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
  let sum = 0;
  for (const v of sorted) sum += v;
  return { n: sorted.length, p50: at(50), p99: at(99), max: sorted[sorted.length - 1]!, mean: sum / sorted.length };
}

/** Rounds for printing and for the RESULT line: 3 significant figures, integers above 100. */
export function round(v: number | null | undefined): number | null {
  if (v === null || v === undefined || !Number.isFinite(v)) return null;
  if (Math.abs(v) >= 100) return Math.round(v);
  if (Math.abs(v) >= 10) return Math.round(v * 10) / 10;
  return Math.round(v * 100) / 100;
}

/** Least-squares slope of y over x. */
export function slope(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  if (n < 2) return 0;
  let sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (let i = 0; i < n; i++) {
    sx += xs[i]!;
    sy += ys[i]!;
    sxx += xs[i]! * xs[i]!;
    sxy += xs[i]! * ys[i]!;
  }
  const d = n * sxx - sx * sx;
  return d === 0 ? 0 : (n * sxy - sx * sy) / d;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? NaN : values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * A forked child that answers requests: `{ id, cmd, args }` in, `{ id, ok, result | error }` out.
 * Messages without an id are events (samples, logs) handed to `onEvent`.
 */
export class Child {
  private nextId = 1;
  private waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  readonly exited: Promise<number | null>;
  onEvent: (msg: Record<string, unknown>) => void = () => undefined;

  constructor(readonly proc: ChildProcess, readonly name: string) {
    proc.on('message', (raw) => {
      const msg = raw as { id?: number; ok?: boolean; result?: unknown; error?: string };
      if (msg.id === undefined) {
        this.onEvent(raw as Record<string, unknown>);
        return;
      }
      const w = this.waiting.get(msg.id);
      if (!w) return;
      this.waiting.delete(msg.id);
      if (msg.ok) w.resolve(msg.result);
      else w.reject(new Error(`${name}: ${msg.error}`));
    });
    this.exited = new Promise((resolve) => {
      proc.on('exit', (code) => {
        for (const w of this.waiting.values()) w.reject(new Error(`${name} exited (code ${code}) before answering`));
        this.waiting.clear();
        resolve(code);
      });
    });
  }

  get pid(): number {
    return this.proc.pid!;
  }

  request<T>(cmd: string, args: object = {}, timeoutMs = 600_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`${this.name}: ${cmd} took longer than ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.proc.send({ id, cmd, args });
    });
  }

  /** Asks the child to finish, and kills it if it has not gone within `graceMs`. */
  async stop(graceMs = 15_000): Promise<void> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    await this.request('close', {}, graceMs).catch(() => undefined);
    const gone = await Promise.race([this.exited.then(() => true), sleep(graceMs).then(() => false)]);
    if (!gone) this.proc.kill('SIGKILL');
  }
}

/**
 * Forks `bench/<file>` under Node with tsx as a loader, so that the child is one node process
 * (its pid is the process whose memory is measured) and not a launcher with a child of its own.
 */
export function forkChild(file: string, name: string, extraExecArgv: string[] = [], args: string[] = []): Child {
  const proc = fork(join(BENCH_DIR, file), args, {
    cwd: REPO_ROOT,
    execArgv: ['--import', 'tsx', ...extraExecArgv],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return new Child(proc, name);
}

/** The child side of `Child`: dispatches requests to `handlers` and replies. */
export function serveParent(handlers: Record<string, (args: never) => unknown>): void {
  if (!process.send) throw new Error('this file is run by the benchmark as a forked child');
  process.on('message', (raw) => {
    const { id, cmd, args } = raw as { id: number; cmd: string; args: never };
    const handler = handlers[cmd];
    if (!handler) {
      process.send!({ id, ok: false, error: `unknown command ${cmd}` });
      return;
    }
    Promise.resolve()
      .then(() => handler(args))
      .then(
        (result) => process.send!({ id, ok: true, result: result ?? null }),
        (err: unknown) => process.send!({ id, ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
      );
  });
  // A parent that dies takes its children with it: nothing of a run is left behind.
  process.on('disconnect', () => process.exit(0));
}

/**
 * How much of one core this process gets right now: a busy loop for `ms`, CPU time over wall
 * time. About 1 on an idle machine; lower when other work shares the cores.
 */
export function cpuAvailable(ms = 400): number {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let x = 0;
  while (performance.now() - t0 < ms) x += Math.sqrt(x + 1);
  const used = process.cpuUsage(c0);
  return x > 0 ? (used.user + used.system) / 1000 / (performance.now() - t0) : 0;
}

export function machine(): { nproc: number; memTotalGb: number; memFreeGb: number; node: string; date: string; loadavg: number[]; cpu: string } {
  let nproc = 0;
  let cpu = '';
  try {
    nproc = Number(execSync('nproc', { encoding: 'utf8' }).trim());
    cpu = execSync("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2", { encoding: 'utf8', shell: '/bin/sh' }).trim();
  } catch {
    // Not Linux: the numbers still print, without these.
  }
  return {
    nproc,
    memTotalGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    memFreeGb: Math.round((freemem() / 2 ** 30) * 10) / 10,
    node: process.version,
    date: new Date().toISOString(),
    loadavg: loadavg().map((l) => Math.round(l * 100) / 100),
    cpu,
  };
}

/** Prints rows as an aligned text table. */
export function table(headers: string[], rows: (string | number | null)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => (c === null ? '—' : String(c))))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}
