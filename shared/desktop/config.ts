/**
 * The machine configuration of the desktop app: what IT sets once per PC (a JSON file in a
 * system folder, a per-user override, command-line flags). Every source is parsed with the
 * same strict schema, so a misspelt setting is reported by name instead of being ignored.
 * Pure TypeScript: the loader in electron/main reads the files, this module only judges them.
 */
import { z } from 'zod';

/** What this PC does on the floor. */
export const DESKTOP_ROLES = ['hub', 'seat', 'wall'] as const;
export type DesktopRole = (typeof DESKTOP_ROLES)[number];

/** What a window shows: the hub serves the operator's console at `/`, the supervisor's at `/supervisor`, the wall at `/wall`. */
export const CONSOLE_KINDS = ['operator', 'supervisor', 'wall'] as const;
export type ConsoleKind = (typeof CONSOLE_KINDS)[number];

/** The hub's port when an address leaves it out; also the hub's own default. */
export const DEFAULT_HUB_PORT = 4950;

/** DNS-SD service type the hub advertises and seats browse: `_helpline-hub._tcp`. */
export const HUB_SERVICE_TYPE = 'helpline-hub';

export type HubAddressResult = { ok: true; origin: string } | { ok: false; reason: string };

/**
 * Turns what a person types ("10.0.0.5", "10.0.0.5:4950", "http://hub.local:4950/") into the
 * hub's origin, "http://10.0.0.5:4950". Only an origin is accepted: the app loads nothing but
 * the hub's own pages, so a path, a query or credentials in the address are mistakes.
 */
export function normalizeHubAddress(input: string): HubAddressResult {
  const raw = input.trim();
  if (!raw) return { ok: false, reason: 'the hub address is empty' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, reason: `"${raw}" is not an address (expected something like 10.0.0.5:${DEFAULT_HUB_PORT})` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: `the hub address must start with http:// or https:// (got ${url.protocol}//)` };
  if (!url.hostname) return { ok: false, reason: 'the hub address has no host' };
  if (url.username || url.password) return { ok: false, reason: 'the hub address must not hold a user name or password' };
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) return { ok: false, reason: `the hub address is only its host and port, without a path (got "${raw}")` };
  // URL drops a default port (":80"), so whether one was typed is read from the text itself.
  const typedPort = /^[a-z][a-z0-9+.-]*:\/\/(?:\[[^\]]*\]|[^/:?#]*):(\d+)/i.exec(withScheme)?.[1];
  const port = typedPort ?? String(DEFAULT_HUB_PORT);
  const n = Number(port);
  if (!Number.isInteger(n) || n < 1 || n > 65535) return { ok: false, reason: `the hub port must be from 1 to 65535 (got ${port})` };
  const defaultPort = url.protocol === 'https:' ? 443 : 80;
  return { ok: true, origin: `${url.protocol}//${url.hostname}${n === defaultPort ? '' : `:${n}`}` };
}

export function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const HubAddress = z.string().transform((value, ctx) => {
  const r = normalizeHubAddress(value);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: r.reason });
    return z.NEVER;
  }
  return r.origin;
});

/** The hub accepts keys up to 200 characters; spaces are never part of one (a copy-paste slip). */
const AccessKey = z
  .string()
  .trim()
  .min(1, 'a key must not be empty')
  .max(200, 'a key is at most 200 characters')
  .regex(/^\S+$/, 'a key has no spaces in it');

const Count = (max: number, what: string) => z.number({ error: `${what} must be a number` }).int(`${what} must be a whole number`).min(1, `${what} must be at least 1`).max(max, `${what} must be at most ${max}`);

/**
 * One source of configuration (the machine file, the per-user file, or the flags). All fields
 * are optional here; defaults are applied once the sources are merged (`resolveConfig`).
 */
export const MachineConfigSource = z.strictObject({
  /** Free text for the person who reads the file next. */
  $comment: z.string().optional(),
  role: z.enum(DESKTOP_ROLES, { error: `role must be one of ${DESKTOP_ROLES.join(', ')}` }).optional(),
  /** seat and wall: the hub's address. Left out, the hub is found on the LAN (`discovery`). */
  hub: HubAddress.optional(),
  /** seat: this workstation's seat number, filled in on the sign-in form. */
  seat: Count(1000, 'seat').optional(),
  /** seat (or the hub PC's own window): the key this console signs in with. */
  key: AccessKey.optional(),
  /** wall (or the hub PC showing the wall): the wall key. */
  wallKey: AccessKey.optional(),
  /** What the window shows on a hub or seat PC. A wall always shows the wall. */
  window: z.enum(CONSOLE_KINDS, { error: `window must be one of ${CONSOLE_KINDS.join(', ')}` }).optional(),
  /** Find the hub on the LAN by mDNS when no `hub` address is set. */
  discovery: z.boolean().optional(),
  /** The hub advertises itself under this name; a seat with it set accepts no other hub. */
  hubName: z
    .string()
    .trim()
    .min(1)
    .max(63, 'hubName is at most 63 characters (a DNS label)')
    .regex(/^[^.]+$/, 'hubName must not contain dots')
    .optional(),
  /** Start with the machine (default: on for a wall, off otherwise). */
  autoStart: z.boolean().optional(),
  /** hub: the port the hub listens on. */
  hubPort: z.number().int().min(1).max(65535, 'hubPort must be from 1 to 65535').optional(),
  /** hub: the address the hub listens on (default every network of this PC). */
  hubHost: z.string().trim().min(1).max(255).optional(),
  /** hub: the folder for the database, its keys and backups. */
  hubData: z.string().trim().min(1).max(1000).optional(),
  /** hub: number of operator seats. */
  hubSeats: Count(1000, 'hubSeats').optional(),
  /** hub: where the all-time call counter starts (calls taken before this system). */
  hubInitialTotal: z.number().int().min(0).optional(),
  /** hub: the time zone of "calls today". */
  hubTimeZone: z
    .string()
    .refine(validTimeZone, { message: 'hubTimeZone is not a time zone (expected something like Asia/Kolkata)' })
    .optional(),
  /** hub: the folder for backups, ideally another disk (default: backups inside hubData). */
  hubBackupDir: z.string().trim().min(1).max(1000).optional(),
  /** hub: minutes between online backups, 0 for none (default 60). */
  hubBackupEveryMinutes: z.number().int('hubBackupEveryMinutes must be a whole number').min(0).max(10_080).optional(),
  /** hub: how many backups to keep (default 48). */
  hubBackupKeep: Count(10_000, 'hubBackupKeep').optional(),
  /** hub: the access keys; a key left out is generated once and kept in the data folder. */
  hubKeys: z.strictObject({ operator: AccessKey.optional(), supervisor: AccessKey.optional(), wall: AccessKey.optional() }).optional(),
  /** Machine file only: whether a per-user file may change what it sets (default true). */
  allowUserOverride: z.boolean().optional(),
  /** Allow the developer tools (for IT diagnosing a PC; default off). */
  devTools: z.boolean().optional(),
});
export type MachineConfigSource = z.infer<typeof MachineConfigSource>;

/** The configuration the app runs with: sources merged, defaults applied. */
export type MachineConfig = {
  role: DesktopRole | undefined;
  hub: string | undefined;
  seat: number | undefined;
  key: string | undefined;
  wallKey: string | undefined;
  window: ConsoleKind;
  discovery: boolean;
  hubName: string | undefined;
  autoStart: boolean;
  hubPort: number;
  hubHost: string;
  hubData: string | undefined;
  hubSeats: number | undefined;
  hubInitialTotal: number | undefined;
  hubTimeZone: string | undefined;
  hubBackupDir: string | undefined;
  hubBackupEveryMinutes: number | undefined;
  hubBackupKeep: number | undefined;
  hubKeys: { operator?: string; supervisor?: string; wall?: string };
  devTools: boolean;
};

export function defaultWindow(role: DesktopRole | undefined): ConsoleKind {
  if (role === 'wall') return 'wall';
  if (role === 'hub') return 'supervisor';
  return 'operator';
}

/**
 * Later sources win field by field. `allowUserOverride` is read from the machine file alone:
 * a per-user file cannot unlock itself.
 */
export function mergeSources(sources: readonly MachineConfigSource[]): MachineConfigSource {
  const merged: MachineConfigSource = {};
  for (const source of sources) {
    for (const [k, v] of Object.entries(source)) if (v !== undefined && k !== '$comment' && k !== 'hubKeys') (merged as Record<string, unknown>)[k] = v;
    if (source.hubKeys) merged.hubKeys = { ...merged.hubKeys, ...source.hubKeys };
  }
  return merged;
}

export type ResolveResult = { ok: true; config: MachineConfig } | { ok: false; problems: string[] };

/** Applies defaults and checks what no single source can: rules that span fields. */
export function resolveConfig(merged: MachineConfigSource): ResolveResult {
  const role = merged.role;
  const window = role === 'wall' ? 'wall' : (merged.window ?? defaultWindow(role));
  const problems: string[] = [];
  const keys = merged.hubKeys ?? {};
  const given = Object.values(keys).filter((k): k is string => typeof k === 'string');
  if (new Set(given).size !== given.length) problems.push('hubKeys: the operator, supervisor and wall keys must all be different');
  if (role === 'wall' && merged.window && merged.window !== 'wall') problems.push(`window: a wall always shows the wall display (got "${merged.window}")`);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    config: {
      role,
      hub: merged.hub,
      seat: merged.seat,
      key: merged.key,
      wallKey: merged.wallKey,
      window,
      discovery: merged.discovery ?? true,
      hubName: merged.hubName,
      autoStart: merged.autoStart ?? role === 'wall',
      hubPort: merged.hubPort ?? DEFAULT_HUB_PORT,
      hubHost: merged.hubHost ?? '0.0.0.0',
      hubData: merged.hubData,
      hubSeats: merged.hubSeats,
      hubInitialTotal: merged.hubInitialTotal,
      hubTimeZone: merged.hubTimeZone,
      hubBackupDir: merged.hubBackupDir,
      hubBackupEveryMinutes: merged.hubBackupEveryMinutes,
      hubBackupKeep: merged.hubBackupKeep,
      hubKeys: keys,
      devTools: merged.devTools ?? false,
    },
  };
}

/** One line per problem, naming the field, so IT can fix a file without reading code. */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string; code?: string; keys?: readonly string[] }[]): string[] {
  return issues.map((issue) => {
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      const where = issue.path.length ? `${issue.path.map(String).join('.')}: ` : '';
      return `${where}unknown setting${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (known: ${knownSettings(issue.path)})`;
    }
    const field = issue.path.map(String).join('.');
    return field ? `${field}: ${issue.message}` : issue.message;
  });
}

function knownSettings(path: readonly PropertyKey[]): string {
  if (path.length === 1 && path[0] === 'hubKeys') return 'operator, supervisor, wall';
  return Object.keys(MachineConfigSource.shape)
    .filter((k) => k !== '$comment')
    .join(', ');
}
