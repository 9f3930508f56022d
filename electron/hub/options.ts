/** What a hub is started with, its defaults, and the checks made before anything is opened. */
import { join } from 'node:path';
import { assertTimeZone } from '../../shared/domain/localDay';
import type { UsersFile } from '../../shared/protocol/accounts';
import { SESSION_HOURS } from '../../shared/protocol/accounts';
import { checkScryptParams, SCRYPT_DEFAULTS, type ScryptParams } from './accounts/pinHash';
import { DEFAULT_SIGN_IN_LIMITS, type SignInLimits } from './accounts/limits';
import { checkUsers, type SeedUser } from './accounts/usersFile';
import type { Keys } from './keys';
import { DEFAULT_RATE_LIMIT, type RateLimit } from './rateLimit';

export type HubOptions = {
  dataDir: string;
  keys: Keys;
  port?: number;
  host?: string;
  seats?: number;
  /** Where the all-time counter starts; stored, so a restart without it keeps the value. */
  initialTotal?: number;
  timeZone?: string;
  /** The built renderer (dist/renderer). */
  rendererDir?: string;
  rateLimit?: RateLimit;
  /**
   * How long a call stays open after its seat went offline during it (browser closed, PC off,
   * LAN down), default 120: a seat back within it resumes the call, timed from its true start;
   * after it the hub closes the call as `disconnected`, ended when the seat went offline.
   */
  callGraceSeconds?: number;
  /** Scheduled online backups: folder (default DATA/backups), minutes between (0: off), how many kept. */
  backup?: { dir?: string; everyMinutes?: number; keep?: number };
  log?: (line: string) => void;
  /**
   * Accounts to create at start (`--users FILE`): those whose username does not exist yet are
   * created; existing accounts are never changed, so a list left in place cannot reset anyone's
   * PIN. Checked before anything is opened.
   */
  users?: UsersFile;
  /** How long a session lasts from its sign-in, in hours (default 16). */
  sessionHours?: number;
  /** Failed sign-ins: how many lock a username or an address, for how long, and the delays before. */
  signInLimits?: Partial<SignInLimits>;
  /**
   * The scrypt parameters new PINs are hashed with (default SCRYPT_DEFAULTS, what a floor must
   * use). Stored beside each hash, so PINs already set keep theirs. Lower only in tests.
   */
  pinHashing?: ScryptParams;
};

export const DEFAULT_SEATS = 40;
export const DEFAULT_TIME_ZONE = 'Asia/Kolkata';
export const DEFAULT_CALL_GRACE_SECONDS = 120;

/** Logs a failure, with its stack when there is one. */
export type LogError = (message: string, err?: unknown) => void;

/** The options with every default filled in, checked. */
export type HubSettings = {
  dataDir: string;
  keys: Keys;
  port: number;
  host: string;
  seats: number;
  initialTotal?: number;
  timeZone: string;
  rendererDir?: string;
  rateLimit: RateLimit;
  /** `callGraceSeconds`, in ms. */
  callGraceMs: number;
  backup: { dir: string; everyMinutes: number; keep: number };
  /** A line for the person running the hub. */
  log: (line: string) => void;
  logError: LogError;
  users: SeedUser[];
  sessionMs: number;
  signInLimits: SignInLimits;
  pinHashing: ScryptParams;
};

/** Fills in the defaults and refuses options a hub cannot run with, before anything is opened. */
export function hubSettings(options: HubOptions): HubSettings {
  const seats = options.seats ?? DEFAULT_SEATS;
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  if (!Number.isInteger(seats) || seats < 1 || seats > 1000) throw new Error('seats must be a whole number from 1 to 1000');
  assertTimeZone(timeZone);
  const distinct = new Set(Object.values(options.keys));
  if (distinct.size !== 3 || [...distinct].some((k) => !k)) throw new Error('the operator, supervisor and wall keys must be set and all different');
  if (options.initialTotal !== undefined && (!Number.isInteger(options.initialTotal) || options.initialTotal < 0)) throw new Error('initial total must be a whole number, 0 or more');
  const grace = options.callGraceSeconds ?? DEFAULT_CALL_GRACE_SECONDS;
  if (!Number.isFinite(grace) || grace < 0 || grace > 86_400) throw new Error('the call grace period must be from 0 to 86400 seconds');
  const log = options.log ?? ((line: string) => console.error(line));
  const users = checkUsers(options.users ?? [], 'the users option');
  const sessionHours = options.sessionHours ?? SESSION_HOURS;
  if (!Number.isFinite(sessionHours) || sessionHours <= 0 || sessionHours > 24 * 31) throw new Error('sessions must last more than 0 and at most 744 hours');
  const pinHashing = options.pinHashing ?? SCRYPT_DEFAULTS;
  checkScryptParams(pinHashing);
  return {
    dataDir: options.dataDir,
    keys: options.keys,
    port: options.port ?? 0,
    host: options.host ?? '0.0.0.0',
    seats,
    ...(options.initialTotal !== undefined ? { initialTotal: options.initialTotal } : {}),
    timeZone,
    ...(options.rendererDir !== undefined ? { rendererDir: options.rendererDir } : {}),
    rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
    callGraceMs: grace * 1000,
    backup: {
      dir: options.backup?.dir ?? join(options.dataDir, 'backups'),
      everyMinutes: options.backup?.everyMinutes ?? 60,
      keep: options.backup?.keep ?? 48,
    },
    log,
    logError: (message, err) => log(err ? `${message}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}` : message),
    users,
    sessionMs: sessionHours * 3_600_000,
    signInLimits: { ...DEFAULT_SIGN_IN_LIMITS, ...options.signInLimits },
    pinHashing,
  };
}
