/**
 * Failed sign-ins, held back two ways, so that guessing a PIN cannot run at wire speed:
 *
 * - by username: `userFailures` failures within `windowMs` lock the username for `lockMs` after
 *   the last of them (unknown usernames too, so that a lock says nothing about who exists);
 * - by address: past `freeFailures` recent failures, the address's attempts run one at a time,
 *   each waiting a delay after its last failure that doubles with every further one (up to
 *   `maxDelayMs`); `addressFailures` failures lock the address, whatever username it tries.
 *
 * An address with no more than a mistyped PIN or two is not held up at all: forty seats signing
 * in at a shift change run side by side. Attempts already under way together when the failures
 * mount are checked against the locks again just before their PIN is hashed (signIn.ts), so a
 * burst gets no more guesses than the locks allow. The counts live in memory, where every
 * attempt checks them before its PIN is hashed; the security log keeps them too, and they are
 * rebuilt from it at start, so a restart unlocks nothing.
 */
import type { SecurityEvent } from '../../../shared/protocol/accounts';
import type { SignInLimits } from './limits';

type Counted = { failures: number[]; lockedUntil: number };
type AddressRecord = Counted & { turn: Promise<unknown>; waiting: number };

/** Attempts from one address that may wait their turn; more are refused at once. */
const MAX_WAITING = 16;
/** Entries kept before the ones with nothing recent are swept out. */
const SWEEP_ABOVE = 1000;

export type Failure = { userLocked: boolean; addressLocked: boolean };

export class SignInThrottle {
  private readonly users = new Map<string, Counted>();
  private readonly addresses = new Map<string, AddressRecord>();

  constructor(
    private readonly limits: SignInLimits,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Until when `username` is locked, if it is. */
  userLockedUntil(username: string): number | undefined {
    const until = this.users.get(username)?.lockedUntil ?? 0;
    return until > this.clock() ? until : undefined;
  }

  addressLockedUntil(address: string): number | undefined {
    const until = this.addresses.get(address)?.lockedUntil ?? 0;
    return until > this.clock() ? until : undefined;
  }

  /**
   * Runs `attempt` for `address`: at once while the address has no more than `freeFailures`
   * recent failures; past them, after the address's previous attempt has finished and its delay
   * has passed. `busy` when too many attempts from there are already waiting.
   */
  async gate<T>(address: string, attempt: () => Promise<T>): Promise<T | 'busy'> {
    const a = this.addresses.get(address);
    if (!a || this.recent(a.failures).length < this.limits.freeFailures) return attempt();
    if (a.waiting >= MAX_WAITING) return 'busy';
    a.waiting += 1;
    const mine = a.turn.then(async () => {
      const wait = this.delayUntil(a) - this.clock();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      return attempt();
    });
    a.turn = mine.catch(() => undefined);
    try {
      return await mine;
    } finally {
      a.waiting -= 1;
    }
  }

  /**
   * Counts a failed attempt for `username` (when one was given) and `address`; says whether it
   * locked either. Synchronous: the next attempt sees it before it hashes anything.
   */
  fail(username: string | undefined, address: string): Failure {
    const now = this.clock();
    let userLocked = false;
    if (username !== undefined) {
      const u = this.users.get(username) ?? { failures: [], lockedUntil: 0 };
      u.failures = [...this.recent(u.failures), now];
      if (u.failures.length >= this.limits.userFailures && u.lockedUntil <= now) {
        u.lockedUntil = now + this.limits.lockMs;
        u.failures = [];
        userLocked = true;
      }
      this.users.set(username, u);
    }
    const a = this.addresses.get(address) ?? { failures: [], lockedUntil: 0, turn: Promise.resolve(), waiting: 0 };
    a.failures = [...this.recent(a.failures), now];
    let addressLocked = false;
    if (a.failures.length >= this.limits.addressFailures && a.lockedUntil <= now) {
      a.lockedUntil = now + this.limits.lockMs;
      addressLocked = true;
    }
    this.addresses.set(address, a);
    this.sweep();
    return { userLocked, addressLocked };
  }

  /** A supervisor gave the person a new PIN: whatever locked the username is forgiven. */
  forgive(username: string): void {
    this.users.delete(username);
  }

  /** Rebuilds the counts from the security log's refusals and lockouts of the last window. */
  restore(events: readonly SecurityEvent[]): void {
    for (const e of events) {
      const at = Date.parse(e.at);
      if (e.kind === 'locked' && e.username) {
        const u = this.users.get(e.username) ?? { failures: [], lockedUntil: 0 };
        u.lockedUntil = Math.max(u.lockedUntil, at + this.limits.lockMs);
        u.failures = u.failures.filter((t) => t > at);
        this.users.set(e.username, u);
      } else if (e.kind === 'throttled' && e.address) {
        const a = this.addressRecord(e.address);
        a.lockedUntil = Math.max(a.lockedUntil, at + this.limits.lockMs);
      } else if (e.kind === 'refused' && e.address) {
        if (e.username) {
          const u = this.users.get(e.username) ?? { failures: [], lockedUntil: 0 };
          u.failures.push(at);
          this.users.set(e.username, u);
        }
        this.addressRecord(e.address).failures.push(at);
      }
    }
  }

  private addressRecord(address: string): AddressRecord {
    const a = this.addresses.get(address) ?? { failures: [], lockedUntil: 0, turn: Promise.resolve(), waiting: 0 };
    this.addresses.set(address, a);
    return a;
  }

  private recent(failures: readonly number[]): number[] {
    const since = this.clock() - this.limits.windowMs;
    return failures.filter((t) => t > since);
  }

  /** When the address's next attempt may run: its last failure plus a delay doubling with each recent one past the free ones. */
  private delayUntil(a: AddressRecord): number {
    const recent = this.recent(a.failures);
    if (recent.length < this.limits.freeFailures || recent.length === 0) return 0;
    const delay = Math.min(this.limits.delayMs * 2 ** (recent.length - this.limits.freeFailures), this.limits.maxDelayMs);
    return recent[recent.length - 1]! + delay;
  }

  private sweep(): void {
    const now = this.clock();
    if (this.users.size > SWEEP_ABOVE) {
      for (const [k, u] of this.users) if (u.lockedUntil <= now && this.recent(u.failures).length === 0) this.users.delete(k);
    }
    if (this.addresses.size > SWEEP_ABOVE) {
      for (const [k, a] of this.addresses) if (a.lockedUntil <= now && a.waiting === 0 && this.recent(a.failures).length === 0) this.addresses.delete(k);
    }
  }
}
