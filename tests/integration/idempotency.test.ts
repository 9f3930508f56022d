/**
 * Retries: a console re-sends every unacknowledged op after a drop, so the hub must apply a
 * (clientId, opId) pair at most once and answer a repeat with the first result, also after a
 * restart. The same opId from another client is a different op.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { operatorAuth, supervisorAuth } from '../helpers/client';
import { startTestHub } from '../helpers/hub';
import { healthz, Resources, settle } from '../helpers/resources';
import { sleep } from '../helpers/wait';

const res = new Resources();
afterEach(() => res.cleanup());

const newTicket = (description: string) => ({ phone: '9876543210', category: 'food_ration', description });

it('a repeated call:start is applied once and answered with the first result', async () => {
  const hub = await startTestHub(res, { initialTotal: 100 });
  const sup = await res.ready(hub.url, supervisorAuth());
  const op = await res.ready(hub.url, operatorAuth(1));
  const seq0 = await settle(hub.url, [sup, op]);
  const payload = { opId: randomUUID(), phone: '+91 98765 43210' };
  const first = await op.emit('call:start', payload);
  expect(first.ok).toBe(true);
  const seq1 = await settle(hub.url, [sup, op]);
  for (let i = 0; i < 3; i++) expect(await op.emit('call:start', payload)).toEqual(first);
  await sleep(100);
  expect(await settle(hub.url, [sup, op])).toBe(seq1);
  expect(sup.changes.filter((c) => c.seq > seq0 && c.type === 'call.started')).toHaveLength(1);
  expect(sup.mirror!.counter.total).toBe(101);
});

it('the same op sent many times at once is applied once; every ack carries the same result', async () => {
  const hub = await startTestHub(res);
  const sup = await res.ready(hub.url, supervisorAuth());
  const op = await res.ready(hub.url, operatorAuth(2));
  const seq0 = await settle(hub.url, [sup, op]);
  const payload = { opId: randomUUID(), ticket: newTicket('Concurrent retry of one ticket') };
  const acks = await Promise.all(Array.from({ length: 8 }, () => op.emit('ticket:create', payload)));
  expect(acks[0]!.ok).toBe(true);
  for (const a of acks) expect(a).toEqual(acks[0]);
  await settle(hub.url, [sup, op]);
  expect(sup.changes.filter((c) => c.seq > seq0).map((c) => c.type)).toEqual(['ticket.created']);
  const found = await op.emit('tickets:search', { text: 'Concurrent' });
  expect(found.items!.filter((t) => t.description === 'Concurrent retry of one ticket')).toHaveLength(1);

  // The same for call:start, whose ack also carries the counter.
  const a = await res.ready(hub.url, operatorAuth(3));
  const startPayload = { opId: randomUUID() };
  const p1 = a.emit('call:start', startPayload);
  const p2 = a.emit('call:start', startPayload);
  const p3 = a.emit('call:start', startPayload);
  const [r1, r2, r3] = await Promise.all([p1, p2, p3]);
  expect(r1!.ok).toBe(true);
  expect(r2).toEqual(r1);
  expect(r3).toEqual(r1);
  await settle(hub.url, [sup]);
  expect(sup.changes.filter((c) => c.type === 'call.started')).toHaveLength(1);
});

it('a repeat over a new connection of the same client gets the first result', async () => {
  const hub = await startTestHub(res);
  const sup = await res.ready(hub.url, supervisorAuth());
  const clientId = randomUUID();
  const first = await res.ready(hub.url, operatorAuth(4, { clientId }));
  const payload = { opId: randomUUID(), ticket: newTicket('Raised before the network dropped') };
  const ack1 = await first.emit('ticket:create', payload);
  expect(ack1.ok).toBe(true);
  first.close();
  const second = await res.ready(hub.url, operatorAuth(4, { clientId }));
  const seq = await settle(hub.url, [sup, second]);
  expect(await second.emit('ticket:create', payload)).toEqual(ack1);
  await sleep(100);
  expect(await settle(hub.url, [sup, second])).toBe(seq);
});

it('a repeated opId with a different payload changes nothing', async () => {
  const hub = await startTestHub(res);
  const sup = await res.ready(hub.url, supervisorAuth());
  const op = await res.ready(hub.url, operatorAuth(5));
  const opId = randomUUID();
  const ack1 = await op.emit('ticket:create', { opId, ticket: newTicket('The original ticket') });
  expect(ack1.ok).toBe(true);
  const seq = await settle(hub.url, [sup, op]);
  const ack2 = await op.emit('ticket:create', { opId, ticket: newTicket('A different ticket under the same op id') });
  // Either the first result again or a refusal; never a second ticket.
  if (ack2.ok) expect(ack2).toEqual(ack1);
  else expect(ack2.error?.code).toMatch(/^(invalid|conflict)$/);
  await sleep(100);
  expect(await settle(hub.url, [sup, op])).toBe(seq);
});

it('the same opId from a different client is a new op', async () => {
  const hub = await startTestHub(res);
  const sup = await res.ready(hub.url, supervisorAuth());
  const a = await res.ready(hub.url, operatorAuth(6));
  const b = await res.ready(hub.url, operatorAuth(7));
  const seq0 = await settle(hub.url, [sup, a, b]);
  const opId = randomUUID();
  const ackA = await a.emit('ticket:create', { opId, ticket: newTicket('From seat six') });
  const ackB = await b.emit('ticket:create', { opId, ticket: newTicket('From seat seven') });
  expect(ackA.ok && ackB.ok).toBe(true);
  expect(ackB.ticket!.id).not.toBe(ackA.ticket!.id);
  expect(ackB.ticket!.description).toBe('From seat seven');
  const callOpId = randomUUID();
  const c1 = await a.emit('call:start', { opId: callOpId });
  const c2 = await b.emit('call:start', { opId: callOpId });
  expect(c1.ok && c2.ok).toBe(true);
  expect(c2.call!.id).not.toBe(c1.call!.id);
  await settle(hub.url, [sup, a, b]);
  const types = sup.changes.filter((c) => c.seq > seq0).map((c) => c.type);
  expect(types.filter((t) => t === 'ticket.created')).toHaveLength(2);
  expect(types.filter((t) => t === 'call.started')).toHaveLength(2);
});

it('a repeat after a restart gets the first result and changes nothing', async () => {
  const dataDir = await res.dataDir();
  const hub = await startTestHub(res, { dataDir, initialTotal: 50 });
  const clientId = randomUUID();
  const op = await res.ready(hub.url, operatorAuth(8, { clientId }));
  const start = { opId: randomUUID(), phone: '9876543210' };
  const startAck = await op.emit('call:start', start);
  const create = { opId: randomUUID(), ticket: { ...newTicket('Survives a restart'), callId: startAck.call!.id } };
  const createAck = await op.emit('ticket:create', create);
  const note = { opId: randomUUID(), id: createAck.ticket!.id, text: 'Called back, no answer' };
  const noteAck = await op.emit('ticket:note', note);
  const end = { opId: randomUUID(), callId: startAck.call!.id, disposition: 'ticket_raised', ticketId: createAck.ticket!.id };
  const endAck = await op.emit('call:end', end);
  const set = { opId: randomUUID(), state: 'break' };
  const setAck = await op.emit('seat:set', set);
  for (const a of [startAck, createAck, noteAck, endAck, setAck]) expect(a.ok).toBe(true);
  op.close();
  await hub.close();

  const hub2 = await startTestHub(res, { dataDir, initialTotal: 50 });
  const sup = await res.ready(hub2.url, supervisorAuth());
  const op2 = await res.ready(hub2.url, operatorAuth(8, { clientId }));
  const seq = await settle(hub2.url, [sup, op2]);
  expect(await op2.emit('call:start', start)).toEqual(startAck);
  expect(await op2.emit('ticket:create', create)).toEqual(createAck);
  expect(await op2.emit('ticket:note', note)).toEqual(noteAck);
  expect(await op2.emit('call:end', end)).toEqual(endAck);
  // The seat came back `ready`; the old `break` must not be applied again.
  expect(await op2.emit('seat:set', set)).toEqual(setAck);
  await sleep(100);
  expect(await settle(hub2.url, [sup, op2])).toBe(seq);
  expect(sup.mirror!.counter.total).toBe(51);
  const t = sup.mirror!.tickets.get(createAck.ticket!.id)!;
  expect(t.notes).toHaveLength(1);
  expect((await healthz(hub2.url)).seq).toBe(seq);
});
