/**
 * Simulated seats in a process of their own (forked by bench/run.ts and bench/soak.ts), so that
 * the hub's process is measured without its load generators. Each seat is a real Socket.IO
 * client with an operator key, as a console is.
 *
 * What a seat does:
 *  - `run` (benchmark): the cycle of a call that raises a ticket — call:start, ticket:create,
 *    call:end — either paced (a fixed total rate across the seats, open loop) or at saturation
 *    (each seat keeps `depth` cycles going back to back).
 *  - `soak`: a person's pace: a call every 20–60 s (divided by `speed`), a ticket on about half,
 *    notes, status changes, a break now and then, a caller lookup and a search.
 *
 * Latency is measured here, with one clock: the ack time from the emit, and the fan-out time
 * from a mutation's emit to each *other* seat of this process receiving its `change`. The
 * change usually arrives before the ack (the hub broadcasts, then acknowledges), so arrivals
 * whose mutation is not yet known wait in `early` until the ack names it.
 */
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../shared/protocol/version';
import { BENCH_PIN, benchUser, serveParent, sleep, summarize } from './lib';

type Kind = 'hub' | 'raw';
type Seat = { idx: number; seat: number; socket: Socket; clientId: string; tickets: { id: string; version: number; status: string }[] };
type AnyAck = { ok: boolean; error?: { code: string; message?: string }; [k: string]: unknown };
type Change = { seq: number; type: string; data: Record<string, unknown> };

const now = () => performance.now();

let kind: Kind = 'hub';
let seats: Seat[] = [];
let wall: Socket | undefined;
const wallCounts = { changes: 0, stats: 0, lastStatsAt: 0 };

// ---- fan-out tracking -------------------------------------------------------------------

type Tracked = { t0: number; origin: number; remaining: number; measure: boolean };
const tracked = new Map<string, Tracked>();
const early = new Map<string, { idx: number; t: number }[]>();
let fanout: number[] = [];
let deliveries = 0;

function keyOf(c: Change): string | null {
  const d = c.data;
  switch (c.type) {
    case 'call.started':
      return `c:${(d.call as { id: string }).id}`;
    case 'call.ended':
      return `e:${(d.call as { id: string }).id}`;
    case 'ticket.created':
    case 'ticket.updated': {
      const t = d.ticket as { id: string; version: number };
      return `t:${t.id}:${t.version}`;
    }
    case 'raw':
      return d.key as string;
    default:
      return null;
  }
}

function arrived(idx: number, c: Change): void {
  const t = now();
  deliveries += 1;
  const key = keyOf(c);
  if (!key) return;
  const tr = tracked.get(key);
  if (tr) {
    if (idx === tr.origin) return;
    if (tr.measure) fanout.push(t - tr.t0);
    if (--tr.remaining <= 0) tracked.delete(key);
    return;
  }
  const list = early.get(key);
  if (list) list.push({ idx, t });
  else early.set(key, [{ idx, t }]);
}

/** The mutation `key` was emitted by seat `origin` at `t0`: settle arrivals seen before its ack. */
function known(key: string, origin: number, t0: number, measure: boolean): void {
  let remaining = seats.length - 1;
  const list = early.get(key);
  if (list) {
    early.delete(key);
    for (const e of list) {
      if (e.idx === origin) continue;
      if (measure) fanout.push(e.t - t0);
      remaining -= 1;
    }
  }
  if (remaining > 0) tracked.set(key, { t0, origin, remaining, measure });
}

// Arrivals for mutations of other processes never get an ack here: forget them after a while.
setInterval(() => {
  if (early.size > 50_000) early.clear();
}, 5_000).unref();

// ---- connecting ---------------------------------------------------------------------------

function connectOne(url: string, auth: Record<string, unknown>, waitFor: string, timeoutMs = 60_000): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, { auth, transports: ['websocket'], reconnection: false, timeout: timeoutMs });
    const timer = setTimeout(() => reject(new Error(`no ${waitFor} within ${timeoutMs} ms`)), timeoutMs);
    socket.once(waitFor, () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

type ConnectArgs = { url: string; key: string; wallKey?: string; seatNumbers: number[]; kind: Kind; name?: string };

async function connect(args: ConnectArgs): Promise<{ ms: number; seats: number }> {
  kind = args.kind;
  const started = now();
  const made: Seat[] = [];
  // In groups, as a floor signs in over minutes rather than all in one millisecond.
  for (let i = 0; i < args.seatNumbers.length; i += 25) {
    const group = args.seatNumbers.slice(i, i + 25);
    const sockets = await Promise.all(
      group.map((seat) => {
        const clientId = randomUUID();
        return connectOne(args.url, { key: args.key, clientId, seat, user: benchUser(seat), pin: BENCH_PIN, protocol: PROTOCOL_VERSION }, 'synced').then((socket) => ({ seat, socket, clientId }));
      }),
    );
    for (const s of sockets) {
      const idx = made.length;
      made.push({ idx, seat: s.seat, socket: s.socket, clientId: s.clientId, tickets: [] });
      s.socket.on('change', (c: Change) => arrived(idx, c));
      // The batched form measured by the raw baseline (bench/hub-child.ts, coalesceMs).
      s.socket.on('changes', (cs: Change[]) => {
        for (const c of cs) arrived(idx, c);
      });
    }
  }
  seats = made;
  if (args.wallKey) {
    wall = await connectOne(args.url, { key: args.wallKey, clientId: randomUUID() }, 'synced');
    wall.on('change', () => (wallCounts.changes += 1));
    wall.on('stats', () => {
      wallCounts.stats += 1;
      wallCounts.lastStatsAt = Date.now();
    });
  }
  return { ms: now() - started, seats: seats.length };
}

function request(socket: Socket, event: string, payload: unknown, timeoutMs = 30_000): Promise<AnyAck> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ ok: false, error: { code: 'timeout' } }), timeoutMs);
    socket.emit(event, payload, (ack: AnyAck) => {
      clearTimeout(timer);
      resolve(ack);
    });
  });
}

// ---- the benchmark's cycle --------------------------------------------------------------

const CATEGORIES = ['food_ration', 'migrant_worker', 'movement_pass', 'covid_info', 'medical', 'aarogya_setu', 'grievance', 'other'];
const LOCALITIES = ['Sohna', 'Manesar', 'Pataudi', 'Badshahpur', 'Farrukhnagar', 'Sector 14', 'Sector 56', 'DLF Phase 3', 'Sikanderpur', 'Wazirabad'];
const DESCRIPTIONS = [
  'Family of five has not received ration for two weeks; asks where the nearest distribution point is.',
  'Migrant worker wants to register for the train home; has Aadhaar but no phone of his own.',
  'Needs a movement pass to take his mother to the hospital in Delhi for dialysis.',
  'राशन कार्ड नहीं है, परिवार को सूखा राशन चाहिए; वार्ड पार्षद से संपर्क नहीं हो पाया।',
  'Aarogya Setu app does not install on an old phone; asks for help at the Atal Seva Kendra.',
  'Complaint: garbage from a home-isolation patient not collected for three days.',
];

function pick<T>(list: readonly T[]): T {
  return list[Math.floor(Math.random() * list.length)]!;
}

function randomPhone(): string {
  return `9${Math.floor(Math.random() * 1e9).toString().padStart(9, '0')}`;
}

const PAD = (n: number) => 'x'.repeat(n);
/** Sizes of the hub's changes for each step, so that the raw baseline carries the same bytes and events. */
const RAW_STEPS = [
  { extra: 1, pad: PAD(260), extraPad: PAD(110) }, // call.started + seat.updated
  { extra: 0, pad: PAD(620), extraPad: '' }, // ticket.created
  { extra: 1, pad: PAD(300), extraPad: PAD(110) }, // call.ended + seat.updated
];

type Cycle = { seat: Seat; step: number; callId?: string; ticketId?: string; phone: string; busy: boolean };

let ackSamples: number[] = [];
let acked = 0;
let errors: Record<string, number> = {};
let rawCounter = 0;
let window = { from: 0, to: Number.POSITIVE_INFINITY };

function inWindow(t: number): boolean {
  return t >= window.from && t < window.to;
}

/** Sends the cycle's next step; resolves once acknowledged. */
async function step(c: Cycle): Promise<void> {
  c.busy = true;
  const t0 = now();
  const measure = inWindow(t0);
  try {
    if (kind === 'raw') {
      const key = `r:${process.pid}:${++rawCounter}`;
      known(key, c.seat.idx, t0, measure);
      const ack = await request(c.seat.socket, 'm', { key, ...RAW_STEPS[c.step]! });
      record(ack, t0, measure);
      c.step = (c.step + 1) % 3;
      return;
    }
    let ack: AnyAck;
    if (c.step === 0) {
      c.phone = randomPhone();
      ack = await request(c.seat.socket, 'call:start', { opId: randomUUID(), phone: c.phone });
      if (ack.ok) {
        c.callId = (ack.call as { id: string }).id;
        known(`c:${c.callId}`, c.seat.idx, t0, measure);
      }
    } else if (c.step === 1) {
      ack = await request(c.seat.socket, 'ticket:create', {
        opId: randomUUID(),
        ticket: { phone: c.phone, category: pick(CATEGORIES), description: pick(DESCRIPTIONS), locality: pick(LOCALITIES), callerName: 'Ramesh Kumar', callId: c.callId },
      });
      if (ack.ok) {
        const t = ack.ticket as { id: string; version: number };
        c.ticketId = t.id;
        known(`t:${t.id}:${t.version}`, c.seat.idx, t0, measure);
      }
    } else {
      ack = await request(c.seat.socket, 'call:end', { opId: randomUUID(), callId: c.callId, disposition: 'ticket_raised', ticketId: c.ticketId });
      if (ack.ok) known(`e:${c.callId}`, c.seat.idx, t0, measure);
    }
    record(ack, t0, measure);
    c.step = ack.ok ? (c.step + 1) % 3 : 0;
  } finally {
    c.busy = false;
  }
}

function record(ack: AnyAck, t0: number, measure: boolean): void {
  const t = now();
  if (ack.ok) {
    if (measure) {
      ackSamples.push(t - t0);
      if (t < window.to) acked += 1;
    }
  } else {
    const code = ack.error?.code ?? 'unknown';
    errors[code] = (errors[code] ?? 0) + 1;
  }
}

type RunArgs = { mode: 'paced' | 'saturate'; rate?: number; depth?: number; durationMs: number; warmupMs?: number; drainMs?: number };

async function run(args: RunArgs) {
  ackSamples = [];
  fanout = [];
  acked = 0;
  errors = {};
  deliveries = 0;
  tracked.clear();
  early.clear();
  const started = now();
  window = { from: started + (args.warmupMs ?? 1000), to: started + (args.warmupMs ?? 1000) + args.durationMs };
  const cpu0 = process.cpuUsage();
  const lateness: number[] = [];
  let skipped = 0;
  if (args.mode === 'saturate') {
    const depth = args.depth ?? 1;
    const cycles: Cycle[] = seats.flatMap((seat) => Array.from({ length: depth }, () => ({ seat, step: 0, phone: '', busy: false })));
    await Promise.all(
      cycles.map(async (c) => {
        while (now() < window.to) await step(c);
      }),
    );
  } else {
    const rate = args.rate ?? 200;
    const cycles: Cycle[] = seats.map((seat) => ({ seat, step: 0, phone: '', busy: false }));
    let issued = 0;
    let next = 0;
    while (now() < window.to) {
      const due = Math.floor(((now() - started) * rate) / 1000);
      while (issued < due) {
        // The next idle seat in turn; if every seat is still waiting for an ack, the op waits.
        let found: Cycle | undefined;
        for (let k = 0; k < cycles.length; k++) {
          const c = cycles[(next + k) % cycles.length]!;
          if (!c.busy) {
            found = c;
            next = (next + k + 1) % cycles.length;
            break;
          }
        }
        if (!found) {
          skipped += 1;
          break;
        }
        const scheduled = started + (issued * 1000) / rate;
        if (inWindow(scheduled)) lateness.push(now() - scheduled);
        issued += 1;
        void step(found);
      }
      await sleep(1);
    }
    while (cycles.some((c) => c.busy)) await sleep(5);
  }
  // Late deliveries of the last mutations still count.
  await sleep(args.drainMs ?? 1000);
  const cpu = process.cpuUsage(cpu0);
  const wallMs = now() - started;
  let missing = 0;
  for (const tr of tracked.values()) if (tr.measure) missing += tr.remaining;
  const windowSec = (window.to - window.from) / 1000;
  return {
    seats: seats.length,
    acked,
    throughput: acked / windowSec,
    errors,
    ack: summarize(ackSamples),
    fanout: summarize(fanout),
    deliveries,
    missing,
    latenessP99: lateness.length ? summarize(lateness).p99 : null,
    skippedTicks: skipped,
    cpuShare: (cpu.user + cpu.system) / 1000 / wallMs,
  };
}

// ---- snapshot and search probes --------------------------------------------------------

async function snapshot(args: { url: string; key: string; seat: number; times: number }) {
  const out: { ms: number; syncedMs: number; bytes: number; tickets: number; truncated: boolean }[] = [];
  for (let i = 0; i < args.times; i++) {
    const t0 = now();
    let snap: { tickets: unknown[]; truncated?: boolean } | undefined;
    let tSnap = 0;
    const socket = io(args.url, { auth: { key: args.key, clientId: randomUUID(), seat: args.seat, user: benchUser(args.seat), pin: BENCH_PIN, protocol: PROTOCOL_VERSION }, transports: ['websocket'], reconnection: false });
    await new Promise<void>((resolve, reject) => {
      socket.once('snapshot', (s: { tickets: unknown[]; truncated?: boolean }) => {
        tSnap = now();
        snap = s;
      });
      socket.once('synced', () => resolve());
      socket.once('connect_error', reject);
    });
    const tSynced = now();
    out.push({ ms: tSnap - t0, syncedMs: tSynced - t0, bytes: Buffer.byteLength(JSON.stringify(snap)), tickets: snap?.tickets.length ?? 0, truncated: Boolean(snap?.truncated) });
    socket.disconnect();
    await sleep(300);
  }
  return out;
}

async function search(args: { queries: { kind: string; payload: Record<string, unknown> }[] }) {
  const socket = seats[0]?.socket;
  if (!socket) throw new Error('connect a seat first');
  const byKind = new Map<string, { ms: number[]; items: number[]; errors: number }>();
  for (const q of args.queries) {
    const t0 = now();
    const ack = await request(socket, 'tickets:search', q.payload);
    const ms = now() - t0;
    const k = byKind.get(q.kind) ?? { ms: [], items: [], errors: 0 };
    if (ack.ok) {
      k.ms.push(ms);
      k.items.push((ack.items as unknown[]).length);
    } else k.errors += 1;
    byKind.set(q.kind, k);
  }
  return Object.fromEntries([...byKind].map(([kind, k]) => [kind, { ...summarize(k.ms), meanItems: k.items.reduce((a, b) => a + b, 0) / Math.max(1, k.items.length), errors: k.errors }]));
}

// ---- the soak: a person's pace ------------------------------------------------------------

let soakStop = false;
const soakLoops: Promise<void>[] = [];
const READS = new Set(['caller:lookup', 'tickets:search']);
let minute = { ack: [] as number[], reads: [] as number[], byEvent: {} as Record<string, number>, errors: {} as Record<string, number>, calls: 0, tickets: 0 };
/** Repeat callers: a pool of numbers that call again, as real callers do. */
const callerPool: string[] = [];

/** Sends one request of a seat; a mutation's change is then tracked for the fan-out time. */
async function soakSend(s: Seat, event: string, payload: Record<string, unknown>): Promise<AnyAck> {
  const t0 = now();
  const ack = await request(s.socket, event, payload);
  if (ack.ok) {
    if (READS.has(event)) minute.reads.push(now() - t0);
    else minute.ack.push(now() - t0);
    minute.byEvent[event] = (minute.byEvent[event] ?? 0) + 1;
    if (event === 'call:start' || event === 'call:end') known(`${event === 'call:start' ? 'c' : 'e'}:${(ack.call as { id: string }).id}`, s.idx, t0, true);
    if (event === 'ticket:create' || event === 'ticket:update' || event === 'ticket:note') {
      const t = ack.ticket as { id: string; version: number };
      // An update that changed nothing sends no change, and is not waited for.
      if (event !== 'ticket:update' || t.version === (payload.version as number) + 1) known(`t:${t.id}:${t.version}`, s.idx, t0, true);
    }
  } else {
    const code = `${event}:${ack.error?.code ?? 'unknown'}`;
    minute.errors[code] = (minute.errors[code] ?? 0) + 1;
  }
  return ack;
}

const NEXT_STATUS: Record<string, string> = { open: 'in_progress', in_progress: 'forwarded', forwarded: 'resolved', resolved: 'closed' };
const DEPARTMENTS = ['municipal_corporation', 'food_supplies', 'police', 'health', 'transport', 'labour'];

async function soakSeat(s: Seat, speed: number): Promise<void> {
  const wait = async (seconds: number) => {
    const until = Date.now() + (seconds * 1000) / speed;
    while (!soakStop && Date.now() < until) await sleep(Math.min(500, until - Date.now()));
  };
  // Seats do not all pick up their first call in the same second.
  await wait(Math.random() * 40);
  while (!soakStop) {
    const cycle = 20 + Math.random() * 40;
    const phone = callerPool.length > 50 && Math.random() < 0.3 ? pick(callerPool) : randomPhone();
    if (callerPool.length < 5000) callerPool.push(phone);
    else callerPool[Math.floor(Math.random() * callerPool.length)] = phone;
    await soakSend(s, 'caller:lookup', { phone: `+91${phone}` });
    const started = await soakSend(s, 'call:start', { opId: randomUUID(), phone });
    if (!started.ok) {
      await wait(cycle);
      continue;
    }
    const callId = (started.call as { id: string }).id;
    minute.calls += 1;
    await wait(cycle * 0.4);
    let ticketId: string | undefined;
    if (Math.random() < 0.5) {
      const made = await soakSend(s, 'ticket:create', {
        opId: randomUUID(),
        ticket: { phone, category: pick(CATEGORIES), description: pick(DESCRIPTIONS), locality: pick(LOCALITIES), callerName: 'Sunita Devi', callId },
      });
      if (made.ok) {
        const t = made.ticket as { id: string; version: number; status: string };
        ticketId = t.id;
        s.tickets.push({ id: t.id, version: t.version, status: t.status });
        if (s.tickets.length > 200) s.tickets.shift();
        minute.tickets += 1;
      }
    }
    await wait(cycle * 0.3);
    const disposition = ticketId ? 'ticket_raised' : pick(['info_given', 'info_given', 'info_given', 'forwarded', 'callback', 'dropped', 'prank']);
    await soakSend(s, 'call:end', { opId: randomUUID(), callId, disposition, ...(ticketId ? { ticketId } : {}) });
    // Follow-ups between calls: a note, a status change, now and then a search or a break.
    const open = s.tickets.filter((t) => t.status !== 'closed');
    if (open.length > 0 && Math.random() < 0.2) {
      const t = pick(open);
      const r = await soakSend(s, 'ticket:note', { opId: randomUUID(), id: t.id, text: 'Called the citizen back; the department has been reminded.' });
      if (r.ok) t.version = (r.ticket as { version: number }).version;
    }
    if (open.length > 0 && Math.random() < 0.15) {
      const t = pick(open);
      const status = NEXT_STATUS[t.status]!;
      const patch = status === 'forwarded' ? { status, department: pick(DEPARTMENTS) } : { status };
      let r = await soakSend(s, 'ticket:update', { opId: randomUUID(), id: t.id, version: t.version, patch });
      if (!r.ok && r.error?.code === 'conflict') {
        // Someone else changed it: take their version and try once more, as a person would.
        const current = (r.ticket ?? (r.error as { ticket?: unknown }).ticket) as { version: number } | undefined;
        if (current) r = await soakSend(s, 'ticket:update', { opId: randomUUID(), id: t.id, version: current.version, patch });
      }
      if (r.ok) {
        const next = r.ticket as { version: number; status: string };
        t.version = next.version;
        t.status = next.status;
      }
    }
    if (Math.random() < 0.1) await soakSend(s, 'tickets:search', { text: pick(LOCALITIES), limit: 50 });
    if (Math.random() < 0.03) {
      await soakSend(s, 'seat:set', { opId: randomUUID(), state: 'break' });
      await wait(60 + Math.random() * 240);
      await soakSend(s, 'seat:set', { opId: randomUUID(), state: 'ready' });
    }
    await wait(cycle * 0.3);
  }
}

function takeMinute() {
  const m = minute;
  minute = { ack: [], reads: [], byEvent: {}, errors: {}, calls: 0, tickets: 0 };
  const f = fanout;
  fanout = [];
  const w = { ...wallCounts };
  wallCounts.changes = 0;
  wallCounts.stats = 0;
  return { ack: summarize(m.ack), reads: summarize(m.reads), byEvent: m.byEvent, errors: m.errors, calls: m.calls, tickets: m.tickets, fanout: summarize(f), wall: w, connected: seats.filter((s) => s.socket.connected).length, wallConnected: wall?.connected ?? false };
}

serveParent({
  connect: (a: ConnectArgs) => connect(a),
  run: (a: RunArgs) => run(a),
  snapshot: (a: { url: string; key: string; seat: number; times: number }) => snapshot(a),
  search: (a: { queries: { kind: string; payload: Record<string, unknown> }[] }) => search(a),
  soakStart: (a: { speed: number }) => {
    soakStop = false;
    tracked.clear();
    early.clear();
    fanout = [];
    for (const s of seats) soakLoops.push(soakSeat(s, a.speed));
    return { seats: seats.length };
  },
  sample: () => takeMinute(),
  soakStop: async () => {
    soakStop = true;
    await Promise.all(soakLoops);
    return takeMinute();
  },
  /** Signs every seat out and keeps the process, for the next hub of the run. */
  disconnect: async () => {
    for (const s of seats) s.socket.disconnect();
    wall?.disconnect();
    seats = [];
    wall = undefined;
    tracked.clear();
    early.clear();
    await sleep(200);
    return null;
  },
  close: async () => {
    for (const s of seats) s.socket.disconnect();
    wall?.disconnect();
    setTimeout(() => process.exit(0), 50);
    return null;
  },
});
