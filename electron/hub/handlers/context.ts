/** What every request handler is given: who is asking, and the parts of the hub it may use. */
import type { BackupInfo } from '../db/backup';
import type { ReadDb } from '../db/connection';
import type { ExportLinks } from '../http/exportLinks';
import type { LiveConfig } from '../store/config';
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
  /** The read-only connection of searches, lookups, histories and reports: reads never wait behind a commit. */
  reader: ReadDb;
  seats: number;
  timeZone: string;
  /** The floor configuration in force (categories, departments, service levels). */
  config: LiveConfig;
  /** Online backups: one now, for a supervisor. */
  backups: { run(): Promise<BackupInfo> };
  exportLinks: ExportLinks;
};

export function actorOf(caller: Caller): Actor {
  return { seat: caller.seat ?? 0, name: caller.name };
}

export function opKey(caller: Caller, opId: string, kind: string) {
  return { clientId: caller.clientId, opId, kind };
}
