/**
 * The account requests. Supervisors add people, rename them, change their role, disable or
 * re-enable them, give them a new one-time PIN, free a seat and read the security log; anyone
 * signed in changes their own PIN and signs out. Every change to an account is written to the
 * security log in the transaction that makes it, with who made it.
 *
 * PINs are hashed before the writer is asked (a hash takes a while; a transaction must not),
 * and a one-time PIN is in the answer only: the op log keeps the answer without it
 * (accounts/oneTimePins.ts). Sessions a change ends are ended in the same transaction, and
 * their sockets told and disconnected once it is committed and the request answered.
 */
import type { Account, AccountRole, SessionEndReason, SignedIn } from '../../../shared/protocol/accounts';
import type { Seat } from '../../../shared/protocol/seat';
import { hashPin, oneTimePin, pinMatches } from '../accounts/pinHash';
import { OpError } from '../errors';
import { activeSupervisors, getAccount, insertAccount, listAccounts, saveAccountDetails, savePin, type StoredAccount } from '../store/accounts';
import { once } from '../store/ops';
import { putSeat } from '../store/seats';
import { logSecurity, securityLogPage } from '../store/securityLog';
import { endSessions, openSessions, type SessionsOf, type StoredSession } from '../store/sessions';
import type { Tx } from '../store/writer';
import { opKey, type HubParts, type PersonCaller } from './context';
import type { Handler } from './handler';
import { goOffline } from './seats';

/** An account as supervisors see it: never its PIN's hash. */
function accountView(parts: HubParts, a: StoredAccount, sessions: readonly StoredSession[] = []): Account {
  const lockedUntil = parts.signIn.throttle.userLockedUntil(a.username);
  return {
    username: a.username,
    name: a.name,
    role: a.role,
    disabled: a.disabled,
    mustChangePin: a.mustChangePin,
    createdAt: a.createdAt,
    ...(a.createdBy ? { createdBy: a.createdBy } : {}),
    ...(a.lastSignInAt ? { lastSignInAt: a.lastSignInAt } : {}),
    ...(lockedUntil ? { lockedUntil: new Date(lockedUntil).toISOString() } : {}),
    sessions: sessions.map((s) => signedIn(parts, s)),
  };
}

function signedIn(parts: HubParts, s: StoredSession): SignedIn {
  return {
    ...(s.seat !== undefined ? { seat: s.seat } : {}),
    address: s.address ?? '',
    since: s.createdAt,
    ...(s.clientId ? { clientId: s.clientId } : {}),
    connected: parts.people.online(s.tokenHash),
  };
}

/** Ends the sessions `of` selects, each written to the security log with who ended it. */
async function endAndLog(tx: Tx, of: SessionsOf, reason: SessionEndReason, by: string): Promise<StoredSession[]> {
  const ended = await endSessions(tx, of, reason);
  for (const s of ended) await logSecurity(tx, { kind: 'session_ended', username: s.username, by, ...(s.seat !== undefined ? { seat: s.seat } : {}), ...(s.address ? { address: s.address } : {}), detail: reason });
  return ended;
}

/**
 * Tells the sockets of sessions a request ended, once its answer is on its way: the request's
 * own socket may be one of them (a sign-out), and its ack must reach it before the disconnect.
 */
function afterAnswer(parts: HubParts, of: SessionsOf, reason: SessionEndReason): void {
  setImmediate(() => parts.people.disconnect(of, reason));
}

function requireAccount(account: StoredAccount | undefined, username: string): StoredAccount {
  if (!account) throw new OpError('not_found', `there is no account ${username}`);
  return account;
}

export const listUsers: Handler<'users:list'> = async (parts) => {
  const [accounts, sessions] = [await listAccounts(parts.reader), await openSessions(parts.reader, new Date())];
  return { users: accounts.map((a) => accountView(parts, a, sessions.filter((s) => s.username === a.username))) };
};

/** The one-time PIN of an op just applied, or of its first application when it is a retry. */
function oneTimePinOf(parts: HubParts, op: string, username: string): string {
  const pin = parts.accounts.oneTimePins.get(op);
  if (!pin) throw new OpError('conflict', `this was already done for ${username}, and its one-time PIN is shown only once: reset the PIN to give a new one`);
  return pin;
}

export const createUser: Handler<'user:create'> = async (parts, caller, req) => {
  const pin = oneTimePin();
  const hash = await hashPin(pin, parts.accounts.pinHashing);
  const key = opKey(caller, req.opId, 'user:create');
  const op = `${caller.clientId}/${req.opId}`;
  const { user } = await parts.writer.write((tx) =>
    once<{ user: Account }>(tx, key, async () => {
      if (await getAccount(tx.db, req.username)) throw new OpError('conflict', `the username ${req.username} is taken`);
      const account = { username: req.username, name: req.name, role: req.role, pin: hash, mustChangePin: true, disabled: false, createdAt: tx.now.toISOString(), createdBy: caller.username };
      await insertAccount(tx, account);
      await logSecurity(tx, { kind: 'account_changed', username: req.username, by: caller.username, detail: `created: ${req.role}, ${req.name}` });
      parts.accounts.oneTimePins.keep(op, pin);
      return { user: accountView(parts, { ...account, updatedAt: account.createdAt }) };
    }),
  );
  return { user, pin: oneTimePinOf(parts, op, user.username) };
};

/** Refuses a change that would leave the floor without a supervisor, or a supervisor without their own account. */
async function requireSupervisorsKept(tx: Tx, caller: PersonCaller, account: StoredAccount, next: { role: AccountRole; disabled: boolean }): Promise<void> {
  const self = account.username === caller.username;
  if (self && next.disabled) throw new OpError('conflict', 'you cannot disable your own account; ask another supervisor');
  if (self && next.role !== account.role) throw new OpError('conflict', 'you cannot change your own role; ask another supervisor');
  const losesSupervisor = account.role === 'supervisor' && !account.disabled && (next.disabled || next.role !== 'supervisor');
  if (losesSupervisor && (await activeSupervisors(tx.db)).length <= 1) throw new OpError('conflict', `${account.username} is the last active supervisor: add another supervisor first`);
}

export const updateUser: Handler<'user:update'> = async (parts, caller, req) => {
  let ended: SessionEndReason | undefined;
  let renamed: string | undefined;
  const result = await parts.writer.write((tx) =>
    once<{ user: Account }>(tx, opKey(caller, req.opId, 'user:update'), async () => {
      const account = requireAccount(await getAccount(tx.db, req.username), req.username);
      const next = { ...account, name: req.name ?? account.name, role: req.role ?? account.role, disabled: req.disabled ?? account.disabled };
      await requireSupervisorsKept(tx, caller, account, next);
      const changes = [
        ...(next.name !== account.name ? [`name: ${account.name} → ${next.name}`] : []),
        ...(next.role !== account.role ? [`role: ${account.role} → ${next.role}`] : []),
        ...(next.disabled !== account.disabled ? [next.disabled ? 'disabled' : 'enabled again'] : []),
      ];
      if (changes.length === 0) return { user: accountView(parts, account) };
      await saveAccountDetails(tx, next);
      await logSecurity(tx, { kind: 'account_changed', username: account.username, by: caller.username, detail: changes.join('; ') });
      if (next.disabled && !account.disabled) ended = 'disabled';
      else if (next.role !== account.role) ended = 'role_changed';
      if (ended) await endAndLog(tx, { username: account.username }, ended, caller.username);
      if (next.name !== account.name) {
        renamed = next.name;
        // The seat they hold shows the new name on every screen.
        for (const seat of tx.state.seats.values()) if (seat.user === account.username) await putSeat(tx, { ...seat, name: next.name });
      }
      return { user: accountView(parts, { ...next, updatedAt: tx.now.toISOString() }) };
    }),
  );
  if (renamed !== undefined) parts.people.rename(req.username, renamed);
  if (ended) afterAnswer(parts, { username: req.username }, ended);
  return result;
};

export const resetPin: Handler<'user:resetPin'> = async (parts, caller, req) => {
  const pin = oneTimePin();
  const hash = await hashPin(pin, parts.accounts.pinHashing);
  const op = `${caller.clientId}/${req.opId}`;
  let applied = false;
  const { user } = await parts.writer.write((tx) =>
    once<{ user: Account }>(tx, opKey(caller, req.opId, 'user:resetPin'), async () => {
      const account = requireAccount(await getAccount(tx.db, req.username), req.username);
      await savePin(tx, account.username, hash, true);
      await logSecurity(tx, { kind: 'account_changed', username: account.username, by: caller.username, detail: 'PIN reset: a one-time PIN, to be changed at the next sign-in' });
      await endAndLog(tx, { username: account.username }, 'pin_reset', caller.username);
      parts.accounts.oneTimePins.keep(op, pin);
      // A new PIN forgives the failures that locked the old one.
      parts.signIn.throttle.forgive(account.username);
      applied = true;
      return { user: accountView(parts, { ...account, pin: hash, mustChangePin: true, updatedAt: tx.now.toISOString() }) };
    }),
  );
  if (applied) {
    // The first supervisor's file names a PIN that no longer works.
    parts.accounts.firstSupervisor.forget(req.username);
    afterAnswer(parts, { username: req.username }, 'pin_reset');
  }
  return { user, pin: oneTimePinOf(parts, op, user.username) };
};

export const freeSeat: Handler<'seat:free'> = async (parts, caller, req) => {
  if (req.seat > parts.seats) throw new OpError('not_found', `there is no seat ${req.seat}`);
  const result = await parts.writer.write((tx) =>
    once<{ seat: Seat }>(tx, opKey(caller, req.opId, 'seat:free'), async () => {
      // The session recorded at the seat, and the one of whoever's socket is on it now.
      await endAndLog(tx, { seat: req.seat }, 'seat_freed', caller.username);
      for (const session of parts.people.sessionsAt(req.seat)) await endAndLog(tx, { tokenHash: session }, 'seat_freed', caller.username);
      return { seat: await goOffline(tx, tx.state.seats.get(req.seat)!) };
    }),
  );
  afterAnswer(parts, { seat: req.seat }, 'seat_freed');
  return result;
};

export const securityLog: Handler<'security:log'> = async (parts, _caller, req) => securityLogPage(parts.reader, req?.limit ?? 100, req?.before);

export const signOut: Handler<'session:signOut'> = async (parts, caller) => {
  await parts.writer.write(async (tx) => {
    await endSessions(tx, { tokenHash: caller.session }, 'signed_out');
    await logSecurity(tx, { kind: 'signed_out', username: caller.username, address: caller.address, ...(caller.seat !== undefined ? { seat: caller.seat } : {}) });
  });
  afterAnswer(parts, { tokenHash: caller.session }, 'signed_out');
  return {};
};

export const changePin: Handler<'pin:change'> = async (parts, caller, req) => {
  if (req.next === req.current) throw new OpError('invalid', 'choose a PIN other than the one you have');
  const locked = () => new OpError('rate_limited', 'too many wrong PINs: this account is locked for a while; ask a supervisor');
  if (parts.signIn.throttle.userLockedUntil(caller.username)) throw locked();
  const account = requireAccount(await getAccount(parts.reader, caller.username), caller.username);
  const user = { username: account.username, name: account.name, role: account.role };
  if (!(await pinMatches(req.current, account.pin))) {
    // A retry whose first answer was lost: the new PIN is already the one in force.
    if (!account.mustChangePin && (await pinMatches(req.next, account.pin))) return { user };
    // Otherwise as a failed sign-in of theirs: someone at an unattended console may be guessing.
    await parts.signIn.recordFailure(caller.username, caller.address, { kind: 'refused', username: caller.username, address: caller.address, detail: 'wrong current PIN when changing it' });
    if (parts.signIn.throttle.userLockedUntil(caller.username)) throw locked();
    throw new OpError('forbidden', 'the current PIN is not right');
  }
  const hash = await hashPin(req.next, parts.accounts.pinHashing);
  await parts.writer.write(async (tx) => {
    await savePin(tx, caller.username, hash, false);
    await logSecurity(tx, { kind: 'pin_changed', username: caller.username, address: caller.address, ...(caller.seat !== undefined ? { seat: caller.seat } : {}) });
  });
  parts.accounts.firstSupervisor.forget(caller.username);
  // Let them onto the floor once this answer has gone: their snapshot follows it.
  setImmediate(() => parts.people.pinChosen(caller.username));
  return { user };
};
