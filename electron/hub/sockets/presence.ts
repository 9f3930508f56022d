/**
 * Seats and their sockets. A seat has at most one socket: a second window of the same seat
 * takes it over, and the first is told (`seat:revoked`) and disconnected. The seat is online
 * while its socket is; the clock drift its console reported at the handshake is kept for the
 * supervisors' statistics.
 */
import type { Socket } from 'socket.io';
import type { OperatorCaller } from '../handlers/context';
import { seatOffline, seatOnline } from '../handlers/seats';
import type { LogError } from '../options';
import type { Writer } from '../store/writer';

export class SeatPresence {
  private readonly sockets = new Map<number, Socket>();
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

  arrive(socket: Socket, caller: OperatorCaller, clockDriftMs: number | undefined): void {
    const { seat } = caller;
    const previous = this.sockets.get(seat);
    this.sockets.set(seat, socket);
    if (clockDriftMs !== undefined) this.drift.set(seat, clockDriftMs);
    else this.drift.delete(seat);
    if (previous) {
      previous.emit('seat:revoked', { seat, reason: 'this seat was signed in on another window' });
      previous.disconnect(true);
    }
    seatOnline(this.writer, seat, caller.name).catch((err) => this.logError(`seat ${seat} could not come online`, err));
    socket.on('disconnect', () => {
      if (this.sockets.get(seat) !== socket) return; // taken over: the seat is still online
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
