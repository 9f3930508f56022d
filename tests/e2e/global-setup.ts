/**
 * One hub for the whole run: a temporary data folder, a free port, keys the tests know. Tests
 * keep out of each other's way by using their own seats and phone numbers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startHub } from '../../electron/hub/index';
import { E2E_KEYS, INITIAL_TOTAL } from './env';
import { E2E_PIN_HASHING, E2E_USERS } from './hubs';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hcr-e2e-'));
  const hub = await startHub({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    keys: E2E_KEYS,
    users: E2E_USERS,
    pinHashing: E2E_PIN_HASHING,
    initialTotal: INITIAL_TOTAL,
    rendererDir: resolve('dist/renderer'),
    log: () => undefined,
  });
  process.env.E2E_HUB_URL = hub.url;
  return async () => {
    await hub.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
