/** What every request handler is given: who is asking, and the hub's parts. */
import type { FloorConfig } from '../../../shared/protocol/config';
import type { Role } from '../../../shared/protocol/handshake';
import type { BackupInfo } from '../db/backup';
import type { Db } from '../db/connection';
import { OpError } from '../errors';
import type { Actor } from '../store/tickets';
import type { Writer } from '../store/writer';

/** Identity fixed at the handshake and kept in socket.data; never taken from a payload. */
export type Caller = { role: Role; clientId: string; seat?: number; name: string };

export type HubParts = {
  writer: Writer;
  /** A second connection for searches, so that reads never wait behind a commit. */
  reader: Db;
  seats: number;
  timeZone: string;
  /** The live floor configuration (categories, departments, service levels). */
  config: () => FloorConfig;
  /** Writes an online backup now (supervisors, and the schedule). */
  backup: () => Promise<BackupInfo>;
  /** Makes a committed configuration live and pushes it to every client. */
  configChanged: (config: FloorConfig) => void;
};

export type Handler = (parts: HubParts, caller: Caller, payload: unknown) => Promise<object>;

export function actorOf(caller: Caller): Actor {
  return { seat: caller.seat ?? 0, name: caller.name };
}

/** Calls and presence belong to a seat: only an operator signed in to one may act on them. */
export function requireSeat(caller: Caller): number {
  if (caller.role !== 'operator' || caller.seat === undefined) throw new OpError('forbidden', 'only an operator at a seat can do this');
  return caller.seat;
}

export function opKey(caller: Caller, opId: string, kind: string) {
  return { clientId: caller.clientId, opId, kind };
}
