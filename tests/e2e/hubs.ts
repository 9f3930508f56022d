/**
 * Hubs of a test's own, for what must not touch the shared hub of the run: changing the floor
 * configuration, killing and restarting the hub, a data folder seeded with a large history.
 * Each one has its own data folder and port; the keys are the run's.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startHub, type Hub } from '../../electron/hub/index';
import { applyPragmas, Db } from '../../electron/hub/db/connection';
import { migrate } from '../../electron/hub/db/migrate';
import { DEFAULT_CONFIG } from '../../shared/domain/defaultConfig';
import { localDateKey, localDayStart } from '../../shared/domain/localDay';
import { dueAt as slaDueAt } from '../../shared/domain/sla';
import type { UsersFileEntry } from '../../shared/protocol/accounts';
import type { Ticket } from '../../shared/protocol/ticket';
import { E2E_KEYS } from './env';
import { E2E_USERS } from './people';

export const HUB_TIME_ZONE = 'Asia/Kolkata';

// The run's accounts and their PIN are people.ts's; they are re-exported for the hubs' users.
export { E2E_PIN, E2E_USERS } from './people';
export const E2E_PIN_HASHING = { N: 1024, r: 8, p: 1 };

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'hcr-e2e-own-'));
}

export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** A hub on `dataDir`; `port` 0 picks a free one, a fixed port brings a hub back where it was; `seats` for a floor other than 40. */
export function ownHub(dataDir: string, opts: { port?: number; initialTotal?: number; callGraceSeconds?: number; seats?: number; users?: UsersFileEntry[] } = {}): Promise<Hub> {
  return startHub({
    port: opts.port ?? 0,
    host: '127.0.0.1',
    dataDir,
    keys: E2E_KEYS,
    users: opts.users ?? E2E_USERS,
    pinHashing: E2E_PIN_HASHING,
    ...(opts.seats !== undefined ? { seats: opts.seats } : {}),
    ...(opts.initialTotal !== undefined ? { initialTotal: opts.initialTotal } : {}),
    ...(opts.callGraceSeconds !== undefined ? { callGraceSeconds: opts.callGraceSeconds } : {}),
    rendererDir: resolve('dist/renderer'),
    // Scheduled backups would only compete with the test for the disk.
    backup: { everyMinutes: 0 },
    log: () => undefined,
  });
}

/** A small deterministic generator, so a seeded history is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rnd: () => number, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((n, [, w]) => n + w, 0);
  let x = rnd() * total;
  for (const [v, w] of weighted) {
    x -= w;
    if (x < 0) return v;
  }
  return weighted[weighted.length - 1]![0];
}

/** The mix of 2020: food and ration first, migrant workers next, movement passes, a little else. */
const CATEGORY_MIX = [
  ['food_ration', 58],
  ['migrant_worker', 33],
  ['movement_pass', 4.5],
  ['grievance', 2],
  ['medical', 1],
  ['aarogya_setu', 0.8],
  ['covid_info', 0.4],
  ['other', 0.3],
] as const;

/** Calls by IST hour of the day: quiet before dawn, busiest late morning and early evening. */
const HOURLY_LOAD = [2, 1, 1, 1, 1, 2, 4, 7, 10, 13, 15, 15, 14, 12, 11, 11, 12, 13, 12, 10, 8, 6, 4, 3];

const DEPARTMENT_OF: Record<string, string> = {
  food_ration: 'food_supplies',
  migrant_worker: 'labour',
  movement_pass: 'district_administration',
  grievance: 'municipal_corporation',
  medical: 'health',
};

const LOCALITIES = ['Sector 14', 'Sector 15', 'DLF Phase 3', 'Sohna', 'Pataudi', 'Farrukhnagar', 'Manesar', 'Badshahpur', 'Sikanderpur', 'Chakkarpur'];
const NAMES = ['Sunita Devi', 'Ramesh Kumar', 'Mohd. Salim', 'Pooja Yadav', 'Rajesh Singh', 'Anita', 'Suresh Paswan', 'Geeta Rani'];
const WORDS: Record<string, string[]> = {
  food_ration: ['No ration for the family of', 'Dry ration kit not received, members:', 'Needs cooked food, people:'],
  migrant_worker: ['Wants to travel home to Bihar, people:', 'Registration for the Shramik train, people:', 'प्रवासी श्रमिक पंजीकरण, लोग:'],
  movement_pass: ['Movement pass for a hospital visit, people:', 'Pass to bring an elderly parent home, people:'],
  grievance: ['Ration depot closed all week, families:', 'Shop charging above the rate, complaints:'],
  medical: ['Needs medicines for a diabetic parent, age:', 'Pregnant woman needs transport, week:'],
  aarogya_setu: ['Aarogya Setu OTP not coming, tries:'],
  covid_info: ['Asks about home isolation rules, family:'],
  other: ['Asks about bank hours, branch:'],
};

export interface SeedOptions {
  /** Tickets spread over the days, raised in the day's calls. */
  tickets: number;
  /** Calls in all (tickets come from some of them). */
  calls: number;
  /** The local days to spread them over, oldest first ("YYYY-MM-DD"). */
  days: string[];
  /** Stop at this instant (for a history that runs up to now); later calls are not made. */
  until?: Date;
  /** The share of closed tickets; the rest stay open, in progress or forwarded. */
  closedShare?: number;
  seed?: number;
}

export interface Seeded {
  tickets: number;
  calls: number;
  ticketsPerDay: Record<string, number>;
  callsPerDay: Record<string, number>;
}

function dayStart(day: string): number {
  return localDayStart(new Date(`${day}T12:00:00Z`), HUB_TIME_ZONE).getTime();
}

/**
 * Writes a history of calls and tickets straight into a new hub database in `dataDir`, the way
 * the hub itself stores them (documents, columns and the search index), before a hub starts on
 * it. Through the socket API it would take minutes; here it takes seconds.
 */
export async function seedHistory(dataDir: string, o: SeedOptions): Promise<Seeded> {
  const db = await Db.open(join(dataDir, 'hub.sqlite'));
  await applyPragmas(db);
  await migrate(db);
  await db.exec('PRAGMA synchronous = OFF');
  const rnd = random(o.seed ?? 1950);
  const until = o.until?.getTime() ?? Infinity;
  const closedShare = o.closedShare ?? 0.97;
  const result: Seeded = { tickets: 0, calls: 0, ticketsPerDay: {}, callsPerDay: {} };
  const loadTotal = HOURLY_LOAD.reduce((a, b) => a + b, 0);
  const callsPerDay = Math.floor(o.calls / o.days.length);
  const ticketsPerDay = Math.floor(o.tickets / o.days.length);
  let number = 0;

  await db.exec('BEGIN');
  const insertCall = db.raw.prepare('INSERT INTO calls (id, seat, started_at, ended_at, disposition, phone, ticket_id) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertTicket = db.raw.prepare(
    `INSERT INTO tickets (id, number, status, category, priority, department, phone, seat, created_at, updated_at, due_at, assigned_seat, doc)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertFts = db.raw.prepare('INSERT INTO tickets_fts (rowid, phone, body) VALUES (?, ?, ?)');
  const run = (stmt: ReturnType<typeof db.raw.prepare>, params: unknown[]) =>
    new Promise<void>((res, rej) => stmt.run(params, (err: Error | null) => (err ? rej(err) : res())));

  for (const [i, day] of o.days.entries()) {
    // The last day takes the remainder, so the totals are exactly what was asked.
    const nCalls = i === o.days.length - 1 ? o.calls - callsPerDay * i : callsPerDay;
    const nTickets = i === o.days.length - 1 ? o.tickets - ticketsPerDay * i : ticketsPerDay;
    const start = dayStart(day);
    // Which calls raise a ticket: every k-th, so tickets spread over the day with the load.
    const every = nTickets > 0 ? nCalls / nTickets : Infinity;
    let nextTicketAt = 0;
    let madeTickets = 0;
    // The day's calls in the order they came, so ticket numbers count up through the day.
    const starts = Array.from({ length: nCalls }, () => {
      const hour = pick(rnd, HOURLY_LOAD.map((w, h) => [h, w / loadTotal] as const));
      // A minute's margin at the end of the hour keeps a call's ticket on the call's own day.
      return start + hour * 3_600_000 + Math.floor(rnd() * 3_540_000);
    }).sort((a, b) => a - b);
    for (let c = 0; c < nCalls; c++) {
      const startedAt = starts[c]!;
      if (startedAt > until) continue;
      const seconds = 60 + Math.floor(rnd() * 300);
      const endedAt = Math.min(startedAt + seconds * 1000, until);
      const seat = 1 + Math.floor(rnd() * 40);
      const phone = `+91${9 - Math.floor(rnd() * 3)}${String(Math.floor(rnd() * 1e9)).padStart(9, '0')}`;
      const callId = randomUUID();
      let ticketId: string | null = null;
      const raise = madeTickets < nTickets && c >= nextTicketAt;
      let disposition: string = raise ? 'ticket_raised' : pick(rnd, [['info_given', 70], ['dropped', 8], ['callback', 6], ['prank', 6], ['forwarded', 10]] as const);
      if (raise) {
        madeTickets++;
        nextTicketAt += every;
        number++;
        const category = pick(rnd, CATEGORY_MIX);
        const priority = rnd() < 0.06 || category === 'medical' ? 'urgent' : 'normal';
        const createdAt = new Date(startedAt + 30_000).toISOString();
        const dueAt = slaDueAt(DEFAULT_CONFIG.sla, { createdAt, category, priority });
        const closed = rnd() < closedShare;
        const department = DEPARTMENT_OF[category];
        // Most were resolved within their target; a few were late.
        const late = rnd() < 0.04;
        const resolvedMs = Date.parse(createdAt) + (late ? 1.3 : 0.1 + rnd() * 0.7) * (Date.parse(dueAt) - Date.parse(createdAt));
        const status: Ticket['status'] = closed && resolvedMs < until ? 'closed' : department && rnd() < 0.5 ? 'forwarded' : rnd() < 0.5 ? 'in_progress' : 'open';
        const words = WORDS[category]!;
        const t: Ticket = {
          id: randomUUID(),
          number,
          version: status === 'open' ? 1 : 3,
          status,
          category,
          phone,
          callerName: NAMES[Math.floor(rnd() * NAMES.length)]!,
          locality: LOCALITIES[Math.floor(rnd() * LOCALITIES.length)]!,
          language: rnd() < 0.8 ? 'hi' : 'en',
          priority,
          description: `${words[Math.floor(rnd() * words.length)]!} ${2 + Math.floor(rnd() * 7)} (${LOCALITIES[Math.floor(rnd() * LOCALITIES.length)]!})`,
          callId,
          createdAt,
          updatedAt: status === 'closed' ? new Date(resolvedMs).toISOString() : createdAt,
          seat,
          createdBy: `Operator ${seat}`,
          dueAt,
          notes: [],
        };
        if (department && status !== 'open' && status !== 'in_progress') {
          t.department = department;
          t.forwardedAt = new Date(Date.parse(createdAt) + 600_000).toISOString();
          if (status === 'closed' || rnd() < 0.6) t.departmentAckAt = new Date(Date.parse(createdAt) + 3_600_000).toISOString();
        }
        if (status === 'closed') t.resolvedAt = new Date(resolvedMs).toISOString();
        ticketId = t.id;
        await run(insertTicket, [t.id, t.number, t.status, t.category, t.priority, t.department ?? null, t.phone, t.seat, t.createdAt, t.updatedAt, t.dueAt, null, JSON.stringify(t)]);
        const digits = t.phone.replace(/\D/g, '');
        await run(insertFts, [t.number, `${digits} ${digits.slice(2)}`, [t.description, t.callerName, t.locality, t.department].filter(Boolean).join('\n')]);
        result.tickets++;
        result.ticketsPerDay[day] = (result.ticketsPerDay[day] ?? 0) + 1;
      }
      if (endedAt === until && startedAt + seconds * 1000 > until) disposition = 'dropped';
      await run(insertCall, [callId, seat, new Date(startedAt).toISOString(), new Date(endedAt).toISOString(), disposition, phone, ticketId]);
      result.calls++;
      result.callsPerDay[day] = (result.callsPerDay[day] ?? 0) + 1;
    }
  }
  await new Promise<void>((res) => insertCall.finalize(() => res()));
  await new Promise<void>((res) => insertTicket.finalize(() => res()));
  await new Promise<void>((res) => insertFts.finalize(() => res()));
  await db.exec('COMMIT');
  await db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  await db.close();
  return result;
}

/** The local days from `count` days before `now` up to the day before it, oldest first. */
export function pastDays(now: Date, count: number): string[] {
  const days: string[] = [];
  for (let i = count; i >= 1; i--) days.push(localDateKey(new Date(now.getTime() - i * 86_400_000), HUB_TIME_ZONE));
  return days;
}
