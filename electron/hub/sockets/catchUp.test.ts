import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Server } from 'socket.io';
import { io as ioClient, type Socket as ClientSocket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change } from '../../../shared/protocol/change';
import type { Snapshot } from '../../../shared/protocol/snapshot';
import type { Ticket } from '../../../shared/protocol/ticket';
import { applyPragmas, ConsistentReader, Db, openReadOnly, type ReadDb } from '../db/connection';
import { migrate } from '../db/migrate';
import { loadState } from '../store/loadState';
import { insertTicket } from '../store/tickets';
import { Writer } from '../store/writer';
import { Broadcaster } from './broadcaster';
import { catchUp, CatchUpSlots, SnapshotTickets, type CatchUpDeps } from './catchUp';

describe('CatchUpSlots', () => {
  it('runs at most N at once, in arrival order, and frees a slot when work fails', async () => {
    const slots = new CatchUpSlots(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const job = (i: number, fail = false) =>
      slots.run(async () => {
        running += 1;
        most = Math.max(most, running);
        order.push(i);
        await new Promise((r) => setTimeout(r, 10));
        running -= 1;
        if (fail) throw new Error('x');
        return i;
      });
    const results = await Promise.allSettled([job(1), job(2, true), job(3), job(4), job(5)]);
    expect(most).toBe(2);
    expect(order).toEqual([1, 2, 3, 4, 5]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(await slots.run(async () => 'free again')).toBe('free again');
  });
});

describe('catchUp', () => {
  const TZ = 'Asia/Kolkata';
  let dir: string;
  let db: Db;
  let reader: ConsistentReader;
  let http: HttpServer;
  let io: Server;
  let writer: Writer;
  let clients: ClientSocket[];

  /** A ticket created through the writer, as a handler creates one. */
  const createTicket = (description: string) =>
    writer.write(async (tx) => {
      const at = tx.now.toISOString();
      const ticket: Ticket = { id: randomUUID(), number: tx.state.nextTicketNumber++, version: 1, status: 'open', category: 'other', phone: '+919812374650', priority: 'normal', description, createdAt: at, updatedAt: at, seat: 1, notes: [] };
      await insertTicket(tx, ticket);
      tx.emit('ticket.created', { ticket });
      return ticket;
    });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'catch-up-'));
    db = await Db.open(join(dir, 'hub.sqlite'));
    await applyPragmas(db);
    await migrate(db);
    reader = new ConsistentReader(await openReadOnly(join(dir, 'hub.sqlite')));
    io = new Server();
    http = createServer();
    io.attach(http);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const broadcaster = new Broadcaster(io);
    writer = new Writer(db, await loadState(db, 4, TZ, new Date()), (c) => broadcaster.changes(c), () => undefined);
    clients = [];
    // Every read of a snapshot lets one more ticket commit after the read transaction began.
    const racing: Pick<ConsistentReader, 'read'> = {
      read: (run) =>
        reader.read(async (rdb) => {
          let raced = false;
          const get: ReadDb['get'] = async (sql, params) => {
            const row = await rdb.get(sql, params);
            if (!raced) {
              raced = true;
              await createTicket('committed while the snapshot was read');
            }
            return row as never;
          };
          return run({ ...rdb, get } as ReadDb);
        }),
    };
    const deps: CatchUpDeps = { writer, snapshots: racing, broadcaster, cache: new SnapshotTickets(), timeZone: TZ };
    io.on('connection', (socket) => {
      const since = socket.handshake.auth.since as number | undefined;
      void catchUp(deps, socket, { role: 'supervisor', clientId: 'c', name: 'Supervisor', username: 'sup', session: 's', mustChangePin: false, address: '127.0.0.1' }, since);
    });
  });

  afterEach(async () => {
    for (const c of clients) c.close();
    await new Promise<void>((resolve) => io.close(() => resolve()));
    await writer.drain();
    await reader.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Connects and records what arrives until the hub is quiet at `seq`. */
  async function connect(auth: Record<string, unknown> = {}) {
    const got: { event: string; seq: number; tickets?: string[] }[] = [];
    const c = ioClient(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, { transports: ['websocket'], forceNew: true, reconnection: false, auth });
    clients.push(c);
    c.on('snapshot', (s: Snapshot) => got.push({ event: 'snapshot', seq: s.seq, tickets: s.tickets.map((t) => t.description) }));
    c.on('change', (ch: Change) => got.push({ event: 'change', seq: ch.seq }));
    c.on('synced', (info: { seq: number }) => got.push({ event: 'synced', seq: info.seq }));
    return got;
  }

  async function quiet(got: { seq: number }[]): Promise<void> {
    for (let i = 0; i < 500 && (got.length === 0 || got.at(-1)!.seq < writer.state.seq); i++) await new Promise((r) => setTimeout(r, 10));
  }

  it('sends a change committed while the snapshot was read once, after the snapshot', async () => {
    await createTicket('before');
    const got = await connect();
    await quiet(got);
    // The snapshot is the state at seq 1; the ticket committed during the read comes as change 2.
    expect(got).toEqual([
      { event: 'snapshot', seq: 1, tickets: ['before'] },
      { event: 'synced', seq: 1 },
      { event: 'change', seq: 2 },
    ]);
    await createTicket('after');
    await quiet(got);
    expect(got.filter((g) => g.event === 'change').map((g) => g.seq)).toEqual([2, 3]);
  });

  it('with since: the missed changes, then the one committed during the read, each once', async () => {
    await createTicket('one');
    await createTicket('two');
    const got = await connect({ since: 1 });
    await quiet(got);
    expect(got).toEqual([
      { event: 'change', seq: 2 },
      { event: 'synced', seq: 2 },
      { event: 'change', seq: 3 },
    ]);
  });
});
