/**
 * Naming a department forwards a ticket, at the hub as in the consoles (one rule,
 * shared/domain/ticketPatch.ts): the ticket is then waiting for the department, on the wall's
 * "With departments" and in the day's forwarded figures.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import type { FloorStats } from '../../shared/protocol/stats';
import type { Ticket } from '../../shared/protocol/ticket';
import { type TestClient, operatorAuth, supervisorAuth, wallAuth } from '../helpers/client';
import { startTestHub } from '../helpers/hub';
import { Resources } from '../helpers/resources';
import { waitUntil } from '../helpers/wait';

const res = new Resources();
afterEach(() => res.cleanup());

function latestStats(c: TestClient): FloorStats | undefined {
  return c.events.filter((e) => e.event === 'stats').at(-1)?.args[0] as FloorStats | undefined;
}

it('a supervisor gives an open ticket a department: it is forwarded, waits for that department, and the acknowledgement sticks', async () => {
  const hub = await startTestHub(res);
  const op = await res.ready(hub.url, operatorAuth(7));
  const sup = await res.ready(hub.url, supervisorAuth());
  const wall = await res.ready(hub.url, wallAuth());
  const created = await op.emit('ticket:create', { opId: randomUUID(), ticket: { phone: '9812374651', category: 'migrant_worker', description: 'Registered for the train, no SMS yet' } });
  const t = created.ticket as Ticket;

  const set = await sup.emit('ticket:update', { opId: randomUUID(), id: t.id, version: 1, patch: { department: 'labour' } });
  expect(set.ok).toBe(true);
  const forwarded = set.ticket as Ticket;
  expect(forwarded).toMatchObject({ status: 'forwarded', department: 'labour', version: 2 });
  expect(Date.parse(forwarded.forwardedAt!)).toBeGreaterThan(0);

  const acked = await sup.emit('ticket:update', { opId: randomUUID(), id: t.id, version: 2, patch: { departmentAck: true, departmentRef: 'TR/2026/0457' } });
  expect(acked.ticket).toMatchObject({ status: 'forwarded', departmentRef: 'TR/2026/0457' });
  expect((acked.ticket as Ticket).departmentAckAt).toBeTruthy();

  // Waiting for the department: found by the follow-up search, counted on the wall.
  const waiting = await sup.emit('tickets:search', { status: 'forwarded', department: 'labour' });
  expect((waiting.items as Ticket[]).map((x) => x.id)).toContain(t.id);
  await waitUntil(() => latestStats(wall)?.pendingByDepartment.some((d) => d.department === 'labour' && d.tickets === 1) === true, 'the wall counts it with the department');

  // The audit trail says what the change did.
  const history = await sup.emit('ticket:history', { id: t.id });
  const change = (history.events as { kind: string; changes?: Record<string, { from: unknown; to: unknown }> }[]).find((e) => e.kind === 'updated')!;
  expect(change.changes).toMatchObject({ department: { from: null, to: 'labour' }, status: { from: 'open', to: 'forwarded' } });
});
