/**
 * Seats and their sockets. A seat has at most one socket: a second window of the same person at
 * the same seat takes it over, and the first is told (`seat:revoked`) and disconnected; another
 * person is refused at the handshake (`seat_taken`) while the holder is connected. A person holds
 * one seat: signing in at another moves them, and the seat they left is told the same way.
 *
 * Between a handshake's check and its socket's arrival there are awaits (the session is written
 * first); the check claims the seat meanwhile, so that two people signing in at once cannot both
 * pass it. The seat is online while its socket is; the clock drift its console reported at the
 * handshake is kept for the supervisors' statistics.
 */
import type { Socket } from 'socket.io';
import type { SeatHolders } from '../auth';
import type { OperatorCaller } from '../caller';
import { holder } from '../handlers/context';
import { seatOffline, seatOnline } from '../handlers/seats';
import type { LogError } from '../options';
import type { Writer } from '../store/writer';

type Held = { socket: Socket; username: string };

export class SeatPresence implements SeatHolders {
  private readonly sockets = new Map<number, Held>();
  /** Handshakes that passed the seat check, not yet connected. */
  private readonly claims = new Map<number, { username: string; socket: unknown }>();
  private readonly drift = new Map<number, number>();
  private stopping = false;

  constructor(
    private readonly writer: Writer,
    private readonly logError: LogError,
  ) {}

  /** Each online seat's clock minus the hub's, as measured at its handshake. */
  get clockDrift(): ReadonlyMap<number, number> {
    return this.drift;
  }

  holderOf(seat: number): string | undefined {
    const held = this.sockets.get(seat);
    if (held?.socket.connected) return held.username;
    const claim = this.claims.get(seat);
    // A claim whose connection closed before it was let in holds nothing.
    const open = (claim?.socket as { conn?: { readyState?: string } } | undefined)?.conn?.readyState === 'open';
    return claim && open ? claim.username : undefined;
  }

  claim(seat: number, username: string, socket: unknown): void {
    this.claims.set(seat, { username, socket });
  }

  release(seat: number, socket: unknown): void {
    if (this.claims.get(seat)?.socket === socket) this.claims.delete(seat);
  }

  /** The seat `username` holds now, if any. */
  seatOf(username: string): number | undefined {
    for (const [seat, held] of this.sockets) if (held.username === username) return seat;
    return undefined;
  }

  arrive(socket: Socket, caller: OperatorCaller, clockDriftMs: number | undefined): void {
    const { seat } = caller;
    this.release(seat, socket);
    const previous = this.sockets.get(seat);
    // The same person somewhere else: they have moved to this seat.
    const elsewhere = [...this.sockets].find(([n, held]) => n !== seat && held.username === caller.username);
    this.sockets.set(seat, { socket, username: caller.username });
    if (clockDriftMs !== undefined) this.drift.set(seat, clockDriftMs);
    else this.drift.delete(seat);
    if (previous) {
      previous.socket.emit('seat:revoked', { seat, reason: 'this seat was signed in on another window' });
      previous.socket.disconnect(true);
    }
    if (elsewhere) {
      elsewhere[1].socket.emit('seat:revoked', { seat: elsewhere[0], reason: `${caller.name} signed in at seat ${seat}` });
      elsewhere[1].socket.disconnect(true);
    }
    seatOnline(this.writer, seat, holder(caller)).catch((err) => this.logError(`seat ${seat} could not come online`, err));
    socket.on('disconnect', () => {
      if (this.sockets.get(seat)?.socket !== socket) return; // taken over: the seat is still online
      this.sockets.delete(seat);
      this.drift.delete(seat);
      if (!this.stopping) seatOffline(this.writer, seat).catch((err) => this.logError(`seat ${seat} could not go offline`, err));
    });
  }

  /**
   * The hub is shutting down: seats keep the state they were in when their sockets close now,
   * and the next start marks them offline (store writes may already be refused by then).
   */
  stop(): void {
    this.stopping = true;
  }
}
