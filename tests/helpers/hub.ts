/** An in-process hub on a free loopback port, with its own data directory. */
import { startHub, type HubOptions } from '../../electron/hub/index';
import type { UsersFileEntry } from '../../shared/protocol/accounts';
import { TEST_KEYS, TEST_PIN_HASHING, TEST_USERS } from './keys';
import type { Resources } from './resources';

export type TestHubOptions = {
  dataDir?: string;
  seats?: number;
  initialTotal?: number;
  timeZone?: string;
  callGraceSeconds?: number;
  /** The accounts to seed (default TEST_USERS); `[]` for a hub that makes its first supervisor. */
  users?: UsersFileEntry[];
  sessionHours?: number;
  signInLimits?: HubOptions['signInLimits'];
  /** The hub's PIN hashing: TEST_PIN_HASHING unless given; `null` for the hub's own default, a floor's. */
  pinHashing?: HubOptions['pinHashing'] | null;
  log?: (line: string) => void;
};
export type TestHub = { url: string; port: number; dataDir: string; dbFile: string; firstSupervisor?: { username: string; pin: string; file: string }; close(): Promise<void> };

export async function startTestHub(res: Resources, options: TestHubOptions = {}): Promise<TestHub> {
  const dataDir = options.dataDir ?? (await res.dataDir());
  const hub = await startHub({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    ...(options.seats !== undefined ? { seats: options.seats } : {}),
    ...(options.initialTotal !== undefined ? { initialTotal: options.initialTotal } : {}),
    ...(options.timeZone !== undefined ? { timeZone: options.timeZone } : {}),
    ...(options.callGraceSeconds !== undefined ? { callGraceSeconds: options.callGraceSeconds } : {}),
    ...(options.sessionHours !== undefined ? { sessionHours: options.sessionHours } : {}),
    ...(options.signInLimits !== undefined ? { signInLimits: options.signInLimits } : {}),
    ...(options.log !== undefined ? { log: options.log } : {}),
    users: options.users ?? TEST_USERS,
    ...(options.pinHashing !== null ? { pinHashing: options.pinHashing ?? TEST_PIN_HASHING } : {}),
    keys: { ...TEST_KEYS },
  });
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(hub.url.replace(/\/$/, ''))) {
    await hub.close();
    throw new Error(`the hub must listen on 127.0.0.1 in tests, it reported ${hub.url}`);
  }
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await hub.close();
  };
  res.defer(close);
  return { url: `http://127.0.0.1:${hub.port}`, port: hub.port, dataDir, dbFile: hub.dbFile, ...(hub.firstSupervisor ? { firstSupervisor: hub.firstSupervisor } : {}), close };
}
