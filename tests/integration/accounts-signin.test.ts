/**
 * Signing in as oneself (contract v2): the key decides the role, the account must be of that
 * role, and every failure is the same `unauthorized`; a session's token brings a console back,
 * also after the hub restarted; five failures lock a username, and failures slow, then lock, the
 * address they come from; another person cannot take a seat whose holder is connected.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../shared/protocol';
import { expectRefused, operatorAuth, supervisorAuth, wallAuth, type TestClient } from '../helpers/client';
import { startTestHub } from '../helpers/hub';
import { TEST_KEYS, TEST_PIN } from '../helpers/keys';
import { healthz, Resources } from '../helpers/resources';
import { waitUntil } from '../helpers/wait';

const res = new Resources();
afterEach(() => res.cleanup());

async function securityLog(sup: TestClient): Promise<SecurityEvent[]> {
  const ack = await sup.emit('security:log', { limit: 500 });
  expect(ack.ok, JSON.stringify(ack.error)).toBe(true);
  return ack.items as unknown as SecurityEvent[];
}

describe('who may sign in', () => {
  it('the operator and supervisor keys alone are refused; the wall key alone is let in', async () => {
    const hub = await startTestHub(res, { seats: 8 });
    for (const auth of [{ key: TEST_KEYS.operator, seat: 1 }, { key: TEST_KEYS.supervisor }, { key: TEST_KEYS.operator, seat: 1, user: 'op1' }, { key: TEST_KEYS.supervisor, pin: TEST_PIN }]) {
      const c = await expectRefused(hub.url, { clientId: randomUUID(), ...auth });
      expect(c.everConnected, JSON.stringify(auth)).toBe(false);
      expect(c.connectError?.message).toBe('unauthorized');
      expect(c.events).toEqual([]);
    }
    const wall = await res.ready(hub.url, wallAuth());
    expect(wall.session).toBeUndefined();
  });

  it('a wrong PIN, an unknown user and a disabled account are all just unauthorized; the supervisors read why', async () => {
    const hub = await startTestHub(res, { seats: 8 });
    const sup = await res.ready(hub.url, supervisorAuth());
    const off = await sup.emit('user:update', { opId: randomUUID(), username: 'op3', disabled: true });
    expect(off.ok, JSON.stringify(off.error)).toBe(true);
    const before = (await healthz(hub.url)).seq;
    const tries = [operatorAuth(1, { pin: '000000' }), operatorAuth(2, { user: 'nobody-here' }), operatorAuth(3), supervisorAuth({ pin: '999999' })];
    for (const auth of tries) {
      const c = await expectRefused(hub.url, auth);
      expect(c.connectError?.message, JSON.stringify(auth)).toBe('unauthorized');
      expect(c.events).toEqual([]);
      expect(c.rawText()).not.toMatch(/snapshot|"seq"/);
    }
    expect((await healthz(hub.url)).seq, 'no seat came online').toBe(before);
    const refused = (await securityLog(sup)).filter((e) => e.kind === 'refused');
    expect(refused.map((e) => [e.username, e.detail])).toEqual(
      expect.arrayContaining([
        ['op1', 'wrong PIN'],
        ['nobody-here', 'unknown username'],
        ['op3', 'account disabled'],
        ['sup1', 'wrong PIN'],
      ]),
    );
    for (const e of refused) expect(e.address).toBe('127.0.0.1');
  });

  it("an account signs in only with its own role's key", async () => {
    const hub = await startTestHub(res, { seats: 8 });
    const asSupervisor = await expectRefused(hub.url, { key: TEST_KEYS.supervisor, clientId: randomUUID(), user: 'op1', pin: TEST_PIN });
    expect(asSupervisor.connectError?.message).toBe('unauthorized');
    const asOperator = await expectRefused(hub.url, { key: TEST_KEYS.operator, clientId: randomUUID(), seat: 2, user: 'sup1', pin: TEST_PIN });
    expect(asOperator.connectError?.message).toBe('unauthorized');
    const sup = await res.ready(hub.url, supervisorAuth());
    const why = (await securityLog(sup)).filter((e) => e.kind === 'refused').map((e) => e.detail);
    expect(why).toEqual(expect.arrayContaining(['operator account, supervisor key', 'supervisor account, operator key']));
  });

  it('a sign-in answers session { token, expiresAt (16 hours on), user } before the snapshot; the typed name is not used', async () => {
    const hub = await startTestHub(res, { seats: 8 });
    const t0 = Date.now();
    const op = await res.ready(hub.url, operatorAuth(4, { name: 'Somebody typed this' }));
    const s = op.session!;
    expect(s.user).toEqual({ username: 'op4', name: 'Operator 4', role: 'operator' });
    expect(s.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(s.mustChangePin).toBeUndefined();
    const hours = (Date.parse(s.expiresAt) - t0) / 3_600_000;
    expect(hours).toBeGreaterThan(15.99);
    expect(hours).toBeLessThan(16.01);
    expect(op.events[0]!.event).toBe('session');
    expect(op.snapshots[0]!.you).toMatchObject({ role: 'operator', seat: 4, name: 'Operator 4' });
    await waitUntil(() => op.mirror!.seats.get(4)?.state === 'ready', 'seat 4 ready');
    expect(op.mirror!.seats.get(4)).toMatchObject({ name: 'Operator 4', user: 'op4' });
    // Each sign-in with a PIN is a session of its own.
    const again = await res.ready(hub.url, supervisorAuth());
    const other = await res.ready(hub.url, supervisorAuth());
    expect(again.session!.token).not.toBe(other.session!.token);
  });
});

describe('sessions', () => {
  it('a token brings the console back, also after the hub restarted; the same session, the same token', async () => {
    const dataDir = await res.dataDir();
    let hub = await startTestHub(res, { dataDir, seats: 8 });
    const clientId = randomUUID();
    const first = await res.ready(hub.url, operatorAuth(5, { clientId }));
    const { token, expiresAt } = first.session!;
    first.close();
    await hub.close();
    hub = await startTestHub(res, { dataDir, seats: 8 });
    const back = await res.ready(hub.url, { key: TEST_KEYS.operator, clientId, seat: 5, token });
    expect(back.session).toMatchObject({ token, expiresAt, user: { username: 'op5', name: 'Operator 5', role: 'operator' } });
    await waitUntil(() => back.mirror!.seats.get(5)?.state === 'ready', 'seat 5 back online');
    // The token is the console's: a wrong one is refused like a wrong PIN.
    const forged = await expectRefused(hub.url, { key: TEST_KEYS.operator, clientId: randomUUID(), seat: 6, token: `${token.slice(0, -2)}xx` });
    expect(forged.connectError?.message).toBe('unauthorized');
    // And a token is only good with its own role's key.
    const otherKey = await expectRefused(hub.url, { key: TEST_KEYS.supervisor, clientId: randomUUID(), token });
    expect(otherKey.connectError?.message).toBe('unauthorized');
    const sup = await res.ready(hub.url, supervisorAuth());
    const log = await securityLog(sup);
    expect(log.find((e) => e.kind === 'resumed' && e.username === 'op5')).toMatchObject({ seat: 5, address: '127.0.0.1' });
  });

  it('sign-out ends the session: the socket is told and disconnected, and its token works no more', async () => {
    const hub = await startTestHub(res, { seats: 8 });
    const op = await res.ready(hub.url, operatorAuth(2));
    const { token } = op.session!;
    const ack = await op.emit('session:signOut', {});
    expect(ack).toEqual({ ok: true });
    await waitUntil(() => op.disconnectReason !== null, 'the signed-out socket to be disconnected');
    expect(op.ended).toMatchObject({ reason: 'signed_out' });
    const again = await expectRefused(hub.url, { key: TEST_KEYS.operator, clientId: randomUUID(), seat: 2, token });
    expect(again.connectError?.message).toBe('unauthorized');
    const sup = await res.ready(hub.url, supervisorAuth());
    await waitUntil(() => sup.mirror!.seats.get(2)?.state === 'offline', 'seat 2 offline');
    expect((await securityLog(sup)).some((e) => e.kind === 'signed_out' && e.username === 'op2' && e.seat === 2)).toBe(true);
  });

  it('a session ends when its time is up: a live socket is told so, and its token is refused', async () => {
    // Sessions of three seconds here; sixteen hours on a floor.
    const hub = await startTestHub(res, { seats: 8, sessionHours: 3 / 3600 });
    const op = await res.ready(hub.url, operatorAuth(3));
    const { token } = op.session!;
    await waitUntil(() => op.ended !== undefined, 'the session to expire', 8_000);
    expect(op.ended).toMatchObject({ reason: 'expired' });
    await waitUntil(() => op.disconnectReason !== null, 'the socket to be disconnected');
    const late = await expectRefused(hub.url, { key: TEST_KEYS.operator, clientId: randomUUID(), seat: 3, token });
    expect(late.connectError?.message).toBe('unauthorized');
    const sup = await res.ready(hub.url, supervisorAuth());
    expect((await securityLog(sup)).some((e) => e.kind === 'session_ended' && e.username === 'op3' && e.detail === 'expired')).toBe(true);
  });
});

describe('failed sign-ins are held back', () => {
  it('five failures lock a username (even for the right PIN) until the lock has run out', async () => {
    const lockMs = 3_000;
    const hub = await startTestHub(res, { seats: 8, signInLimits: { lockMs } });
    for (let i = 1; i <= 5; i++) {
      const c = await expectRefused(hub.url, operatorAuth(1, { pin: `00000${i}` }), 0);
      expect(c.connectError?.message, `failure ${i}`).toBe('unauthorized');
    }
    const lockedAt = Date.now();
    const right = await expectRefused(hub.url, operatorAuth(1), 0);
    expect(right.connectError?.message).toBe('locked');
    // Other people are not locked out with it.
    await res.ready(hub.url, operatorAuth(2));
    const sup = await res.ready(hub.url, supervisorAuth());
    const users = (await sup.emit('users:list', {})).users as { username: string; lockedUntil?: string }[];
    const op1 = users.find((u) => u.username === 'op1')!;
    expect(Date.parse(op1.lockedUntil!)).toBeGreaterThan(Date.now());
    expect(users.find((u) => u.username === 'op2')!.lockedUntil).toBeUndefined();
    expect((await securityLog(sup)).filter((e) => e.kind === 'locked').map((e) => e.username)).toEqual(['op1']);
    await waitUntil(() => Date.now() > lockedAt + lockMs + 100, 'the lock to run out', lockMs + 2_000);
    const after = await res.ready(hub.url, operatorAuth(1));
    expect(after.session!.user.username).toBe('op1');
  });

  it('failures past the first few slow the address they come from, one attempt at a time, then lock it for every username', async () => {
    const hub = await startTestHub(res, { seats: 8, signInLimits: { freeFailures: 2, delayMs: 200, maxDelayMs: 800, addressFailures: 6, userFailures: 100, lockMs: 60_000 } });
    // Five wrong PINs, each for another username: no username is locked, the address is slowed.
    const at: number[] = [];
    for (let i = 1; i <= 5; i++) {
      expect((await expectRefused(hub.url, operatorAuth(i, { pin: '111111' }), 0)).connectError?.message).toBe('unauthorized');
      at.push(Date.now());
    }
    // The third waited 200 ms after the second failure, the fourth 400, the fifth 800 (counted
    // here from when each refusal arrived, a moment after the hub counted the failure).
    expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(150);
    expect(at[3]! - at[2]!).toBeGreaterThanOrEqual(300);
    expect(at[4]! - at[3]!).toBeGreaterThanOrEqual(600);
    // Attempts fired together wait their turn: the sixth failure locks the address, and the
    // right PIN behind it is refused too.
    const t1 = Date.now();
    const burst = await Promise.all([expectRefused(hub.url, operatorAuth(6, { pin: '111111' }), 0), expectRefused(hub.url, operatorAuth(7), 0)]);
    expect(Date.now() - t1).toBeGreaterThanOrEqual(800);
    expect(burst.map((c) => c.connectError?.message)).toEqual(['unauthorized', 'locked']);
    const sup = await expectRefused(hub.url, supervisorAuth(), 0);
    expect(sup.connectError?.message).toBe('locked');
  }, 30_000);

  it('a burst of guesses from one address gets no more than its lock allows', async () => {
    const hub = await startTestHub(res, { seats: 40, signInLimits: { addressFailures: 8, userFailures: 100 } });
    const burst = await Promise.all(Array.from({ length: 30 }, (_, i) => expectRefused(hub.url, operatorAuth(i + 1, { pin: '222222' }), 0)));
    const answers = burst.map((c) => c.connectError?.message);
    expect(answers.filter((a) => a === 'unauthorized').length).toBeLessThanOrEqual(8 + 2);
    expect(answers.filter((a) => a === 'locked').length).toBeGreaterThanOrEqual(30 - 8 - 2);
  });

  it('attempts from an address without failures are not held up', async () => {
    const hub = await startTestHub(res, { seats: 40 });
    const t0 = Date.now();
    const seats = await Promise.all(Array.from({ length: 20 }, (_, i) => res.ready(hub.url, operatorAuth(i + 1))));
    expect(seats.every((c) => c.session !== undefined)).toBe(true);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });
});

describe('seats', () => {
  it('another person cannot take a seat whose holder is connected; the same person takes it over; a freed seat can be taken', async () => {
    const hub = await startTestHub(res, { seats: 8 });
    const sup = await res.ready(hub.url, supervisorAuth());
    const holder = await res.ready(hub.url, operatorAuth(5));
    const taker = await expectRefused(hub.url, operatorAuth(5, { user: 'op6' }));
    expect(taker.connectError?.message).toBe('seat_taken');
    expect(taker.events).toEqual([]);
    expect((await securityLog(sup)).find((e) => e.kind === 'seat_taken')).toMatchObject({ username: 'op6', seat: 5, detail: 'held by op5' });

    // The same person's second window takes the seat over.
    const second = await res.ready(hub.url, operatorAuth(5));
    await waitUntil(() => holder.disconnectReason !== null, 'the first window to be let go');
    expect(holder.events.some((e) => e.event === 'seat:revoked')).toBe(true);

    // A supervisor frees it: the holder's session ends, and another person may sit down.
    const freed = await sup.emit('seat:free', { opId: randomUUID(), seat: 5 });
    expect(freed.ok, JSON.stringify(freed.error)).toBe(true);
    expect(freed.seat).toMatchObject({ seat: 5, state: 'offline' });
    await waitUntil(() => second.disconnectReason !== null, 'the holder to be disconnected');
    expect(second.ended).toMatchObject({ reason: 'seat_freed' });
    const stale = await expectRefused(hub.url, { key: TEST_KEYS.operator, clientId: randomUUID(), seat: 5, token: second.session!.token });
    expect(stale.connectError?.message).toBe('unauthorized');
    const next = await res.ready(hub.url, operatorAuth(5, { user: 'op6' }));
    await waitUntil(() => next.mirror!.seats.get(5)?.user === 'op6', 'op6 at seat 5');
    expect(next.mirror!.seats.get(5)).toMatchObject({ name: 'Operator 6', state: 'ready' });
    // Operators may not free seats.
    expect((await next.emit('seat:free', { opId: randomUUID(), seat: 5 })).error?.code).toBe('forbidden');
  });

  it('a seat whose holder went away is free for the next person', async () => {
    const hub = await startTestHub(res, { seats: 8 });
    const sup = await res.ready(hub.url, supervisorAuth());
    const holder = await res.ready(hub.url, operatorAuth(2));
    holder.close();
    await waitUntil(() => sup.mirror!.seats.get(2)?.state === 'offline', 'seat 2 offline');
    const next = await res.ready(hub.url, operatorAuth(2, { user: 'op7' }));
    expect(next.session!.user.username).toBe('op7');
  });

  it("another person at a seat left during a call does not take the call over: it closes as disconnected, when its holder left", async () => {
    const hub = await startTestHub(res, { seats: 8, callGraceSeconds: 600 });
    const sup = await res.ready(hub.url, supervisorAuth());
    const holder = await res.ready(hub.url, operatorAuth(6));
    const call = (await holder.emit('call:start', { opId: randomUUID(), phone: '9812300009' })).call!;
    holder.close();
    await waitUntil(() => sup.mirror!.seats.get(6)?.state === 'offline', 'seat 6 offline');
    const left = sup.mirror!.seats.get(6)!.since;
    const next = await res.ready(hub.url, operatorAuth(6, { user: 'op7' }));
    await waitUntil(() => sup.mirror!.seats.get(6)?.user === 'op7', 'op7 at seat 6');
    expect(sup.mirror!.seats.get(6)).toMatchObject({ state: 'ready', name: 'Operator 7' });
    expect(sup.mirror!.seats.get(6)!.callId).toBeUndefined();
    const ended = sup.changes.find((c) => c.type === 'call.ended' && c.data.call.id === call.id);
    expect(ended?.data).toMatchObject({ call: { id: call.id, disposition: 'disconnected', endedAt: left, user: 'op6' } });
    expect(next.snapshots[0]!.you!.lastCall).toBeUndefined();
  });

  it('a person holds one seat: signing in at another moves them, and the seat they left goes offline', async () => {
    const hub = await startTestHub(res, { seats: 8 });
    const sup = await res.ready(hub.url, supervisorAuth());
    const at3 = await res.ready(hub.url, operatorAuth(3, { user: 'kavita' }));
    await res.ready(hub.url, operatorAuth(4, { user: 'kavita' }));
    await waitUntil(() => at3.disconnectReason !== null, 'seat 3 to be let go');
    expect(at3.events.find((e) => e.event === 'seat:revoked')!.args[0]).toMatchObject({ seat: 3 });
    await waitUntil(() => sup.mirror!.seats.get(3)?.state === 'offline' && sup.mirror!.seats.get(4)?.user === 'kavita', 'Kavita at seat 4 only');
  });
});
