/**
 * The people signed in, by socket: whose session each socket is, so that a session ended by a
 * supervisor, a sign-out or the clock ends at once everywhere it is open. Each socket is told
 * why (`session:ended`) and then disconnected; the session itself is ended in the database by
 * whoever ended it, in the same transaction as what ended it, before the sockets hear of it.
 *
 * A session whose 16 hours run out while a socket is on it ends here, on a timer of its own.
 * A person who must still choose a PIN is held back from the floor's data until they have
 * (`whenPinChosen`).
 */
import type { Socket } from 'socket.io';
import type { SessionEndReason } from '../../../shared/protocol/accounts';
import type { PersonCaller } from '../caller';
import type { LogError } from '../options';
import { logSecurity } from '../store/securityLog';
import { endSessions, type SessionsOf } from '../store/sessions';
import type { Writer } from '../store/writer';

export const SESSION_ENDED: Record<SessionEndReason, string> = {
  signed_out: 'You signed out.',
  disabled: 'A supervisor disabled this account.',
  pin_reset: 'A supervisor gave this account a new PIN: sign in with it.',
  expired: 'This session has run its course: sign in again.',
  seat_freed: 'A supervisor freed this seat.',
  role_changed: 'A supervisor changed the role of this account: sign in again.',
};

type Entry = { caller: PersonCaller; expiry: NodeJS.Timeout; waiting?: () => void };

export class PeopleOnline {
  private readonly entries = new Map<Socket, Entry>();

  constructor(
    private readonly writer: Writer,
    private readonly logError: LogError,
  ) {}

  /** `socket` is `caller`'s, in a session that expires at `expiresAt`. */
  add(socket: Socket, caller: PersonCaller, expiresAt: string): void {
    const ms = Math.max(0, Date.parse(expiresAt) - Date.now());
    // setTimeout holds at most 2^31-1 ms (24.8 days); sessions last hours.
    const expiry = setTimeout(() => void this.expire(caller.session), Math.min(ms, 2 ** 31 - 1));
    expiry.unref();
    this.entries.set(socket, { caller, expiry });
    socket.on('disconnect', () => {
      const entry = this.entries.get(socket);
      if (!entry) return;
      clearTimeout(entry.expiry);
      this.entries.delete(socket);
    });
  }

  /** Runs `then` once `socket`'s person has chosen their PIN (at once when they need not). */
  whenPinChosen(socket: Socket, then: () => void): void {
    const entry = this.entries.get(socket);
    if (!entry || !entry.caller.mustChangePin) then();
    else entry.waiting = then;
  }

  /** `username` chose a PIN: every socket of theirs may have the floor's data now. */
  pinChosen(username: string): void {
    for (const entry of this.entries.values()) {
      if (entry.caller.username !== username) continue;
      entry.caller.mustChangePin = false;
      const waiting = entry.waiting;
      entry.waiting = undefined;
      waiting?.();
    }
  }

  /** A supervisor renamed `username`: what their open sockets do from now on carries the new name. */
  rename(username: string, name: string): void {
    for (const entry of this.entries.values()) if (entry.caller.username === username) entry.caller.name = name;
  }

  /** Whether a socket is open on the session whose token hashes to `session`. */
  online(session: string): boolean {
    for (const entry of this.entries.values()) if (entry.caller.session === session) return true;
    return false;
  }

  /** The sessions whose sockets are on `seat` now. */
  sessionsAt(seat: number): string[] {
    return [...new Set([...this.entries.values()].filter((e) => e.caller.seat === seat).map((e) => e.caller.session))];
  }

  /** Tells every socket of the sessions `of` selects why they ended, and disconnects them. */
  disconnect(of: SessionsOf, reason: SessionEndReason): number {
    let n = 0;
    for (const [socket, entry] of [...this.entries]) {
      const c = entry.caller;
      const match = 'tokenHash' in of ? c.session === of.tokenHash : 'username' in of ? c.username === of.username : c.seat === of.seat;
      if (!match) continue;
      clearTimeout(entry.expiry);
      this.entries.delete(socket);
      socket.emit('session:ended', { reason, message: SESSION_ENDED[reason] });
      socket.disconnect(true);
      n += 1;
    }
    return n;
  }

  private async expire(session: string): Promise<void> {
    try {
      await this.writer.write(async (tx) => {
        for (const s of await endSessions(tx, { tokenHash: session }, 'expired')) {
          await logSecurity(tx, { kind: 'session_ended', username: s.username, ...(s.seat !== undefined ? { seat: s.seat } : {}), detail: 'expired' });
        }
      });
    } catch (err) {
      // The sockets are ended all the same: an expired token is refused whatever the row says.
      this.logError('could not record the end of an expired session', err);
    }
    this.disconnect({ tokenHash: session }, 'expired');
  }

  /** The hub is stopping: no timer may fire into a closed database. */
  stop(): void {
    for (const entry of this.entries.values()) clearTimeout(entry.expiry);
    this.entries.clear();
  }
}
