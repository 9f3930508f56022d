/**
 * `npm run soak -- --minutes N [--speed F] [--sample-seconds S]`
 *
 * A working floor for N minutes: 40 simulated seats at a person's pace (a call every 20–60 s,
 * a ticket on about half, notes, status changes, a break now and then; see bench/seat-sim.ts)
 * and a wall display, against a hub in a child process with a temporary data folder.
 * `--speed F` compresses time: every wait is divided by F. At speed 1 the floor takes about 60
 * calls a minute, so 30 minutes carry about 1,800 calls — a busy day of the 2020 helpline
 * (1,000–1,200 calls a day) and more.
 *
 * Every sample (a minute by default) records, from the hub's own process: RSS and heap, the
 * event-loop delay, CPU; from the data folder: the WAL and database sizes; from the seats: the
 * ack latency of mutations, the fan-out latency, reads, errors. At the end each series is judged
 * flat or not: a least-squares slope over the last two thirds of the samples (the first third
 * is warm-up: caches, JIT, the WAL reaching its working size) and the mean of the last third
 * against the first. It prints a table and, as its last line, `SOAK {json}`.
 *
 * The run stops by itself; everything listens on 127.0.0.1 and the data folder is removed.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { BENCH_DIR, BENCH_KEYS, forkChild, machine, round, sleep, slope, table, tempDir, type Child, type Summary } from './lib';
import { removeDir } from './seed';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '30' },
    speed: { type: 'string', default: '1' },
    'sample-seconds': { type: 'string', default: '60' },
    seats: { type: 'string', default: '40' },
  },
  strict: true,
});
const minutes = Number(values.minutes);
const speed = Number(values.speed);
const sampleSeconds = Number(values['sample-seconds']);
const seatCount = Number(values.seats);
if (!(minutes > 0 && speed > 0 && sampleSeconds >= 5 && seatCount >= 1 && seatCount <= 1000)) {
  console.error('usage: npm run soak -- --minutes N [--speed F] [--sample-seconds S] [--seats N]');
  process.exit(2);
}

type SimSample = {
  ack: Summary;
  reads: Summary;
  fanout: Summary;
  byEvent: Record<string, number>;
  errors: Record<string, number>;
  calls: number;
  tickets: number;
  wall: { changes: number; stats: number; lastStatsAt: number };
  connected: number;
  wallConnected: boolean;
};
type Sample = {
  minute: number;
  rssMb: number;
  heapMb: number;
  liveHeapMb: number;
  externalMb: number;
  walMb: number;
  dbMb: number;
  eldP50: number;
  eldP99: number;
  eldMax: number;
  hubCpu: number;
  fsyncMs: number;
  preemptedPerSec: number;
  load1: number;
  ackP50: number;
  ackP99: number;
  fanoutP99: number;
  readP99: number;
  calls: number;
  tickets: number;
  mutations: number;
  errors: number;
  wallChanges: number;
  wallStats: number;
  connected: number;
};

const log = (line: string) => process.stderr.write(`${line}\n`);

/**
 * The disk's fsync time now, in the hub's data folder: a commit with synchronous=FULL waits for
 * one, so an ack can be no faster. Five appends of 4 KiB, each fsynced; the median, in ms.
 */
function fsyncMs(dir: string): number {
  const fd = openSync(join(dir, 'fsync-probe'), 'a');
  const times: number[] = [];
  try {
    for (let i = 0; i < 5; i++) {
      writeSync(fd, Buffer.alloc(4096, 1));
      const t0 = performance.now();
      fsyncSync(fd);
      times.push(performance.now() - t0);
    }
  } finally {
    closeSync(fd);
  }
  return times.sort((a, b) => a - b)[2]!;
}
const mb = (bytes: number) => bytes / 2 ** 20;
const sizeOf = (file: string) => (existsSync(file) ? statSync(file).size : 0);

/**
 * How much each series may grow and still count as flat: the larger of a floor and a share of
 * its early level. Memory and the WAL are smooth, so 10%; per-minute latency percentiles are
 * noisy on a shared machine, so 25%, with floors that a person at a console would not notice.
 */
const TOLERANCE: Record<string, { floor: number; rel: number; unit: string }> = {
  rssMb: { floor: 10, rel: 0.1, unit: 'MiB' },
  heapMb: { floor: 5, rel: 0.1, unit: 'MiB' },
  liveHeapMb: { floor: 3, rel: 0.1, unit: 'MiB' },
  // SQLite checkpoints every 1000 pages (~4 MiB); the file keeps its high-water mark.
  walMb: { floor: 4.5, rel: 0.1, unit: 'MiB' },
  eldP99: { floor: 10, rel: 0.25, unit: 'ms' },
  ackP50: { floor: 5, rel: 0.25, unit: 'ms' },
  ackP99: { floor: 25, rel: 0.25, unit: 'ms' },
  fanoutP99: { floor: 25, rel: 0.25, unit: 'ms' },
};

function pearson(xs: number[], ys: number[]): number {
  const n = xs.length;
  if (n < 3) return NaN;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  return sxx && syy ? sxy / Math.sqrt(sxx * syy) : NaN;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

/**
 * Flat: neither the trend over the last two thirds (least-squares slope times their span) nor
 * the last third against the first (medians, robust to one bad minute) grows by more than the
 * tolerance. Falling is fine. Fewer than six samples are too few to judge.
 */
function verdict(samples: Sample[], key: keyof typeof TOLERANCE & keyof Sample) {
  const ys = samples.map((s) => s[key] as number);
  const third = Math.max(1, Math.floor(samples.length / 3));
  const tail = samples.slice(third);
  const perMinute = slope(
    tail.map((s) => s.minute),
    tail.map((s) => s[key] as number),
  );
  const span = tail.length > 1 ? tail[tail.length - 1]!.minute - tail[0]!.minute : 0;
  const first = median(ys.slice(0, third));
  const last = median(ys.slice(-third));
  const t = TOLERANCE[key]!;
  const tol = Math.max(t.floor, Math.abs(first) * t.rel);
  const drift = perMinute * span;
  const flat = drift <= tol && last - first <= tol;
  return {
    series: key,
    unit: t.unit,
    firstThird: round(first),
    lastThird: round(last),
    slopePerMinute: round(perMinute),
    driftOverTail: round(drift),
    tolerance: round(tol),
    flat: samples.length >= 6 ? flat : null,
  };
}

async function main(): Promise<void> {
  const m = machine();
  const dataDir = tempDir('soak');
  const walFile = join(dataDir, 'hub.sqlite-wal');
  const dbFile = join(dataDir, 'hub.sqlite');
  // --expose-gc: each sample also reads the live heap after a full collection (see hub-child.ts).
  const hub: Child = forkChild('hub-child.ts', 'hub', ['--expose-gc']);
  const sim: Child = forkChild('seat-sim.ts', 'seats');
  // Bounded in time whatever happens: a stuck child cannot keep the run alive.
  const guard = setTimeout(() => {
    log('the soak overran its time; stopping');
    hub.proc.kill('SIGKILL');
    sim.proc.kill('SIGKILL');
    process.exit(1);
  }, (minutes + 5) * 60_000);
  guard.unref();
  try {
    const started = await hub.request<{ url: string; startMs: number; pid: number }>('start', { mode: 'hub', dataDir, seats: seatCount, backupEveryMinutes: 60 });
    await sim.request('connect', { url: started.url, key: BENCH_KEYS.operator, wallKey: BENCH_KEYS.wall, seatNumbers: Array.from({ length: seatCount }, (_, i) => i + 1), kind: 'hub' });
    log(`soak: ${minutes} min, speed ${speed}, ${seatCount} seats and a wall, hub pid ${started.pid} at ${started.url}, data ${dataDir}`);
    log(`expect about ${Math.round(((seatCount * 60) / 40) * speed * minutes).toLocaleString('en-IN')} calls`);
    await hub.request('eld');
    await hub.request('cpu');
    await sim.request('soakStart', { speed });
    const t0 = Date.now();
    const samples: Sample[] = [];
    const totals = { calls: 0, tickets: 0, mutations: 0, errors: {} as Record<string, number>, wallChanges: 0, wallStats: 0 };
    for (let i = 1; ; i++) {
      const due = t0 + i * sampleSeconds * 1000;
      const end = t0 + minutes * 60_000;
      if (due > end + 1000) break;
      await sleep(Math.max(0, due - Date.now()));
      const [mem, eld, cpu, s] = await Promise.all([
        hub.request<{ rss: number; heapUsed: number; external: number; liveHeap?: number }>('mem', { afterGc: true }),
        hub.request<{ p50: number; p99: number; max: number }>('eld'),
        hub.request<{ share: number; preemptedPerSec: number }>('cpu'),
        sim.request<SimSample>('sample'),
      ]);
      const mutations = Object.entries(s.byEvent).filter(([e]) => e !== 'caller:lookup' && e !== 'tickets:search').reduce((a, [, n]) => a + n, 0);
      const errors = Object.values(s.errors).reduce((a, n) => a + n, 0);
      for (const [k, v] of Object.entries(s.errors)) totals.errors[k] = (totals.errors[k] ?? 0) + v;
      totals.calls += s.calls;
      totals.tickets += s.tickets;
      totals.mutations += mutations;
      totals.wallChanges += s.wall.changes;
      totals.wallStats += s.wall.stats;
      const sample: Sample = {
        minute: Math.round(((i * sampleSeconds) / 60) * 100) / 100,
        rssMb: mb(mem.rss),
        heapMb: mb(mem.heapUsed),
        liveHeapMb: mb(mem.liveHeap ?? mem.heapUsed),
        externalMb: mb(mem.external),
        walMb: mb(sizeOf(walFile)),
        dbMb: mb(sizeOf(dbFile)),
        eldP50: eld.p50,
        eldP99: eld.p99,
        eldMax: eld.max,
        hubCpu: cpu.share,
        preemptedPerSec: cpu.preemptedPerSec,
        fsyncMs: fsyncMs(dataDir),
        load1: loadavg()[0]!,
        ackP50: s.ack.p50,
        ackP99: s.ack.p99,
        fanoutP99: s.fanout.p99,
        readP99: s.reads.p99,
        calls: s.calls,
        tickets: s.tickets,
        mutations,
        errors,
        wallChanges: s.wall.changes,
        wallStats: s.wall.stats,
        connected: s.connected + (s.wallConnected ? 1 : 0),
      };
      samples.push(sample);
      log(
        `[${sample.minute} min] rss ${round(sample.rssMb)} MiB, heap ${round(sample.heapMb)} MiB (live ${round(sample.liveHeapMb)}), wal ${round(sample.walMb)} MiB, loop p99 ${round(sample.eldP99)} ms, ` +
          `ack p50/p99 ${round(sample.ackP50)}/${round(sample.ackP99)} ms, fsync ${round(sample.fsyncMs)} ms, load ${round(sample.load1)}, ${sample.calls} calls, ${sample.mutations} mutations, ${errors} errors, ${sample.connected} connected`,
      );
    }
    await sim.request('soakStop', {}, 600_000);
    const seq = await fetch(`${started.url}/healthz`).then((r) => r.json() as Promise<{ seq: number }>).catch(() => ({ seq: -1 }));
    await sim.stop();
    await hub.stop();

    // Latency that follows the machine's load (other work on the cores) rather than the hub's own
    // state: the correlation of each minute's ack p99 with the 1-minute load average says which.
    const corr = pearson(
      samples.map((x) => x.load1),
      samples.map((x) => x.ackP99),
    );
    const verdicts = (['rssMb', 'heapMb', 'liveHeapMb', 'walMb', 'eldP99', 'ackP50', 'ackP99', 'fanoutP99'] as const).map((k) => verdict(samples, k));
    const allFlat = verdicts.every((v) => v.flat !== false);
    const rows = samples.map((s) => [
      s.minute,
      round(s.rssMb),
      round(s.heapMb),
      round(s.liveHeapMb),
      round(s.externalMb),
      round(s.walMb),
      round(s.dbMb),
      `${round(s.eldP50)} / ${round(s.eldP99)}`,
      `${Math.round(s.hubCpu * 100)}%`,
      round(s.preemptedPerSec),
      round(s.fsyncMs),
      round(s.load1),
      `${round(s.ackP50)} / ${round(s.ackP99)}`,
      round(s.fanoutP99),
      round(s.readP99),
      s.calls,
      s.mutations,
      s.errors,
      s.wallStats,
      s.connected,
    ]);
    const out: string[] = [];
    out.push(`Helpline Control Room soak — ${m.date}: ${minutes} min at speed ${speed}, ${seatCount} seats and a wall`);
    out.push(`machine: ${m.nproc} cores, ${m.memTotalGb} GB RAM, node ${m.node}; load average at start ${m.loadavg.join(' ')}, at end ${machine().loadavg.join(' ')}`);
    out.push('');
    out.push(
      table(['min', 'RSS MiB', 'heap MiB', 'live heap MiB', 'external MiB', 'WAL MiB', 'DB MiB', 'loop delay p50/p99 ms', 'hub CPU', 'hub preempted /s', 'fsync ms', 'machine load', 'ack p50/p99 ms', 'fan-out p99 ms', 'read p99 ms', 'calls', 'mutations', 'errors', 'wall stats', 'connected'], rows),
    );
    out.push('');
    out.push(
      table(
        ['series', 'first third (median)', 'last third (median)', 'slope /min (last 2/3)', 'drift over last 2/3', 'tolerance', 'flat'],
        verdicts.map((v) => [v.series, `${v.firstThird} ${v.unit}`, `${v.lastThird} ${v.unit}`, v.slopePerMinute, v.driftOverTail, v.tolerance, v.flat === null ? 'too few samples' : v.flat ? 'yes' : 'NO']),
      ),
    );
    out.push('');
    out.push(
      `totals: ${totals.calls.toLocaleString('en-IN')} calls, ${totals.tickets.toLocaleString('en-IN')} tickets, ${totals.mutations.toLocaleString('en-IN')} mutations, last change seq ${seq.seq}, wall got ${totals.wallChanges.toLocaleString('en-IN')} changes and ${totals.wallStats} statistics pushes; errors: ${JSON.stringify(totals.errors)}`,
    );
    out.push(`ack p99 against the machine's load average, minute by minute: Pearson r = ${round(corr)}`);
    const result = { minutes, speed, seats: seatCount, samples: samples.length, totals, lastSeq: seq.seq, flat: allFlat, verdicts, ackP99VsLoadR: round(corr), loadavg: m.loadavg };
    const resultsDir = join(BENCH_DIR, 'results');
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(join(resultsDir, `soak-${m.date.replace(/[:.]/g, '-')}.json`), JSON.stringify({ machine: m, result, samples }, null, 2));
    out.push(`SOAK ${JSON.stringify(result)}`);
    console.log(out.join('\n'));
  } finally {
    await sim.stop().catch(() => undefined);
    await hub.stop().catch(() => undefined);
    removeDir(dataDir);
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
