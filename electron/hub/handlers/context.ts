/** What every request handler is given: who is asking, and the hub's parts. */
import type { FloorConfig } from '../../../shared/protocol/config';
import type { BackupInfo } from '../db/backup';
import type { ReadDb } from '../db/connection';
import type { Actor } from '../store/tickets';
import type { Writer } from '../store/writer';

type Identity = { clientId: string; name: string };
/** Identity fixed at the handshake and kept in socket.data; never taken from a payload. Only an operator has a seat. */
export type OperatorCaller = Identity & { role: 'operator'; seat: number };
export type SupervisorCaller = Identity & { role: 'supervisor'; seat?: undefined };
export type WallCaller = Identity & { role: 'wall'; seat?: undefined };
export type Caller = OperatorCaller | SupervisorCaller | WallCaller;

export type HubParts = {
  writer: Writer;
  /** A second connection for searches, so that reads never wait behind a commit. */
  reader: ReadDb;
  seats: number;
  timeZone: string;
  /** The live floor configuration (categories, departments, service levels). */
  config: () => FloorConfig;
  /** Writes an online backup now (supervisors, and the schedule). */
  backup: () => Promise<BackupInfo>;
  /** Makes a committed configuration live and pushes it to every client. */
  configChanged: (config: FloorConfig) => void;
};

export function actorOf(caller: Caller): Actor {
  return { seat: caller.seat ?? 0, name: caller.name };
}

export function opKey(caller: Caller, opId: string, kind: string) {
  return { clientId: caller.clientId, opId, kind };
}
