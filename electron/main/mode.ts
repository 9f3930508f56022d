/**
 * What the app does at start, decided from the configuration alone: open the setup screen,
 * run the hub, connect to a known hub, or look for one on the LAN. Pure, so every path a PC
 * can take on the floor is a unit test.
 */
import type { ConsoleKind, MachineConfig } from '../../shared/desktop/config';
import { type HubSelection, sameName } from './discovery/select';

export type RememberedHub = { name: string; origin: string };

export type SetupReason = 'no-role' | 'no-hub' | 'no-wall-key' | 'several-hubs' | 'asked';

export type StartPlan =
  | { kind: 'setup'; reason: SetupReason }
  | { kind: 'hub' }
  | { kind: 'connect'; origin: string; source: 'config' | 'remembered' | 'discovered'; hubName?: string }
  | { kind: 'discover' };

export function chooseStart(config: MachineConfig, opts: { remembered: RememberedHub | null; forceSetup: boolean }): StartPlan {
  if (opts.forceSetup) return { kind: 'setup', reason: 'asked' };
  if (!config.role) return { kind: 'setup', reason: 'no-role' };
  if (config.role === 'hub') return { kind: 'hub' };
  if (config.role === 'wall' && !config.wallKey) return { kind: 'setup', reason: 'no-wall-key' };
  if (config.hub) return { kind: 'connect', origin: config.hub, source: 'config' };
  if (!config.discovery) return { kind: 'setup', reason: 'no-hub' };
  const remembered = opts.remembered;
  // A hub remembered under another name than the one IT pinned is not this floor's hub.
  if (remembered && (!config.hubName || sameName(config.hubName, remembered.name))) {
    return { kind: 'connect', origin: remembered.origin, source: 'remembered', hubName: remembered.name };
  }
  return { kind: 'discover' };
}

/** After looking on the LAN for a while: go to the one hub found, or ask. */
export function afterDiscovery(selection: HubSelection): StartPlan {
  if (selection.kind === 'one') return { kind: 'connect', origin: selection.hub.origin, source: 'discovered', hubName: selection.hub.name };
  return { kind: 'setup', reason: selection.kind === 'several' ? 'several-hubs' : 'no-hub' };
}

/**
 * How long a seat or wall waits for its hub before looking again on the LAN. A wall keeps
 * retrying its configured address forever (the hub PC may simply be rebooting); only a
 * discovered or remembered address is given up for a fresh search, since DHCP may have moved it.
 */
export function shouldRediscover(plan: Extract<StartPlan, { kind: 'connect' }>, failedAttempts: number, discovery: boolean): boolean {
  return discovery && plan.source !== 'config' && failedAttempts >= 3;
}


/**
 * The page a window opens on the hub: the operator's sign-in at `/`, the supervisor's console at
 * `/supervisor` (the hub PC's default), the wall at `/wall`, which reads its key from the address.
 */
export function consoleUrl(origin: string, window: ConsoleKind, wallKey: string | undefined): string {
  if (window === 'wall') return `${origin}/wall${wallKey ? `?key=${encodeURIComponent(wallKey)}` : ''}`;
  if (window === 'supervisor') return `${origin}/supervisor`;
  return `${origin}/`;
}
