/**
 * Role keys: from the environment (HUB_OPERATOR_KEY, HUB_SUPERVISOR_KEY, HUB_WALL_KEY), else
 * from DATA/hub.json; a key set nowhere is generated once, stored in hub.json (mode 0600) and
 * reported to the caller so that it is printed once.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '../../shared/protocol/handshake';

/** The three role keys: the key a client presents decides its role. */
export type Keys = Record<Role, string>;

const ENV: Record<Role, string> = { operator: 'HUB_OPERATOR_KEY', supervisor: 'HUB_SUPERVISOR_KEY', wall: 'HUB_WALL_KEY' };
const FILE_FIELD: Record<Role, string> = { operator: 'operatorKey', supervisor: 'supervisorKey', wall: 'wallKey' };

export function newKey(): string {
  return randomBytes(18).toString('base64url');
}

/** `create: false` reads what is there and makes nothing (a missing key is reported in `generated` but not stored). */
export function resolveKeys(dataDir: string, env: NodeJS.ProcessEnv, opts: { create?: boolean } = {}): { keys: Keys; generated: Role[]; file: string } {
  const file = join(dataDir, 'hub.json');
  let stored: Record<string, unknown> = {};
  if (existsSync(file)) {
    try {
      stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch (err) {
      throw new Error(`${file} is not valid JSON (${(err as Error).message}); fix or remove it`, { cause: err });
    }
  }
  const keys = {} as Keys;
  const generated: Role[] = [];
  for (const role of Object.keys(ENV) as Role[]) {
    const fromEnv = env[ENV[role]]?.trim();
    const fromFile = stored[FILE_FIELD[role]];
    if (fromEnv) keys[role] = fromEnv;
    else if (typeof fromFile === 'string' && fromFile.length > 0) keys[role] = fromFile;
    else {
      keys[role] = newKey();
      stored[FILE_FIELD[role]] = keys[role];
      generated.push(role);
    }
  }
  if (generated.length > 0 && opts.create !== false) {
    writeFileSync(file, JSON.stringify(stored, null, 2) + '\n', { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return { keys, generated, file };
}
