/**
 * Who may send each request: one table, checked at the socket boundary before the payload is
 * parsed, so that a caller without the right gets `forbidden` whatever it sent. Each handler is
 * typed with the callers its entry lets through: an operator-only handler is handed an
 * operator, with its seat, and checks nothing again.
 *
 * Rules that depend on the payload stay with their handler: an operator ending another seat's
 * call, a wall searching by phone number, supervisor-only fields of a ticket patch.
 */
import { ROLES, type Role } from '../../../shared/protocol/handshake';
import { MUTATIONS, type RequestName } from '../../../shared/protocol/events';
import { OpError } from '../errors';
import type { Caller } from './context';

type Access = { readonly roles: readonly Role[]; readonly refusal: string };

const WALL_READ_ONLY = 'the wall display is read-only';
const EVERYONE = { roles: ROLES, refusal: 'not allowed' } as const;
const AT_A_SEAT = { roles: ['operator'], refusal: 'only an operator at a seat can do this' } as const;
const ON_THE_FLOOR = { roles: ['operator', 'supervisor'], refusal: WALL_READ_ONLY } as const;
const FLOOR_CONFIG = { roles: ['supervisor'], refusal: 'only a supervisor can change the floor configuration' } as const;
const SIGNED_IN = { roles: ['operator', 'supervisor'], refusal: 'the wall display has no account to sign out of' } as const;
const PEOPLE = { roles: ['supervisor'], refusal: 'only a supervisor can manage accounts' } as const;
const REPORTS = { roles: ['supervisor'], refusal: 'only a supervisor can export or read reports' } as const;

export const ACCESS = {
  'call:start': AT_A_SEAT,
  'call:end': ON_THE_FLOOR,
  'call:close': { roles: ['supervisor'], refusal: 'only a supervisor can close a call left open' },
  'ticket:create': ON_THE_FLOOR,
  'ticket:update': ON_THE_FLOOR,
  'ticket:note': ON_THE_FLOOR,
  // The wall may search (it gets masked tickets), but not by phone: its handler says so.
  'tickets:search': EVERYONE,
  'seat:set': AT_A_SEAT,
  'caller:lookup': { roles: ['operator', 'supervisor'], refusal: 'the wall display cannot look up callers' },
  'ticket:history': { roles: ['operator', 'supervisor'], refusal: 'the wall display cannot read ticket histories' },
  'config:update': FLOOR_CONFIG,
  'broadcast:send': FLOOR_CONFIG,
  'export:start': REPORTS,
  'report:daily': REPORTS,
  'backup:now': { roles: ['supervisor'], refusal: 'only a supervisor can start a backup' },
  // Anyone signed in as themselves may end their own session and choose their own PIN.
  'session:signOut': SIGNED_IN,
  'pin:change': SIGNED_IN,
  'users:list': PEOPLE,
  'user:create': PEOPLE,
  'user:update': PEOPLE,
  'user:resetPin': PEOPLE,
  'seat:free': { roles: ['supervisor'], refusal: 'only a supervisor can free a seat' },
  'security:log': { roles: ['supervisor'], refusal: 'only a supervisor can read the sign-in log' },
} as const satisfies { [K in RequestName]: Access };

/** The callers that `ACCESS` lets send request K. */
export type AllowedCaller<K extends RequestName> = Extract<Caller, { role: (typeof ACCESS)[K]['roles'][number] }>;

const MUTATION_SET: ReadonlySet<string> = new Set(MUTATIONS);

/**
 * The caller, typed as one `ACCESS` lets send `name`; `forbidden` otherwise. The contract's
 * rule speaks first: a wall never mutates.
 */
export function requireAccess<K extends RequestName>(name: K, caller: Caller): AllowedCaller<K> {
  const access: Access = ACCESS[name];
  if (access.roles.includes(caller.role)) return caller as AllowedCaller<K>;
  throw new OpError('forbidden', caller.role === 'wall' && MUTATION_SET.has(name) ? WALL_READ_ONLY : access.refusal);
}
