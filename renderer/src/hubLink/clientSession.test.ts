/** The hub client with personal accounts: the PIN once, the token after, the outbox per person. */
import { describe, expect, it } from 'vitest';
import type { Session, Snapshot } from '../../../shared/protocol';
import { HubClient, outboxScope } from './client';
import type { Credential } from './credentials';
import { memoryStore } from './storage';
import { FakeSocket } from './testing';

const SNAP: Snapshot = { seq: 1, counter: { total: 100, today: 1 }, seats: [{ seat: 3, state: 'ready', since: '2026-11-28T09:00:00.000Z' }], tickets: [], serverTime: '2026-11-28T10:00:00.000Z' };

function sessionOf(username: string, extra: Partial<Session> = {}): Session {
  return { token: `token-of-${username}-0123456789`, expiresAt: '2026-11-29T02:00:00.000Z', user: { username, name: username.toUpperCase(), role: 'operator' }, ...extra };
}

function person(user: string, credential: Credential, store = memoryStore(), session?: Session) {
  let socket!: FakeSocket;
  let n = 0;
  const client = new HubClient({
    url: 'http://hub',
    auth: { key: 'k', clientId: 'client-1', seat: 3, user },
    credential,
    ...(session ? { session } : {}),
    storage: store,
    connect: (_url, auth) => (socket = new FakeSocket(auth)),
    newId: () => `${user}-op${++n}`,
    ackTimeoutMs: 50,
    retryDelayMs: () => 1,
  });
  client.start();
  return { client, socket: () => socket, store };
}

describe('signing in as a person', () => {
  it('sends the PIN in the first handshake only; reconnects with the token', () => {
    const { client, socket } = person('asha', { pin: '482913' });
    const s = socket();
    expect(s.lastAuth).toMatchObject({ user: 'asha', seat: 3, pin: '482913' });
    expect(s.lastAuth).not.toHaveProperty('token');
    s.open(SNAP);
    s.fire('session', sessionOf('asha'));
    expect(client.getView().session?.user.name).toBe('ASHA');
    expect(client.getView().name).toBe('ASHA');
    s.drop();
    s.connect();
    expect(s.lastAuth).toMatchObject({ user: 'asha', token: 'token-of-asha-0123456789' });
    expect(s.lastAuth).not.toHaveProperty('pin');
  });

  it('sends queued ops only once the hub has said whose session it is', () => {
    const { client, socket } = person('asha', { pin: '482913' });
    client.setSeat('break');
    const s = socket();
    s.open(SNAP);
    expect(s.sent).toHaveLength(0);
    s.fire('session', sessionOf('asha'));
    expect(s.sent.map((x) => x.event)).toEqual(['seat:set']);
  });

  it('holds the outbox while the person must choose a PIN, and sends it once they have', async () => {
    const { client, socket } = person('asha', { pin: '111111' });
    client.setSeat('ready');
    const s = socket();
    s.open(SNAP);
    s.fire('session', sessionOf('asha', { mustChangePin: true }));
    expect(client.getView().session?.mustChangePin).toBe(true);
    const changing = client.changePin('111111', '482913');
    expect(s.sent.map((x) => x.event)).toEqual(['pin:change']);
    expect(s.sent[0]!.payload).toEqual({ current: '111111', next: '482913' });
    s.sent[0]!.ack({ ok: true, user: { username: 'asha', name: 'ASHA', role: 'operator' } });
    expect((await changing).ok).toBe(true);
    expect(client.getView().session?.mustChangePin).toBe(false);
    expect(s.sent.map((x) => x.event)).toEqual(['pin:change', 'seat:set']);
  });

  it('stops for good when the hub ends the session, and says why', () => {
    const { client, socket } = person('asha', { pin: '482913' });
    const s = socket();
    s.open(SNAP);
    s.fire('session', sessionOf('asha'));
    s.fire('session:ended', { reason: 'disabled', message: 'disabled by a supervisor' });
    const connects = s.connects;
    // The hub disconnects next: no reconnect follows, with the token or anything else.
    s.fire('disconnect', 'io server disconnect');
    expect(s.connects).toBe(connects);
    expect(client.getView()).toMatchObject({ connection: 'ended', ended: 'disabled' });
  });

  it('a refused token: refused, with the session it was (so the console can say the session is over)', () => {
    const remembered = sessionOf('asha');
    const { client, socket } = person('asha', { token: remembered.token }, memoryStore(), remembered);
    const s = socket();
    expect(s.lastAuth).toMatchObject({ token: remembered.token });
    s.active = false;
    s.fire('connect_error', new Error('unauthorized'));
    expect(client.getView()).toMatchObject({ connection: 'refused', refusal: 'unauthorized', session: remembered });
  });

  it('signs out at the hub, then forgets the token', async () => {
    const { client, socket } = person('asha', { pin: '482913' });
    const s = socket();
    s.open(SNAP);
    s.fire('session', sessionOf('asha'));
    const out = client.signOut();
    expect(s.sent.map((x) => x.event)).toEqual(['session:signOut']);
    s.sent[0]!.ack({ ok: true });
    await out;
    expect(client.getView().session).toBeNull();
    expect(s.connected).toBe(false);
  });
});

describe('the outbox per person', () => {
  it('keeps one person’s ops from another’s session at the same seat', () => {
    const store = memoryStore();
    const a = person('asha', { pin: '482913' }, store);
    a.client.createTicket({ phone: '9876543210', category: 'other', description: 'Queued by Asha offline' });
    a.client.stop();

    const b = person('ravi', { pin: '739184' }, store);
    expect(b.client.getView().ops).toHaveLength(0);
    b.socket().open(SNAP);
    b.socket().fire('session', sessionOf('ravi'));
    expect(b.socket().sent).toHaveLength(0);
    b.client.stop();

    const again = person('asha', { pin: '482913' }, store);
    expect(again.client.getView().ops.map((o) => o.name)).toEqual(['ticket:create']);
    again.socket().open(SNAP);
    again.socket().fire('session', sessionOf('asha'));
    expect(again.socket().sent.map((x) => x.payload.opId)).toEqual(['asha-op1']);
  });

  it('is named by seat and person; a supervisor’s by person', () => {
    expect(outboxScope({ seat: 3, user: 'asha' })).toBe('seat-3.user-asha');
    expect(outboxScope({ user: 'meena' }, 'supervisor')).toBe('supervisor.user-meena');
    expect(outboxScope({ seat: 3 })).toBe('seat-3');
  });
});

describe('an outbox from before personal accounts', () => {
  it('of the supervisor’s console is taken over by the first supervisor to sign in there', () => {
    const store = memoryStore();
    const queued = { opId: 'note-before-accounts', name: 'ticket:note', payload: { id: 't1', text: 'Called the ward office' }, queuedAt: '2026-11-28T09:00:00.000Z', attempts: 0 };
    store.setItem('hcr.outbox.supervisor', JSON.stringify({ v: 1, ops: [queued], resolved: [], problems: [] }));
    const client = new HubClient({ url: 'http://hub', auth: { key: 'k', clientId: 'c', user: 'meena' }, outboxScope: 'supervisor', credential: { pin: '482913' }, storage: store, connect: (_u, a) => new FakeSocket(a) });
    expect(client.getView().ops.map((o) => o.opId)).toEqual(['note-before-accounts']);
    expect(store.getItem('hcr.outbox.supervisor')).toBeNull();
  });

  it('is taken over and sent by the first person to sign in at its seat, ahead of their own ops', () => {
    const store = memoryStore();
    const queued = { opId: 'before-accounts', name: 'ticket:create', payload: { ticket: { phone: '9876543210', category: 'other', description: 'Queued before the upgrade' } }, queuedAt: '2026-11-28T09:00:00.000Z', attempts: 0 };
    store.setItem('hcr.outbox.seat-3', JSON.stringify({ v: 1, ops: [queued], resolved: [], problems: [] }));
    const a = person('asha', { pin: '482913' }, store);
    expect(a.client.getView().ops.map((o) => o.opId)).toEqual(['before-accounts']);
    expect(store.getItem('hcr.outbox.seat-3')).toBeNull();
    a.client.setSeat('ready');
    a.socket().open(SNAP);
    a.socket().fire('session', sessionOf('asha'));
    expect(a.socket().sent.map((x) => x.payload.opId)).toEqual(['before-accounts']);
    a.client.stop();
    // Nobody else gets it a second time.
    const b = person('ravi', { pin: '739184' }, store);
    expect(b.client.getView().ops).toHaveLength(0);
  });
});
