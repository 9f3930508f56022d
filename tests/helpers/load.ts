/**
 * Load for fault tests: each seat takes calls back to back (call:start → ticket:create →
 * call:end), sending the next op as soon as the previous ack arrives, and records every op
 * with what became of it. After a crash the record says exactly what the hub promised
 * (acknowledged ops) and what it may or may not have done (ops in flight).
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Snapshot, Ticket } from '../../shared/protocol';
import { AckDropped, type AckResult, type TestClient, operatorAuth, supervisorAuth } from './client';
import type { Resources } from './resources';
import { sleep } from './wait';

export type Op = {
  seat: number;
  clientId: string;
  event: 'call:start' | 'ticket:create' | 'call:end';
  payload: Record<string, unknown>;
  /** The first ok ack, or an error ack (the test expects none). */
  ack?: AckResult;
  outcome: 'pending' | 'acked' | 'dropped' | 'failed';
  rateLimited: number;
};

export type SeatIdentity = { seat: number; clientId: string };

export function describeTicket(opId: string): string {
  return `Load ticket ${opId}`;
}

export function phoneOfSeat(seat: number): string {
  return `9${String(700_000_000 + seat)}`;
}

export class Load {
  readonly ops: Op[] = [];
  readonly seats: SeatIdentity[];
  private stopped = false;
  private loops: Promise<void>[] = [];
  readonly clients: TestClient[] = [];

  constructor(seats: number[]) {
    this.seats = seats.map((seat) => ({ seat, clientId: randomUUID() }));
  }

  acked(event?: Op['event']): Op[] {
    return this.ops.filter((o) => o.outcome === 'acked' && (!event || o.event === event));
  }

  /** Connects every seat and starts its loop; resolves once all are connected. */
  async start(res: Resources, url: string): Promise<void> {
    const clients = await Promise.all(this.seats.map((s) => res.ready(url, operatorAuth(s.seat, { clientId: s.clientId }))));
    this.clients.push(...clients);
    this.loops = clients.map((c, i) => this.loop(c, this.seats[i]!));
  }

  stop(): void {
    this.stopped = true;
  }

  /** Resolves when every seat loop has ended (stopped, or its socket dropped). */
  async done(): Promise<void> {
    await Promise.all(this.loops);
  }

  private async send(client: TestClient, who: SeatIdentity, event: Op['event'], payload: Record<string, unknown>): Promise<AckResult | null> {
    const op: Op = { seat: who.seat, clientId: who.clientId, event, payload, outcome: 'pending', rateLimited: 0 };
    this.ops.push(op);
    for (;;) {
      try {
        const ack = await client.emit(event, payload, 15_000);
        if (ack.ok) {
          op.ack = ack;
          op.outcome = 'acked';
          return ack;
        }
        if (ack.error?.code === 'rate_limited') {
          // Refused, not applied: the same op goes again shortly, as an outbox would send it.
          op.rateLimited++;
          await sleep(50);
          continue;
        }
        op.ack = ack;
        op.outcome = 'failed';
        return null;
      } catch (err) {
        if (!(err instanceof AckDropped)) throw err;
        op.outcome = 'dropped';
        return null;
      }
    }
  }

  private async loop(client: TestClient, who: SeatIdentity): Promise<void> {
    const phone = phoneOfSeat(who.seat);
    while (!this.stopped) {
      const start = await this.send(client, who, 'call:start', { opId: randomUUID(), phone });
      if (!start) return;
      const opId = randomUUID();
      const create = await this.send(client, who, 'ticket:create', {
        opId,
        ticket: { phone, category: 'food_ration', description: describeTicket(opId), callId: start.call!.id },
      });
      if (!create) return;
      const end = await this.send(client, who, 'call:end', { opId: randomUUID(), callId: start.call!.id, disposition: 'ticket_raised', ticketId: create.ticket!.id });
      if (!end) return;
    }
  }
}

/** A snapshot from a fresh supervisor connection. */
export async function freshSnapshot(res: Resources, url: string): Promise<Snapshot> {
  const c = await res.ready(url, supervisorAuth());
  const s = c.snapshots[0]!;
  c.close();
  return s;
}

/**
 * After a restart: every acknowledged op is there exactly once, nothing is there twice, and
 * the counter lies between "acknowledged calls" and "acknowledged + in-flight calls".
 */
export function expectAcknowledgedWritesKept(snapshot: Snapshot, load: Load, initialTotal: number, toleratedErrors: string[] = []): void {
  // An error ack under load is a bug, except the codes a test tolerates (a hub that is
  // stopping may refuse new work with `internal`; the op is then re-sent like an unacked one).
  expect(load.ops.filter((o) => o.outcome === 'failed' && !toleratedErrors.includes(o.ack?.error?.code ?? '')).map((o) => o.ack?.error)).toEqual([]);
  const byDescription = new Map<string, Ticket[]>();
  for (const t of snapshot.tickets) byDescription.set(t.description, [...(byDescription.get(t.description) ?? []), t]);
  for (const op of load.ops.filter((o) => o.event === 'ticket:create')) {
    const found = byDescription.get(describeTicket(op.payload.opId as string)) ?? [];
    if (op.outcome === 'acked') {
      expect(found, `acknowledged ticket of seat ${op.seat}`).toHaveLength(1);
      expect(found[0]!.id).toBe(op.ack!.ticket!.id);
      expect(found[0]!.number).toBe(op.ack!.ticket!.number);
    } else {
      expect(found.length, `in-flight ticket of seat ${op.seat}`).toBeLessThanOrEqual(1);
    }
  }
  const ackedStarts = load.acked('call:start').length;
  const inFlightStarts = load.ops.filter((o) => o.event === 'call:start' && o.outcome !== 'acked').length;
  expect(snapshot.counter.total).toBeGreaterThanOrEqual(initialTotal + ackedStarts);
  expect(snapshot.counter.total).toBeLessThanOrEqual(initialTotal + ackedStarts + inFlightStarts);
  // Ticket numbers stay unique.
  const nums = snapshot.tickets.map((t) => t.number);
  expect(new Set(nums).size).toBe(nums.length);
}

/**
 * Re-sends, from each seat's own client id, every op that was never acknowledged, then every
 * op again. Afterwards each op has been applied exactly once: the counter equals the initial
 * total plus all call:starts, each ticket exists once, and the second round changed nothing.
 */
export async function resendAndExpectExactlyOnce(res: Resources, url: string, load: Load, initialTotal: number, healthSeq: () => Promise<number>): Promise<void> {
  const clients = new Map<number, TestClient>();
  for (const s of load.seats) clients.set(s.seat, await res.ready(url, operatorAuth(s.seat, { clientId: s.clientId })));

  const unacked = load.ops.filter((o) => o.outcome !== 'acked');
  // Per seat in the original order: an op may depend on the one before it.
  await Promise.all(
    load.seats.map(async (s) => {
      for (const op of unacked.filter((o) => o.seat === s.seat)) {
        const ack = await clients.get(s.seat)!.emitPatiently(op.event, op.payload);
        expect(ack, `re-sent ${op.event} of seat ${op.seat}`).toMatchObject({ ok: true });
        op.ack = ack;
        op.outcome = 'acked';
      }
    }),
  );

  const snap = await freshSnapshot(res, url);
  const starts = load.ops.filter((o) => o.event === 'call:start').length;
  expect(snap.counter.total).toBe(initialTotal + starts);
  const descriptions = snap.tickets.map((t) => t.description).filter((d) => d.startsWith('Load ticket '));
  const expected = load.ops.filter((o) => o.event === 'ticket:create').map((o) => describeTicket(o.payload.opId as string));
  expect(descriptions.sort()).toEqual(expected.sort());

  // Every op once more: the first result comes back and nothing changes.
  const seqBefore = await healthSeq();
  await Promise.all(
    load.seats.map(async (s) => {
      for (const op of load.ops.filter((o) => o.seat === s.seat)) {
        const again = await clients.get(s.seat)!.emitPatiently(op.event, op.payload);
        expect(again, `repeat of ${op.event} of seat ${op.seat}`).toEqual(op.ack);
      }
    }),
  );
  await sleep(100);
  expect(await healthSeq()).toBe(seqBefore);
  const after = await freshSnapshot(res, url);
  expect(after.counter.total).toBe(initialTotal + starts);
  for (const c of clients.values()) c.close();
}

