/**
 * The supervisors' People tab, from the hub's side: adding a person with a one-time PIN that
 * must be changed before anything else, renaming, changing a role, disabling (their sessions
 * end at once, everywhere), resetting a PIN, who is signed in where, and the security log with
 * who made every change.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Account, SecurityEvent } from '../../shared/protocol';
import { expectRefused, operatorAuth, supervisorAuth, type TestClient } from '../helpers/client';
import { startTestHub } from '../helpers/hub';
import { TEST_KEYS, TEST_PIN } from '../helpers/keys';
import { Resources } from '../helpers/resources';
import { sleep, waitUntil } from '../helpers/wait';

const res = new Resources();
afterEach(() => res.cleanup());

async function users(sup: TestClient): Promise<Account[]> {
  const ack = await sup.emit('users:list', {});
  expect(ack.ok, JSON.stringify(ack.error)).toBe(true);
  return ack.users as Account[];
}

async function log(sup: TestClient): Promise<SecurityEvent[]> {
  return (await sup.emit('security:log', { limit: 500 })).items as unknown as SecurityEvent[];
}

describe('a new person', () => {
  it('is added with a one-time PIN, and must choose their own before anything else; the snapshot comes after', async () => {
    const hub = await startTestHub(res, { seats: 8 });
    const sup = await res.ready(hub.url, supervisorAuth());
    const opId = randomUUID();
    const created = await sup.emit('user:create', { opId, username: 'Rekha.Devi', name: 'Rekha Devi', role: 'operator' });
    expect(created.ok, JSON.stringify(created.error)).toBe(true);
    const pin = created.pin as string;
    expect(pin).toMatch(/^[1-9]\d{7}$/);
    expect(created.user).toMatchObject({ username: 'rekha.devi', name: 'Rekha Devi', role: 'operator', mustChangePin: true, disabled: false, createdBy: 'sup1', sessions: [] });
    // An answer lost and asked again: the same account and PIN, nothing made twice.
    const again = await sup.emit('user:create', { opId, username: 'rekha.devi', name: 'Rekha Devi', role: 'operator' });
    expect(again).toEqual(created);
    expect((await sup.emit('user:create', { opId: randomUUID(), username: 'rekha.devi', name: 'Someone else', role: 'operator' })).error?.code).toBe('conflict');

    const rekha = res.client(hub.url, { key: TEST_KEYS.operator, clientId: randomUUID(), seat: 6, user: 'rekha.devi', pin });
    const session = await rekha.signedIn();
    expect(session).toMatchObject({ mustChangePin: true, user: { username: 'rekha.devi', name: 'Rekha Devi', role: 'operator' } });
    await sleep(300);
    expect(rekha.snapshots, 'no floor data before a PIN of her own').toEqual([]);
    expect(rekha.events.map((e) => e.event)).not.toContain('change');
    const early = await rekha.emit('call:start', { opId: randomUUID() });
    expect(early.error).toMatchObject({ code: 'forbidden' });
    expect(early.error!.message).toMatch(/PIN/);
    expect((await rekha.emit('tickets:search', {})).error?.code).toBe('forbidden');
    expect((await rekha.emit('pin:change', { current: '11111111', next: '24681357' })).error?.code).toBe('forbidden');
    expect((await rekha.emit('pin:change', { current: pin, next: pin })).error?.code).toBe('invalid');
    expect((await rekha.emit('pin:change', { current: pin, next: '123' })).error).toMatchObject({ code: 'invalid', field: 'next' });
    const changed = await rekha.emit('pin:change', { current: pin, next: '24681357' });
    expect(changed).toEqual({ ok: true, user: { username: 'rekha.devi', name: 'Rekha Devi', role: 'operator' } });
    await rekha.ready();
    expect((await rekha.emit('call:start', { opId: randomUUID() })).ok).toBe(true);

    // The one-time PIN is spent; her own works, with nothing more to change.
    expect((await expectRefused(hub.url, { key: TEST_KEYS.operator, clientId: randomUUID(), seat: 7, user: 'rekha.devi', pin })).connectError?.message).toBe('unauthorized');
    rekha.close();
    const later = await res.ready(hub.url, { key: TEST_KEYS.operator, clientId: randomUUID(), seat: 6, user: 'rekha.devi', pin: '24681357' });
    expect(later.session!.mustChangePin).toBeUndefined();
    const events = await log(sup);
    expect(events.find((e) => e.kind === 'account_changed' && e.username === 'rekha.devi')).toMatchObject({ by: 'sup1', detail: 'created: operator, Rekha Devi' });
    expect(events.some((e) => e.kind === 'pin_changed' && e.username === 'rekha.devi')).toBe(true);
  });

  it('only supervisors manage accounts; an operator may sign out and change their own PIN', async () => {
    const hub = await startTestHub(res, { seats: 8 });
    const op = await res.ready(hub.url, operatorAuth(1));
    for (const [event, payload] of [
      ['users:list', {}],
      ['user:create', { opId: randomUUID(), username: 'x1', name: 'X', role: 'operator' }],
      ['user:update', { opId: randomUUID(), username: 'op2', disabled: true }],
      ['user:resetPin', { opId: randomUUID(), username: 'op2' }],
      ['seat:free', { opId: randomUUID(), seat: 2 }],
      ['security:log', {}],
    ] as const) {
      expect((await op.emit(event, payload)).error?.code, event).toBe('forbidden');
    }
    expect((await op.emit('pin:change', { current: TEST_PIN, next: '97531864' })).ok).toBe(true);
  });
});

describe('changes to an account', () => {
  it('disabling ends every session of the person at once, everywhere; they cannot sign in until enabled again', async () => {
    const hub = await startTestHub(res, { seats: 8 });
    const sup = await res.ready(hub.url, supervisorAuth());
    const windows = [await res.ready(hub.url, supervisorAuth({ user: 'sup2' })), await res.ready(hub.url, supervisorAuth({ user: 'sup2', snapshot: false }))];
    const op = await res.ready(hub.url, operatorAuth(4));
    const tokens = windows.map((w) => w.session!.token);
    for (const [who, clients] of [
      ['sup2', windows],
      ['op4', [op]],
    ] as const) {
      const ack = await sup.emit('user:update', { opId: randomUUID(), username: who, disabled: true });
      expect(ack.ok, JSON.stringify(ack.error)).toBe(true);
      expect(ack.user).toMatchObject({ username: who, disabled: true, sessions: [] });
      for (const c of clients) {
        await waitUntil(() => c.disconnectReason !== null, `${who}'s windows to close`);
        expect(c.ended).toMatchObject({ reason: 'disabled' });
      }
    }
    for (const token of tokens) expect((await expectRefused(hub.url, { key: TEST_KEYS.supervisor, clientId: randomUUID(), token })).connectError?.message).toBe('unauthorized');
    expect((await expectRefused(hub.url, supervisorAuth({ user: 'sup2' }))).connectError?.message).toBe('unauthorized');
    await waitUntil(() => sup.mirror!.seats.get(4)?.state === 'offline', "op4's seat offline");
    const enabled = await sup.emit('user:update', { opId: randomUUID(), username: 'sup2', disabled: false });
    expect(enabled.user).toMatchObject({ disabled: false });
    await res.ready(hub.url, supervisorAuth({ user: 'sup2' }));
    const changes = (await log(sup)).filter((e) => e.kind === 'account_changed' && e.by === 'sup1').map((e) => [e.username, e.detail]);
    expect(changes).toEqual([
      ['sup2', 'enabled again'],
      ['op4', 'disabled'],
      ['sup2', 'disabled'],
    ]);
    expect((await log(sup)).filter((e) => e.kind === 'session_ended' && e.detail === 'disabled').map((e) => e.username).sort()).toEqual(['op4', 'sup2', 'sup2']);
  });

  it('a supervisor cannot disable or demote themselves, so the floor always keeps one', async () => {
    const hub = await startTestHub(res, { seats: 8 });
    const sup = await res.ready(hub.url, supervisorAuth());
    expect((await sup.emit('user:update', { opId: randomUUID(), username: 'sup1', disabled: true })).error?.code).toBe('conflict');
    expect((await sup.emit('user:update', { opId: randomUUID(), username: 'sup1', role: 'operator' })).error?.code).toBe('conflict');
    expect((await sup.emit('user:update', { opId: randomUUID(), username: 'nobody', name: 'X' })).error?.code).toBe('not_found');
    expect((await users(sup)).find((u) => u.username === 'sup1')).toMatchObject({ role: 'supervisor', disabled: false });
  });

  it('a PIN reset ends the sessions, forgives a lock, and gives a one-time PIN to be changed at the next sign-in', async () => {
    const hub = await startTestHub(res, { seats: 8 });
    const sup = await res.ready(hub.url, supervisorAuth());
    const op = await res.ready(hub.url, operatorAuth(2));
    // Someone else locks op3 out.
    for (let i = 0; i < 5; i++) await expectRefused(hub.url, operatorAuth(3, { pin: '000000' }), 0);
    expect((await expectRefused(hub.url, operatorAuth(3), 0)).connectError?.message).toBe('locked');
    for (const who of ['op2', 'op3']) {
      const reset = await sup.emit('user:resetPin', { opId: randomUUID(), username: who });
      expect(reset.ok, JSON.stringify(reset.error)).toBe(true);
      expect(reset.user).toMatchObject({ username: who, mustChangePin: true });
      expect((reset.user as Account).lockedUntil).toBeUndefined();
      const pin = reset.pin as string;
      const seat = who === 'op2' ? 2 : 3;
      if (who === 'op2') {
        await waitUntil(() => op.disconnectReason !== null, "op2's session to end");
        expect(op.ended).toMatchObject({ reason: 'pin_reset' });
      }
      expect((await expectRefused(hub.url, operatorAuth(seat, { user: who }), 0)).connectError?.message, 'the old PIN').toBe('unauthorized');
      const back = res.client(hub.url, operatorAuth(seat, { user: who, pin }));
      expect(await back.signedIn()).toMatchObject({ mustChangePin: true });
    }
    expect((await log(sup)).filter((e) => e.kind === 'account_changed' && e.detail?.startsWith('PIN reset')).map((e) => [e.username, e.by])).toEqual([
      ['op3', 'sup1'],
      ['op2', 'sup1'],
    ]);
  });

  it('a new role ends the sessions: the person signs in again with the key of the new role', async () => {
    const hub = await startTestHub(res, { seats: 8 });
    const sup = await res.ready(hub.url, supervisorAuth());
    const op = await res.ready(hub.url, operatorAuth(5));
    const ack = await sup.emit('user:update', { opId: randomUUID(), username: 'op5', role: 'supervisor' });
    expect(ack.user).toMatchObject({ role: 'supervisor' });
    await waitUntil(() => op.disconnectReason !== null, "op5's session to end");
    expect(op.ended).toMatchObject({ reason: 'role_changed' });
    expect((await expectRefused(hub.url, operatorAuth(5))).connectError?.message).toBe('unauthorized');
    const promoted = await res.ready(hub.url, supervisorAuth({ user: 'op5' }));
    expect(promoted.session!.user).toEqual({ username: 'op5', name: 'Operator 5', role: 'supervisor' });
  });

  it('a new name shows at once on the seat the person holds and on what they do from then on', async () => {
    const hub = await startTestHub(res, { seats: 8 });
    const sup = await res.ready(hub.url, supervisorAuth());
    const op = await res.ready(hub.url, operatorAuth(6));
    const ack = await sup.emit('user:update', { opId: randomUUID(), username: 'op6', name: 'Farah Khan' });
    expect(ack.user).toMatchObject({ name: 'Farah Khan' });
    await waitUntil(() => sup.mirror!.seats.get(6)?.name === 'Farah Khan', 'seat 6 renamed');
    expect(op.disconnectReason, 'a rename ends no session').toBeNull();
    const t = await op.emit('ticket:create', { opId: randomUUID(), ticket: { phone: '9876501234', category: 'other', description: 'after the rename' } });
    expect(t.ticket).toMatchObject({ createdBy: 'Farah Khan', createdByUser: 'op6' });
    expect((await log(sup)).find((e) => e.kind === 'account_changed' && e.username === 'op6')).toMatchObject({ by: 'sup1', detail: 'name: Operator 6 → Farah Khan' });
  });
});

describe('who is signed in, and the log', () => {
  it('lists every account with where and since when each is signed in, never a PIN or its hash', async () => {
    const hub = await startTestHub(res, { seats: 8 });
    const sup = await res.ready(hub.url, supervisorAuth());
    const op = await res.ready(hub.url, operatorAuth(7));
    const gone = await res.ready(hub.url, operatorAuth(8));
    gone.close();
    const list = await users(sup);
    expect(list.map((u) => u.username)).toEqual(expect.arrayContaining(['sup1', 'sup2', 'op1', 'op7', 'kavita']));
    const op7 = list.find((u) => u.username === 'op7')!;
    expect(op7.sessions).toHaveLength(1);
    expect(op7.sessions[0]).toMatchObject({ seat: 7, address: '127.0.0.1', connected: true, clientId: op.auth.clientId });
    expect(Math.abs(Date.parse(op7.sessions[0]!.since) - Date.now())).toBeLessThan(30_000);
    expect(op7.lastSignInAt).toBeDefined();
    // A window closed without signing out leaves its session open, not connected.
    await waitUntil(() => sup.mirror!.seats.get(8)?.state === 'offline', 'seat 8 gone');
    expect((await users(sup)).find((u) => u.username === 'op8')!.sessions).toEqual([expect.objectContaining({ seat: 8, connected: false })]);
    const raw = JSON.stringify(list);
    expect(raw).not.toContain(TEST_PIN);
    expect(raw).not.toMatch(/hash|salt|scrypt|token/i);
  });

  it('reads the security log newest first, a page at a time', async () => {
    const hub = await startTestHub(res, { seats: 8 });
    const sup = await res.ready(hub.url, supervisorAuth());
    for (let i = 1; i <= 5; i++) await res.ready(hub.url, operatorAuth(i));
    const first = await sup.emit('security:log', { limit: 3 });
    const items = first.items as unknown as SecurityEvent[];
    expect(items).toHaveLength(3);
    expect(items.map((e) => e.username)).toEqual(['op5', 'op4', 'op3']);
    expect(items.every((e) => e.kind === 'signed_in')).toBe(true);
    const next = await sup.emit('security:log', { limit: 3, before: first.next });
    expect((next.items as unknown as SecurityEvent[]).map((e) => e.username)).toEqual(['op2', 'op1', 'sup1']);
    expect(items[0]!.id).toBeGreaterThan(items[2]!.id);
  });
});
