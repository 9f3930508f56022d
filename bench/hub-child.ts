/**
 * A hub in a process of its own, for the benchmark and the soak: the parent measures this
 * process's memory, event-loop delay and CPU without counting its own load generators.
 *
 * Modes:
 *  - `hub`: startHub, exactly as the product starts it (options from the parent).
 *  - `raw-io`: a bare Socket.IO server with the hub's server options and no hub logic: every
 *    message `m` is broadcast to all clients and acknowledged. The baseline for fan-out.
 *
 * With `sqlTrace`, every statement of the hub's connections is timed (call to callback), which
 * is how the benchmark shows where a write's time goes. It patches the Db class in this process
 * only; the hub's files are not touched.
 */
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Session } from 'node:inspector';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Server } from 'socket.io';
import { startHub, type Hub } from '../electron/hub/index';
import { Db } from '../electron/hub/db/connection';
import type { RateLimit } from '../electron/hub/rateLimit';
import { BENCH_KEYS, BENCH_PIN_HASHING, BENCH_USERS, serveParent } from './lib';

type StartArgs = {
  mode: 'hub' | 'raw-io';
  dataDir?: string;
  seats?: number;
  rateLimit?: RateLimit;
  rendererDir?: string;
  initialTotal?: number;
  sqlTrace?: boolean;
  /** Minutes between scheduled backups (0: none, the benchmark's default). */
  backupEveryMinutes?: number;
  /** raw-io only: send the changes of each interval as one packet. */
  coalesceMs?: number;
};

let hub: Hub | undefined;
let rawClose: (() => Promise<void>) | undefined;
let logLines = 0;
/** The histogram records whole timer intervals; the delay is what exceeds the interval. */
const ELD_RESOLUTION_MS = 10;
const eld = monitorEventLoopDelay({ resolution: ELD_RESOLUTION_MS });
eld.enable();
let cpuMark = process.cpuUsage();
let cpuAt = performance.now();
let switchesMark = process.resourceUsage().involuntaryContextSwitches;

let profiler: Session | undefined;
function post(method: string, params: object = {}): Promise<unknown> {
  return new Promise((resolve, reject) => profiler!.post(method, params, (err, result) => (err ? reject(err) : resolve(result))));
}

type StatementTiming = { n: number; totalMs: number; maxMs: number };
const statements = new Map<string, StatementTiming>();

function traceSql(): void {
  const proto = Db.prototype as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
  for (const method of ['run', 'get', 'all', 'exec'] as const) {
    const original = proto[method]!;
    proto[method] = function (this: unknown, sql: unknown, ...rest: unknown[]) {
      const started = performance.now();
      const key = `${method} ${String(sql).replace(/\s+/g, ' ').trim().slice(0, 90)}`;
      const done = () => {
        const ms = performance.now() - started;
        const t = statements.get(key) ?? { n: 0, totalMs: 0, maxMs: 0 };
        t.n += 1;
        t.totalMs += ms;
        t.maxMs = Math.max(t.maxMs, ms);
        statements.set(key, t);
      };
      const p = original.call(this, sql, ...rest);
      p.then(done, done);
      return p;
    };
  }
}

/**
 * `coalesceMs` > 0: instead of one `change` packet per change and client, the changes of each
 * interval go out as one `changes` packet (an array) — the batching proposed for the hub, measured
 * here without the hub.
 */
async function startRawIo(coalesceMs = 0): Promise<{ url: string; port: number }> {
  const http = createServer((_req, res) => {
    res.writeHead(404);
    res.end();
  });
  // The hub's own Server options, so that only the hub's logic differs.
  const io = new Server(http, { maxHttpBufferSize: 1_000_000, serveClient: false, pingInterval: 10_000, pingTimeout: 8_000 });
  let seq = 0;
  let pending: object[] = [];
  const send = (change: object) => {
    if (coalesceMs <= 0) {
      io.to('all').emit('change', change);
      return;
    }
    if (pending.length === 0) {
      setTimeout(() => {
        const batch = pending;
        pending = [];
        io.to('all').emit('changes', batch);
      }, coalesceMs);
    }
    pending.push(change);
  };
  io.on('connection', (socket) => {
    socket.join('all');
    socket.emit('synced', { seq });
    socket.on('m', (payload: { key: string; extra: number; pad: string; extraPad: string }, ack: (r: object) => void) => {
      send({ seq: ++seq, type: 'raw', data: { key: payload.key, pad: payload.pad }, at: new Date().toISOString() });
      for (let i = 0; i < payload.extra; i++) send({ seq: ++seq, type: 'filler', data: { pad: payload.extraPad }, at: new Date().toISOString() });
      ack({ ok: true, key: payload.key });
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const port = (http.address() as AddressInfo).port;
  rawClose = () =>
    new Promise<void>((resolve) => {
      io.disconnectSockets(true);
      io.close(() => resolve());
      http.closeAllConnections();
    });
  return { url: `http://127.0.0.1:${port}`, port };
}

serveParent({
  async start(args: StartArgs) {
    const started = performance.now();
    if (args.mode === 'raw-io') return { ...(await startRawIo(args.coalesceMs)), startMs: performance.now() - started, pid: process.pid };
    if (args.sqlTrace) traceSql();
    hub = await startHub({
      dataDir: args.dataDir!,
      keys: { ...BENCH_KEYS },
      users: BENCH_USERS,
      pinHashing: BENCH_PIN_HASHING,
      port: 0,
      host: '127.0.0.1',
      seats: args.seats ?? 40,
      ...(args.rateLimit ? { rateLimit: args.rateLimit } : {}),
      ...(args.rendererDir ? { rendererDir: args.rendererDir } : {}),
      ...(args.initialTotal !== undefined ? { initialTotal: args.initialTotal } : {}),
      backup: { everyMinutes: args.backupEveryMinutes ?? 0 },
      log: (line) => {
        logLines += 1;
        if (logLines <= 50) process.stderr.write(`[hub] ${line}\n`);
      },
    });
    return { url: hub.url, port: hub.port, startMs: performance.now() - started, pid: process.pid };
  },

  /**
   * Memory of this process, in bytes; `maxRss` is the peak so far (kilobytes from the kernel,
   * converted). With `afterGc` (and node --expose-gc), `liveHeap` is the heap still in use after
   * a full collection: what a leak would make grow, without the collector's own timing in it.
   */
  mem(args: { afterGc?: boolean } = {}) {
    const before = { ...process.memoryUsage(), maxRss: process.resourceUsage().maxRSS * 1024 };
    const gc = (globalThis as { gc?: () => void }).gc;
    if (!args?.afterGc || !gc) return before;
    gc();
    return { ...before, liveHeap: process.memoryUsage().heapUsed };
  },

  /** Event-loop delay since the last call, in milliseconds beyond the timer's interval; resets the histogram. */
  eld() {
    const ms = (ns: number) => Math.max(0, ns / 1e6 - ELD_RESOLUTION_MS);
    const r = { p50: ms(eld.percentile(50)), p99: ms(eld.percentile(99)), max: ms(eld.max), mean: ms(eld.mean), n: eld.count };
    eld.reset();
    return r;
  },

  /**
   * CPU used since the last call, as a share of one core, and how often the kernel took the core
   * away while the hub still wanted it (involuntary switches: other work competing for the CPU).
   */
  cpu() {
    const used = process.cpuUsage(cpuMark);
    const wall = performance.now() - cpuAt;
    const switches = process.resourceUsage().involuntaryContextSwitches;
    const preempted = switches - switchesMark;
    switchesMark = switches;
    cpuMark = process.cpuUsage();
    cpuAt = performance.now();
    return { userMs: used.user / 1000, systemMs: used.system / 1000, wallMs: wall, share: (used.user + used.system) / 1000 / wall, preemptedPerSec: preempted / (wall / 1000) };
  },

  /** Statement timings since the last call (with `sqlTrace`); resets them. */
  statements() {
    const rows = [...statements].map(([sql, t]) => ({ sql, ...t })).sort((a, b) => b.totalMs - a.totalMs);
    statements.clear();
    return rows;
  },

  /**
   * A CPU profile of this process over a window only (not its start-up): `profileStart`, then
   * `profileStop` writes the .cpuprofile to `file`.
   */
  async profileStart() {
    profiler ??= new Session();
    profiler.connect();
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 500 });
    await post('Profiler.start');
    return null;
  },

  async profileStop(args: { file: string }) {
    const { profile } = (await post('Profiler.stop')) as { profile: object };
    writeFileSync(args.file, JSON.stringify(profile));
    profiler?.disconnect();
    profiler = undefined;
    return { file: args.file };
  },

  async maintenance() {
    const started = performance.now();
    await hub?.maintenance();
    return { ms: performance.now() - started };
  },

  async close() {
    await hub?.close();
    await rawClose?.();
    // After the reply has gone out; an exit also writes a CPU profile when one is being taken.
    setTimeout(() => process.exit(0), 50);
    return { logLines };
  },
});

process.on('SIGTERM', () => {
  void (async () => {
    await hub?.close().catch(() => undefined);
    process.exit(0);
  })();
});
