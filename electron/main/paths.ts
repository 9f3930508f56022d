/**
 * Where the desktop app keeps things on each operating system. Pure functions of the platform
 * and environment, so the documented paths are the tested ones.
 */
import { posix, win32 } from 'node:path';

/** Folder name under %ProgramData% on Windows. */
export const WINDOWS_MACHINE_DIR = 'HelplineControlRoom';
/** Folder under /etc on Linux. */
export const LINUX_MACHINE_DIR = '/etc/helpline-control-room';
export const CONFIG_FILE = 'config.json';

/** The machine configuration that IT writes once per PC (the installer writes it on Windows). */
export function machineConfigPath(platform: NodeJS.Platform, env: Record<string, string | undefined>): string {
  if (platform === 'win32') return win32.join(env.PROGRAMDATA || env.ALLUSERSPROFILE || 'C:\\ProgramData', WINDOWS_MACHINE_DIR, CONFIG_FILE);
  if (platform === 'darwin') return posix.join('/Library/Application Support', WINDOWS_MACHINE_DIR, CONFIG_FILE);
  return posix.join(LINUX_MACHINE_DIR, CONFIG_FILE);
}

function pathFor(platform: NodeJS.Platform) {
  return platform === 'win32' ? win32 : posix;
}

/** The per-user override (and what the first-run setup screen saves), beside the app's profile. */
export function userConfigPath(platform: NodeJS.Platform, userData: string): string {
  return pathFor(platform).join(userData, CONFIG_FILE);
}

/** The hub's data folder on the hub PC: hub.sqlite, hub.json (its keys) and backups/. */
export function hubDataDir(platform: NodeJS.Platform, userData: string, configured: string | undefined): string {
  const p = pathFor(platform);
  return configured ? p.resolve(configured) : p.join(userData, 'hub');
}

export function hubBackupDir(platform: NodeJS.Platform, dataDir: string): string {
  return pathFor(platform).join(dataDir, 'backups');
}

export function windowStatePath(platform: NodeJS.Platform, userData: string): string {
  return pathFor(platform).join(userData, 'window-state.json');
}

/** The hub a seat found on the LAN, kept so the next start goes straight to it. */
export function discoveredHubPath(platform: NodeJS.Platform, userData: string): string {
  return pathFor(platform).join(userData, 'discovered-hub.json');
}

export function logDir(platform: NodeJS.Platform, userData: string): string {
  return pathFor(platform).join(userData, 'logs');
}
