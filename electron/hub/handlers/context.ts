/** What every request handler is given: who is asking, and the parts of the hub it may use. */
import type { OneTimePins } from '../accounts/oneTimePins';
import type { ScryptParams } from '../accounts/pinHash';
import type { FirstSupervisorFile } from '../accounts/seed';
import type { SignIn } from '../accounts/signIn';
import type { Seat } from '../../../shared/protocol/seat';
import type { Caller, OperatorCaller } from '../caller';
import type { BackupInfo } from '../db/backup';
import type { ReadDb } from '../db/connection';
import type { ExportLinks } from '../http/exportLinks';
import type { PeopleOnline } from '../sockets/people';
import type { LiveConfig } from '../store/config';
import type { Actor } from '../store/tickets';
import type { Writer } from '../store/writer';

export type { Caller, OperatorCaller, Person, PersonCaller, SupervisorCaller, WallCaller } from '../caller';

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
  /** Who is signed in where: ending sessions, renaming, letting in one who chose a PIN. */
  people: PeopleOnline;
  /** PINs checked (and failures counted) as at a sign-in; the throttle that locks. */
  signIn: SignIn;
  /** What supervisors' changes to accounts need beside the store. */
  accounts: { pinHashing: ScryptParams; oneTimePins: OneTimePins; firstSupervisor: FirstSupervisorFile };
};

/** Who did it, on the records: the seat (0 off the floor), the account's name and its username. */
export function actorOf(caller: Caller): Actor {
  return { seat: caller.seat ?? 0, name: caller.name, ...(caller.username !== undefined ? { user: caller.username } : {}) };
}

/** Who holds a seat, as the seat shows it: the account's name and username. */
export function holder(caller: OperatorCaller): Pick<Seat, 'name' | 'user'> {
  return { name: caller.name, user: caller.username };
}

export function opKey(caller: Caller, opId: string, kind: string) {
  return { clientId: caller.clientId, opId, kind };
}
