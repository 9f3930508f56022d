/**
 * Command-line flags of the desktop app. A shortcut or a deployment script can set any
 * machine setting (`--role seat --hub 10.0.0.5:4950 --seat 12`). Chromium and Electron read
 * switches of their own from the same command line (and test drivers add more), so a flag this
 * app does not know is left alone; a flag it knows with a missing or malformed value is an error.
 */
import type { MachineConfigSource } from '../../shared/desktop/config';

type Kind = 'string' | 'number' | 'true' | 'false';
type FlagSpec = { field: keyof MachineConfigSource; kind: Kind; hint: string };

/** The flags that set a configuration field, with the field they set. */
export const CONFIG_FLAGS: Record<string, FlagSpec> = {
  '--role': { field: 'role', kind: 'string', hint: 'hub | seat | wall' },
  '--hub': { field: 'hub', kind: 'string', hint: "the hub's address, e.g. 10.0.0.5:4950" },
  '--seat': { field: 'seat', kind: 'number', hint: "this workstation's seat number" },
  '--key': { field: 'key', kind: 'string', hint: 'the key this console signs in with' },
  '--wall-key': { field: 'wallKey', kind: 'string', hint: 'the wall key' },
  '--window': { field: 'window', kind: 'string', hint: 'operator | supervisor | wall (hub and seat PCs)' },
  '--hub-name': { field: 'hubName', kind: 'string', hint: 'the name the hub advertises / the only hub a seat accepts' },
  '--discovery': { field: 'discovery', kind: 'true', hint: 'find the hub on the LAN (default)' },
  '--no-discovery': { field: 'discovery', kind: 'false', hint: 'never look for the hub on the LAN' },
  '--auto-start': { field: 'autoStart', kind: 'true', hint: 'start with the machine' },
  '--no-auto-start': { field: 'autoStart', kind: 'false', hint: 'do not start with the machine' },
  '--hub-port': { field: 'hubPort', kind: 'number', hint: 'hub PC: the port the hub listens on' },
  '--hub-host': { field: 'hubHost', kind: 'string', hint: 'hub PC: the address the hub listens on' },
  '--hub-data': { field: 'hubData', kind: 'string', hint: 'hub PC: the data folder' },
  '--hub-seats': { field: 'hubSeats', kind: 'number', hint: 'hub PC: the number of seats' },
  '--hub-initial-total': { field: 'hubInitialTotal', kind: 'number', hint: 'hub PC: where the all-time counter starts' },
  '--hub-tz': { field: 'hubTimeZone', kind: 'string', hint: 'hub PC: time zone of "calls today"' },
  '--hub-backup-dir': { field: 'hubBackupDir', kind: 'string', hint: 'hub PC: the backup folder (another disk is best)' },
  '--hub-backup-every': { field: 'hubBackupEveryMinutes', kind: 'number', hint: 'hub PC: minutes between backups, 0 for none' },
  '--hub-backup-keep': { field: 'hubBackupKeep', kind: 'number', hint: 'hub PC: how many backups to keep' },
  '--dev-tools': { field: 'devTools', kind: 'true', hint: 'allow the developer tools' },
};

/** Flags that steer the app itself rather than set a configuration field. */
export const APP_FLAGS: Record<string, { takesValue: boolean; hint: string }> = {
  '--config': { takesValue: true, hint: 'read the machine configuration from this file instead of the system one' },
  '--user-data': { takesValue: true, hint: "keep this user's settings, window places and (on a hub PC) data under this folder" },
  '--setup': { takesValue: false, hint: 'open the setup screen' },
  '--restore-backup': { takesValue: true, hint: 'hub PC: put this backup in place of the database before the hub starts' },
  '--help': { takesValue: false, hint: 'print this help' },
};

export type ParsedFlags = {
  source: Record<string, unknown>;
  /** Which flag set each field, to name the flag in an error. */
  flagOf: Partial<Record<keyof MachineConfigSource, string>>;
  configFile?: string;
  userData?: string;
  restoreBackup?: string;
  setup: boolean;
  help: boolean;
  problems: string[];
};

export function parseFlags(argv: readonly string[]): ParsedFlags {
  const out: ParsedFlags = { source: {}, flagOf: {}, setup: false, help: false, problems: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) continue;
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);
    const spec = CONFIG_FLAGS[name];
    const app = APP_FLAGS[name];
    if (!spec && !app) continue;
    const takesValue = spec ? spec.kind === 'string' || spec.kind === 'number' : app!.takesValue;
    let value: string | undefined;
    if (takesValue) {
      if (inline !== undefined) value = inline;
      else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) value = argv[++i];
      if (value === undefined || value === '') {
        out.problems.push(`${name} needs a value (${spec?.hint ?? app!.hint})`);
        continue;
      }
    } else if (inline !== undefined) {
      out.problems.push(`${name} takes no value (got "${arg}")`);
      continue;
    }
    if (app) {
      if (name === '--config') out.configFile = value;
      else if (name === '--user-data') out.userData = value;
      else if (name === '--restore-backup') out.restoreBackup = value;
      else if (name === '--setup') out.setup = true;
      else if (name === '--help') out.help = true;
      continue;
    }
    const field = spec!.field;
    out.flagOf[field] = name;
    if (spec!.kind === 'true') out.source[field] = true;
    else if (spec!.kind === 'false') out.source[field] = false;
    else if (spec!.kind === 'number') {
      if (!/^\d+$/.test(value!)) {
        out.problems.push(`${name} must be a whole number (got "${value}")`);
        continue;
      }
      out.source[field] = Number(value);
    } else out.source[field] = value;
  }
  return out;
}

export function flagsUsage(): string {
  const rows = [...Object.entries(CONFIG_FLAGS), ...Object.entries(APP_FLAGS)].map(([flag, spec]) => {
    const value = 'kind' in spec ? (spec.kind === 'string' || spec.kind === 'number' ? ' VALUE' : '') : spec.takesValue ? ' VALUE' : '';
    return `  ${(flag + value).padEnd(26)} ${spec.hint}`;
  });
  return ['Usage: helpline-control-room [flags]', ...rows, 'Flags win over the per-user file, which wins over the machine file.'].join('\n');
}
