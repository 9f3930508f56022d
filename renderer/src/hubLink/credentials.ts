/**
 * What a console signs in with (contract v2): the person's PIN for the first handshake, then the
 * token of the session the hub answered with, for every reconnect. The PIN is dropped the moment
 * the hub has answered it, with a session or a refusal: once signed in it is kept nowhere, not
 * even in memory. A network that fails before the hub answered keeps it, so the retry can
 * still sign in.
 */
import type { Session } from '../../../shared/protocol';

export type Credential = { pin: string } | { token: string };

export class Credentials {
  private pin: string | null;
  private token: string | null;

  constructor(initial?: Credential) {
    this.pin = initial && 'pin' in initial ? initial.pin : null;
    this.token = initial && 'token' in initial ? initial.token : null;
  }

  /** The fields of the next handshake: the token once there is one, the PIN before. */
  handshake(): { pin?: string; token?: string } {
    if (this.token) return { token: this.token };
    if (this.pin) return { pin: this.pin };
    return {};
  }

  /** The hub signed the person in (or resumed their session): its token replaces the PIN. */
  heard(session: Session): void {
    this.token = session.token;
    this.pin = null;
  }

  /** The hub refused the handshake: neither the PIN nor the token will do again. */
  refused(): void {
    this.pin = null;
    this.token = null;
  }

  /** Signed out, or the hub ended the session. */
  forget(): void {
    this.pin = null;
    this.token = null;
  }

  /** Whether a handshake can still sign in: false after a refusal or a sign-out. */
  get usable(): boolean {
    return this.pin !== null || this.token !== null;
  }
}
