/**
 * A full floor: 40 seats each take a call, raise a ticket and hang up, all at once. Every
 * connected client must receive every change, in order, with seq growing by exactly 1, and
 * the state it builds from them must equal a fresh snapshot.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import { type AckResult, type TestClient, operatorAuth, supervisorAuth } from '../helpers/client';
import { startTestHub } from '../helpers/hub';
import { comparable, mirrorFromSnapshot } from '../helpers/mirror';
import { healthz, Resources, settle } from '../helpers/resources';

const SEATS = 40;
const INITIAL_TOTAL = 500;
const res = new Resources();
afterAll(() => res.cleanup());

function phoneOf(seat: number): string {
  return `981000${String(seat).padStart(4, '0')}`;
}

it('40 seats working at once: every client sees every change, in order, and ends with the hub state', async () => {
  const hub = await startTestHub(res, { seats: SEATS, initialTotal: INITIAL_TOTAL });
  const supervisor = await res.ready(hub.url, supervisorAuth());
  const operators: TestClient[] = [];
  for (let seat = 1; seat <= SEATS; seat++) operators.push(res.client(hub.url, operatorAuth(seat)));
  await Promise.all(operators.map((o) => o.ready()));
  const everyone = [supervisor, ...operators];
  const startSeq = await settle(hub.url, everyone);

  const results = await Promise.all(
    operators.map(async (o, i): Promise<AckResult[]> => {
      const seat = i + 1;
      const start = await o.emit('call:start', { opId: randomUUID(), phone: phoneOf(seat) });
      expect(start, `call:start of seat ${seat}`).toMatchObject({ ok: true });
      const create = await o.emit('ticket:create', {
        opId: randomUUID(),
        ticket: { phone: phoneOf(seat), category: 'food_ration', description: `Ration not delivered, seat ${seat}`, callId: start.call!.id },
      });
      expect(create, `ticket:create of seat ${seat}`).toMatchObject({ ok: true });
      const end = await o.emit('call:end', { opId: randomUUID(), callId: start.call!.id, disposition: 'ticket_raised', ticketId: create.ticket!.id });
      expect(end, `call:end of seat ${seat}`).toMatchObject({ ok: true });
      return [start, create, end];
    }),
  );

  const finalSeq = await settle(hub.url, everyone);
  const made = supervisor.changes.filter((c) => c.seq > startSeq);
  expect(made.filter((c) => c.type === 'call.started')).toHaveLength(SEATS);
  expect(made.filter((c) => c.type === 'ticket.created')).toHaveLength(SEATS);
  expect(made.filter((c) => c.type === 'call.ended')).toHaveLength(SEATS);

  // Every client: no gap, no repeat, the same changes in the same order as the supervisor.
  const reference = new Map(supervisor.changes.map((c) => [c.seq, JSON.stringify(c)]));
  for (const c of everyone) {
    expect(c.seqProblems, `seq problems of ${String(c.auth.seat ?? 'supervisor')}`).toEqual([]);
    const seqs = c.changes.map((x) => x.seq);
    const first = c.snapshots[0]!.seq;
    expect(seqs).toEqual(Array.from({ length: finalSeq - first }, (_, k) => first + 1 + k));
    for (const change of c.changes) if (change.seq > startSeq) expect(JSON.stringify(change)).toBe(reference.get(change.seq));
  }

  // The counter moved by exactly one per call, in both the acks and the final state.
  const totals = results.map((r) => r[0]!.counter!.total).sort((a, b) => a - b);
  expect(totals).toEqual(Array.from({ length: SEATS }, (_, k) => INITIAL_TOTAL + 1 + k));

  // What every client built from the changes equals a fresh snapshot.
  const fresh = await res.ready(hub.url, supervisorAuth());
  const expected = comparable(mirrorFromSnapshot(fresh.snapshots[0]!));
  expect(expected.seq).toBe(finalSeq);
  expect(expected.counter.total).toBe(INITIAL_TOTAL + SEATS);
  expect(expected.tickets).toHaveLength(SEATS);
  expect(expected.seats.every((s) => s.state === 'wrap_up')).toBe(true);
  for (const c of everyone) expect(comparable(c.mirror!)).toEqual(expected);
  expect((await healthz(hub.url)).seq).toBe(finalSeq);
}, 60_000);
