import { describe, expect, it } from 'vitest';
import type { Session } from '../../../../shared/protocol';
import { memoryStore } from '../../hubLink/storage';
import { forgetSession, loadRemembered, rememberSignIn, signInFromForm, unsentByPerson, updateSession } from './session';

const form = (f: Partial<{ seat: string; user: string; pin: string; key: string }>) => ({ seat: '', user: '', pin: '', key: '', ...f });

describe('the sign-in form', () => {
  it('makes an operator’s sign-in with a seat, the user name trimmed and in small letters', () => {
    expect(signInFromForm('operator', form({ seat: ' 12 ', user: ' Asha ', pin: '482913', key: ' k ' }), '')).toEqual({
      ok: true,
      attempt: { seat: 12, user: 'asha', pin: '482913', key: 'k', keyTyped: true },
    });
  });

  it('asks an operator for the seat first, then the user, the PIN and the key', () => {
    expect(signInFromForm('operator', form({}), '')).toMatchObject({ ok: false, field: 'seat', error: 'signIn.needSeat' });
    expect(signInFromForm('operator', form({ seat: '2.5', user: 'asha', pin: '1' }), 'k')).toMatchObject({ field: 'seat' });
    expect(signInFromForm('operator', form({ seat: '3', user: ' ' }), 'k')).toMatchObject({ field: 'user', error: 'signIn.needUser' });
    expect(signInFromForm('operator', form({ seat: '3', user: 'asha devi', pin: '1' }), 'k')).toMatchObject({ field: 'user', error: 'signIn.badUser' });
    expect(signInFromForm('operator', form({ seat: '3', user: 'asha' }), 'k')).toMatchObject({ field: 'pin', error: 'signIn.needPin' });
    expect(signInFromForm('operator', form({ seat: '3', user: 'asha', pin: 'x'.repeat(129) }), 'k')).toMatchObject({ field: 'pin', error: 'signIn.pinTooLong' });
    expect(signInFromForm('operator', form({ seat: '3', user: 'asha', pin: '482913' }), '')).toMatchObject({ field: 'key', error: 'signIn.needKey' });
  });

  it('uses the key the workstation holds when none is typed, and never takes the PIN apart (spaces are part of a passphrase)', () => {
    expect(signInFromForm('supervisor', form({ seat: '4', user: 'meena', pin: ' ration kit ' }), 'held')).toEqual({
      ok: true,
      attempt: { user: 'meena', pin: ' ration kit ', key: 'held', keyTyped: false },
    });
  });
});

const session: Session = { token: 'token-0123456789abcdef', expiresAt: '2026-11-29T02:00:00.000Z', user: { username: 'asha', name: 'Asha Devi', role: 'operator' }, mustChangePin: true };

describe('what a screen remembers', () => {
  it('keeps the session, seat and user after a sign-in, and a typed key once it worked; never the PIN', () => {
    const store = memoryStore();
    rememberSignIn('operator', { seat: 12, user: 'asha', key: 'typed-key', keyTyped: true }, session, store);
    const r = loadRemembered('operator', store);
    expect(r).toEqual({ key: 'typed-key', seat: 12, user: 'asha', session: { token: session.token, expiresAt: session.expiresAt, user: session.user, mustChangePin: true, key: 'typed-key', seat: 12 } });
    expect([...store.data.values()].join()).not.toMatch(/482913/);
  });

  it('does not remember a key the desktop app held: it is IT’s configuration, read again each time', () => {
    const store = memoryStore();
    rememberSignIn('operator', { seat: 12, user: 'asha', key: 'from-config', keyTyped: false }, session, store);
    expect(loadRemembered('operator', store).key).toBe('');
  });

  it('keeps the hub’s newest word, and forgets only the session at sign-out', () => {
    const store = memoryStore();
    rememberSignIn('supervisor', { user: 'meena', key: 'k', keyTyped: true }, { ...session, user: { username: 'meena', name: 'Meena', role: 'supervisor' } }, store);
    updateSession('supervisor', { ...session, token: 'token-2-0123456789', user: { username: 'meena', name: 'Meena', role: 'supervisor' }, mustChangePin: false }, store);
    expect(loadRemembered('supervisor', store).session).toMatchObject({ token: 'token-2-0123456789', key: 'k' });
    expect(loadRemembered('supervisor', store).session).not.toHaveProperty('mustChangePin');
    forgetSession('supervisor', store);
    expect(loadRemembered('supervisor', store)).toEqual({ key: 'k', user: 'meena' });
  });

  it('reads what v1 kept (a name, the key, a seat): the key and seat fill the form, there is no session to resume', () => {
    const store = memoryStore();
    store.setItem('hcr.session', JSON.stringify({ name: 'Asha', key: 'old-key', seat: 7 }));
    expect(loadRemembered('operator', store)).toEqual({ key: 'old-key', seat: 7 });
  });
});

describe('changes waiting on this screen', () => {
  it('are listed by seat and person; those from before personal accounts by seat alone', () => {
    const store = Object.assign(memoryStore(), { length: 0, key: (_: number): string | null => null });
    const items: [string, string][] = [
      ['hcr.outbox.seat-12.user-ravi', JSON.stringify({ v: 1, ops: [{}, {}] })],
      ['hcr.outbox.seat-12.user-asha', JSON.stringify({ v: 1, ops: [{}] })],
      ['hcr.outbox.supervisor.user-meena', JSON.stringify({ v: 1, ops: [{}] })],
      ['hcr.outbox.seat-3.user-neha', JSON.stringify({ v: 1, ops: [] })],
      ['hcr.outbox.seat-7', JSON.stringify({ v: 1, ops: [{}] })],
    ];
    for (const [k, v] of items) store.setItem(k, v);
    store.length = items.length;
    store.key = (i: number) => items[i]?.[0] ?? null;
    expect(unsentByPerson(store)).toEqual([
      { seat: 7, count: 1 },
      { seat: 12, user: 'asha', count: 1 },
      { seat: 12, user: 'ravi', count: 2 },
    ]);
  });
});
