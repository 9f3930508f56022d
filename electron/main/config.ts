/**
 * Loads the machine configuration: the machine file (IT's, one per PC), the per-user file
 * (what a person or the setup screen chose) and the command line, in that order, later ones
 * winning. Everything is checked at start; anything wrong stops the app with one message that
 * names the file or flag and the setting, because a control-room PC that starts half-configured
 * fails later, on the floor, in a way nobody can read.
 */
import { readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { describeIssues, type MachineConfig, MachineConfigSource, mergeSources, resolveConfig } from '../../shared/desktop/config';
import type { ParsedFlags } from './flags';

export type SourceReport = { path: string; state: 'absent' | 'read' | 'ignored' };

export type LoadedConfig = {
  ok: true;
  config: MachineConfig;
  machine: SourceReport;
  user: SourceReport;
};
export type ConfigError = { ok: false; message: string; problems: string[] };

/** Reads a file as text; `null` when it does not exist. Other errors (permissions) throw. */
export type ReadText = (path: string) => string | null;

export const readTextFile: ReadText = (path) => {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw err;
  }
};

type Parsed = { ok: true; source: MachineConfigSource | null } | { ok: false; problems: string[] };

/** Parses one file. Notepad saves UTF-8 with a byte-order mark, which JSON.parse refuses. */
export function parseConfigText(path: string, text: string | null): Parsed {
  if (text === null) return { ok: true, source: null };
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { ok: true, source: {} };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (err) {
    return { ok: false, problems: [`${path}: not valid JSON (${(err as Error).message})`] };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, problems: [`${path}: must hold one JSON object, { ... }`] };
  const r = MachineConfigSource.safeParse(json);
  if (!r.success) return { ok: false, problems: describeIssues(r.error.issues).map((p) => `${path}: ${p}`) };
  return { ok: true, source: r.data };
}

export function parseFlagSource(flags: ParsedFlags): Parsed {
  if (flags.problems.length > 0) return { ok: false, problems: flags.problems.map((p) => `command line: ${p}`) };
  const r = MachineConfigSource.safeParse(flags.source);
  if (r.success) return { ok: true, source: r.data };
  return {
    ok: false,
    problems: r.error.issues.map((issue) => {
      const field = issue.path[0] as keyof MachineConfigSource | undefined;
      const flag = field ? flags.flagOf[field] : undefined;
      return `command line: ${flag ?? ''}${flag ? ': ' : ''}${issue.message}`;
    }),
  };
}

export function loadMachineConfig(opts: { machineFile: string; userFile: string; flags: ParsedFlags; readText?: ReadText }): LoadedConfig | ConfigError {
  const read = opts.readText ?? readTextFile;
  const problems: string[] = [];
  const readOne = (path: string): Parsed => {
    try {
      return parseConfigText(path, read(path));
    } catch (err) {
      return { ok: false, problems: [`${path}: cannot be read (${(err as Error).message})`] };
    }
  };
  const machine = readOne(opts.machineFile);
  const user = readOne(opts.userFile);
  const flags = parseFlagSource(opts.flags);
  for (const r of [machine, user, flags]) if (!r.ok) problems.push(...r.problems);
  if (!machine.ok || !user.ok || !flags.ok) return fail(problems);

  const userAllowed = machine.source?.allowUserOverride !== false;
  if (user.source?.allowUserOverride !== undefined) return fail([`${opts.userFile}: allowUserOverride can only be set in the machine file (${opts.machineFile})`]);
  const sources = [machine.source ?? {}, ...(userAllowed && user.source ? [user.source] : []), flags.source ?? {}];
  const resolved = resolveConfig(mergeSources(sources));
  if (!resolved.ok) return fail(resolved.problems);
  return {
    ok: true,
    config: resolved.config,
    machine: { path: opts.machineFile, state: machine.source ? 'read' : 'absent' },
    user: { path: opts.userFile, state: user.source ? (userAllowed ? 'read' : 'ignored') : 'absent' },
  };
}

function fail(problems: string[]): ConfigError {
  const message = [
    'Helpline Control Room cannot start: its configuration is not valid.',
    ...problems.map((p) => `  • ${p}`),
    'Fix the file or the flag named above (see docs/install.md, "Machine configuration"), then start the app again.',
  ].join('\n');
  return { ok: false, message, problems };
}

/**
 * What the setup screen saves into the per-user file: the fields it asks for, on top of what
 * the file already held. Checked with the same schema as at start, so a saved file always loads.
 */
export function mergeUserFile(existingText: string | null, changes: MachineConfigSource): { ok: true; text: string } | { ok: false; problems: string[] } {
  const existing = parseConfigText('the per-user configuration', existingText);
  const base = existing.ok ? (existing.source ?? {}) : {};
  const next: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined) delete next[k];
    else next[k] = v;
  }
  const r = MachineConfigSource.safeParse(next);
  if (!r.success) return { ok: false, problems: describeIssues(r.error.issues) };
  return { ok: true, text: JSON.stringify(r.data, null, 2) + '\n' };
}

/** Writes a whole file or nothing: a crash mid-write must not leave half a configuration. */
export function writeFileAtomic(path: string, text: string, mode = 0o600): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text, { mode });
  renameSync(tmp, path);
}
