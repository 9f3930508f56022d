/**
 * Signing a person in, the person's half of the handshake (auth.ts has the key's half): a
 * username and PIN, or the token of a session already open. Every way of failing answers the
 * same word, `unauthorized`, and a PIN attempt takes the same time whether the username exists
 * or not (an unknown one is checked against a hash no PIN matches); `locked` once the throttle
 * says so. The supervisors read why in the security log.
 *
 * Checking is split from opening: the handshake checks the credentials, then whether the seat is
 * free, and only then opens (or resumes) the session, in the writer, after checking once more
 * that nothing changed meanwhile (a PIN reset, a sign-out elsewhere, a disabled account).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { AccountRole } from '../../../shared/protocol/accounts';
import type { ReadDb } from '../db/connection';
import type { LogError } from '../options';
import { getAccount, noteSignIn, type StoredAccount } from '../store/accounts';
import { failuresSince, logSecurity, type NewSecurityEvent } from '../store/securityLog';
import { findSession, insertSession, moveSession, type StoredSession } from '../store/sessions';
import type { Writer } from '../store/writer';
import type { SignInLimits } from './limits';
import { pinMatches, unmatchableHash, type ScryptParams } from './pinHash';
import { SignInThrottle } from './throttle';

export type Attempt = {
  /** The role of the key presented. */
  role: AccountRole;
  user?: string;
  pin?: string;
  token?: string;
  seat?: number;
  clientId: string;
  address: string;
};

/** Credentials found right: the account, and for a token the session it continues. */
export type Verified = { account: StoredAccount; session?: StoredSession };
/** A session open for the person: new (a PIN sign-in) or resumed (a token). */
export type Opened = { account: StoredAccount; session: StoredSession; token: string; resumed: boolean };
export type Refusal = 'unauthorized' | 'locked';

export type SignInDeps = { reader: ReadDb; writer: Writer; limits: SignInLimits; pinHashing: ScryptParams; sessionMs: number; logError: LogError };

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** What `session` tells the person and what the hub remembers of it. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: tokenHash(token) };
}

export class SignIn {
  readonly throttle: SignInThrottle;
  private readonly nobody: ReturnType<typeof unmatchableHash>;

  constructor(private readonly deps: SignInDeps) {
    this.throttle = new SignInThrottle(deps.limits);
    this.nobody = unmatchableHash(deps.pinHashing);
  }

  /** Rebuilds the lockouts of the last window from the security log (at start). */
  async restore(now = new Date()): Promise<void> {
    const since = new Date(now.getTime() - Math.max(this.deps.limits.windowMs, this.deps.limits.lockMs)).toISOString();
    this.throttle.restore(await failuresSince(this.deps.reader, since));
  }

  async verify(a: Attempt): Promise<Verified | Refusal> {
    if (this.throttle.addressLockedUntil(a.address)) return 'locked';
    if (a.token !== undefined) {
      const resumed = await this.throttle.gate(a.address, () => this.verifyToken(a, a.token!));
      if (resumed === 'busy') return 'locked';
      // A token that no longer works (expired, signed out) with a PIN beside it: the PIN decides.
      if (resumed !== 'unauthorized' || a.pin === undefined) return resumed;
    }
    if (a.user === undefined || a.pin === undefined) return 'unauthorized';
    if (this.throttle.userLockedUntil(a.user)) return 'locked';
    const checked = await this.throttle.gate(a.address, () => this.verifyPin(a, a.user!, a.pin!));
    return checked === 'busy' ? 'locked' : checked;
  }

  /** Opens the session `v` was checked for, or resumes the one its token belongs to. */
  async open(v: Verified, a: Attempt): Promise<Opened | Refusal> {
    const fresh = v.session ? null : newToken();
    return this.deps.writer.write(async (tx): Promise<Opened | Refusal> => {
      const account = await getAccount(tx.db, v.account.username);
      // Changed since it was checked (disabled, another role, for a PIN sign-in a new PIN): as if it had failed.
      if (!account || account.disabled || account.role !== a.role) return 'unauthorized';
      if (!v.session && account.pin.hash !== v.account.pin.hash) return 'unauthorized';
      const where = { ...(a.seat !== undefined ? { seat: a.seat } : {}), clientId: a.clientId, address: a.address };
      if (v.session) {
        const session = await findSession(tx.db, v.session.tokenHash);
        if (!session || !isOpen(session, tx.now)) return 'unauthorized';
        await moveSession(tx, session.tokenHash, where);
        await logSecurity(tx, { kind: 'resumed', username: account.username, address: a.address, ...(a.seat !== undefined ? { seat: a.seat } : {}) });
        return { account, session: { ...session, ...where }, token: a.token!, resumed: true };
      }
      const session: StoredSession = {
        tokenHash: fresh!.hash,
        username: account.username,
        role: account.role,
        ...where,
        createdAt: tx.now.toISOString(),
        expiresAt: new Date(tx.now.getTime() + this.deps.sessionMs).toISOString(),
      };
      await insertSession(tx, session);
      await noteSignIn(tx, account.username);
      await logSecurity(tx, { kind: 'signed_in', username: account.username, address: a.address, ...(a.seat !== undefined ? { seat: a.seat } : {}) });
      return { account, session, token: fresh!.token, resumed: false };
    });
  }

  private async verifyToken(a: Attempt, token: string): Promise<Verified | Refusal> {
    const session = await findSession(this.deps.reader, tokenHash(token));
    const now = new Date();
    if (!session) {
      // No hub ever issued this: a guess, counted against the address like a wrong PIN.
      // (The username is named in the detail only: the log's `username` is what counts towards a lock.)
      await this.recordFailure(undefined, a.address, { kind: 'refused', address: a.address, detail: `unknown session token${a.user !== undefined ? ` (as ${a.user})` : ''}` });
      return 'unauthorized';
    }
    // A session that ended or expired is a console coming back late, not a guess: refused, not counted.
    if (!isOpen(session, now) || (a.user !== undefined && a.user !== session.username)) return 'unauthorized';
    const account = await getAccount(this.deps.reader, session.username);
    if (!account || account.disabled) return 'unauthorized';
    if (account.role !== a.role) {
      await this.recordFailure(undefined, a.address, { kind: 'refused', address: a.address, detail: `${account.username}'s session (${account.role}) with the ${a.role} key` });
      return 'unauthorized';
    }
    return { account, session };
  }

  private async verifyPin(a: Attempt, username: string, pin: string): Promise<Verified | Refusal> {
    const account = await getAccount(this.deps.reader, username);
    // Always one hash, so that an unknown username takes as long as a known one. The locks may
    // have closed while this attempt waited for its turn to hash: checked once it has it.
    const locked = () => this.throttle.addressLockedUntil(a.address) !== undefined || this.throttle.userLockedUntil(username) !== undefined;
    const matches = await pinMatches(pin, account?.pin ?? this.nobody, locked);
    if (matches === 'skipped') return 'locked';
    const why = !account ? 'unknown username' : !matches ? 'wrong PIN' : account.disabled ? 'account disabled' : account.role !== a.role ? `${account.role} account, ${a.role} key` : null;
    if (why === null) return { account: account! };
    await this.recordFailure(username, a.address, { kind: 'refused', username, address: a.address, ...(a.seat !== undefined ? { seat: a.seat } : {}), detail: why });
    return 'unauthorized';
  }

  /** Counts a failure and writes it, and any lock it set off, to the security log. */
  async recordFailure(username: string | undefined, address: string, event: NewSecurityEvent): Promise<void> {
    const { userLocked, addressLocked } = this.throttle.fail(username, address);
    const limits = this.deps.limits;
    const minutes = Math.round(limits.lockMs / 60_000);
    await this.deps.writer
      .write(async (tx) => {
        await logSecurity(tx, event);
        if (userLocked) await logSecurity(tx, { kind: 'locked', username, address, detail: `${limits.userFailures} failed sign-ins; locked for ${minutes} minutes` });
        if (addressLocked) await logSecurity(tx, { kind: 'throttled', address, detail: `${limits.addressFailures} failed sign-ins from this address; locked for ${minutes} minutes` });
      })
      .catch((err) => this.deps.logError('could not write a failed sign-in to the security log', err));
  }
}

export function isOpen(s: StoredSession, now: Date): boolean {
  return s.endedAt === undefined && Date.parse(s.expiresAt) > now.getTime();
}
