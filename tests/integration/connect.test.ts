/**
 * Connecting: the key decides the role, operators must name a valid seat, and every accepted
 * connection starts with a snapshot of the whole floor (a person's after their `session`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, operatorAuth, supervisorAuth, wallAuth } from '../helpers/client';
import { startTestHub, type TestHub } from '../helpers/hub';
import { TEST_KEYS } from '../helpers/keys';
import { healthz, Resources } from '../helpers/resources';
import { waitUntil } from '../helpers/wait';

const SEATS = 12;
const res = new Resources();
let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub(res, { seats: SEATS });
});
afterAll(() => res.cleanup());

describe('keys', () => {
  it.each([
    ['a wrong key', { key: 'not-a-key' }],
    ['a missing key', {}],
    ['an empty key', { key: '' }],
    ['a key that is a number', { key: 12345 }],
    ['a key that is an object', { key: { $ne: '' } }],
    ['the operator key with a suffix', { key: `${TEST_KEYS.operator}x` }],
  ])('%s is refused with "unauthorized" and nothing else is sent', async (_label, auth) => {
    const c = await expectRefused(hub.url, { clientId: 'c-1', seat: 1, name: 'Asha', ...auth });
    expect(c.everConnected).toBe(false);
    expect(c.connectError?.message).toBe('unauthorized');
    expect(c.events).toEqual([]);
    // No frame carried anything but the refusal (no snapshot, no change).
    expect(c.rawText()).not.toMatch(/snapshot|change|"seq"/);
  });

  it('a refused connection changes nothing on the hub', async () => {
    const before = (await healthz(hub.url)).seq;
    await expectRefused(hub.url, { key: 'wrong', clientId: 'c-2', seat: 2, name: 'Ravi' });
    expect((await healthz(hub.url)).seq).toBe(before);
  });
});

describe('operator seats', () => {
  it.each([
    ['no seat', { seat: undefined }],
    ['seat 0', { seat: 0 }],
    ['a seat above --seats', { seat: SEATS + 1 }],
    ['a negative seat', { seat: -3 }],
    ['a fractional seat', { seat: 1.5 }],
    ['a seat that is not a number', { seat: 'front desk' }],
    ['the key alone, without user and PIN', { user: undefined, pin: undefined }],
    ['an empty user', { user: '   ' }],
  ])('an operator with %s is refused', async (_label, extra) => {
    const before = (await healthz(hub.url)).seq;
    const auth = operatorAuth(3, extra);
    for (const k of Object.keys(extra)) if ((extra as Record<string, unknown>)[k] === undefined) delete auth[k];
    const c = await expectRefused(hub.url, auth);
    expect(c.everConnected).toBe(false);
    expect(c.connectError).not.toBeNull();
    expect(c.events.map((e) => e.event)).not.toContain('snapshot');
    expect((await healthz(hub.url)).seq).toBe(before);
  });

  it('the first and the last seat are accepted', async () => {
    for (const seat of [1, SEATS]) {
      const c = await res.ready(hub.url, operatorAuth(seat));
      await waitUntil(() => c.mirror?.seats.get(seat)?.state === 'ready', `seat ${seat} ready`);
      c.close();
    }
  });
});

describe('snapshot on connect', () => {
  it.each([
    ['operator', () => operatorAuth(4)],
    ['supervisor', () => supervisorAuth()],
    ['wall', () => wallAuth()],
  ])('the %s gets a snapshot {seq, counter, seats, tickets} first (a person just after their session)', async (role, auth) => {
    const c = await res.ready(hub.url, auth());
    expect(c.events.slice(0, 2).map((e) => e.event)).toEqual(role === 'wall' ? ['snapshot', 'synced'] : ['session', 'snapshot']);
    const s = c.snapshots[0]!;
    expect(Number.isInteger(s.seq)).toBe(true);
    expect(s.seq).toBeGreaterThanOrEqual(0);
    expect(Number.isInteger(s.counter.total)).toBe(true);
    expect(Number.isInteger(s.counter.today)).toBe(true);
    expect(s.seats).toHaveLength(SEATS);
    expect(s.seats.map((x) => x.seat).sort((a, b) => a - b)).toEqual(Array.from({ length: SEATS }, (_, i) => i + 1));
    for (const seat of s.seats) {
      expect(['offline', 'ready', 'on_call', 'wrap_up', 'break']).toContain(seat.state);
      expect(typeof seat.since).toBe('string');
    }
    expect(Array.isArray(s.tickets)).toBe(true);
    // The snapshot is current: its seq is the hub's (the operator's own seat change may follow).
    expect(s.seq).toBeLessThanOrEqual((await healthz(hub.url)).seq);
    c.close();
  });

  it('a hub started with the default seat count has 40 seats', async () => {
    const local = new Resources();
    try {
      const h = await startTestHub(local);
      const c = await local.ready(h.url, supervisorAuth());
      expect(c.snapshots[0]!.seats).toHaveLength(40);
    } finally {
      await local.cleanup();
    }
  });

  it('GET /healthz answers 200 {ok: true, seq}', async () => {
    const res2 = await fetch(`${hub.url}/healthz`);
    expect(res2.status).toBe(200);
    const body = (await res2.json()) as { ok: unknown; seq: unknown };
    expect(body.ok).toBe(true);
    expect(Number.isInteger(body.seq)).toBe(true);
  });
});
