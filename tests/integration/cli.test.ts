/**
 * The hub as `npm run hub` starts it: role keys from the environment or from DIR/hub.json,
 * generated once (file mode 0600) and printed once; the flags of the contract; /healthz.
 */
import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { TestClient } from '../helpers/client';
import { spawnHub } from '../helpers/child';
import { TEST_PIN } from '../helpers/keys';
import { healthz, Resources } from '../helpers/resources';
import { waitUntil } from '../helpers/wait';

const res = new Resources();
afterEach(() => res.cleanup());

/** Every string in a JSON value. */
function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v && typeof v === 'object') return Object.values(v).flatMap(strings);
  return [];
}

/** Connects with `key`, signed in as `user` (at seat 1); resolves with the outcome. */
async function tryAs(url: string, key: string, user: string): Promise<'accepted' | 'unauthorized' | 'refused'> {
  const c = res.client(url, { key, clientId: randomUUID(), seat: 1, user, pin: TEST_PIN });
  await waitUntil(() => c.connectError !== null || c.snapshots.length > 0, `an answer for a key`, 10_000);
  c.close();
  if (c.snapshots.length > 0) return 'accepted';
  return c.connectError!.message === 'unauthorized' ? 'unauthorized' : 'refused';
}

/** Connects with `key` as an operator, then (refused) as a supervisor: a key of either role, or the wall's, is accepted. */
async function tryKey(url: string, key: string): Promise<'accepted' | 'unauthorized' | 'refused'> {
  const first = await tryAs(url, key, 'op1');
  return first === 'accepted' ? first : tryAs(url, key, 'sup1');
}

it('without keys in the environment, keys are generated once into hub.json (0600), printed once, and kept', async () => {
  const dataDir = await res.dataDir();
  const hub1 = await spawnHub(res, { dataDir, keys: null });
  const file = path.join(dataDir, 'hub.json');
  const mode = (await stat(file)).mode & 0o777;
  expect(mode.toString(8)).toBe('600');
  const candidates = [...new Set(strings(JSON.parse(await readFile(file, 'utf8'))))].filter((s) => s.length >= 8);
  const working: string[] = [];
  for (const k of candidates) if ((await tryKey(hub1.url, k)) !== 'unauthorized') working.push(k);
  expect(working.length, 'three role keys in hub.json').toBeGreaterThanOrEqual(3);
  for (const k of working) expect(hub1.output(), 'each generated key is printed').toContain(k);
  expect(await tryKey(hub1.url, 'guess-this-key')).toBe('unauthorized');

  hub1.signalHub('SIGTERM');
  expect((await hub1.exited).code).toBe(0);
  const hub2 = await spawnHub(res, { dataDir, keys: null });
  for (const k of working) expect(await tryKey(hub2.url, k), 'the same keys after a restart').not.toBe('unauthorized');
  for (const k of working) expect(hub2.output(), 'a stored key is not printed again').not.toContain(k);
}, 60_000);

it('keys from the environment decide the role; --seats sets the number of seats', async () => {
  const dataDir = await res.dataDir();
  const hub = await spawnHub(res, { dataDir, seats: 6, keys: { operator: 'env-operator-key-1', supervisor: 'env-supervisor-key-2', wall: 'env-wall-key-3' } });
  const wall = new TestClient(hub.url, { key: 'env-wall-key-3', clientId: randomUUID() });
  res.defer(() => wall.close());
  await wall.ready();
  expect(wall.snapshots[0]!.seats).toHaveLength(6);
  const denied = await wall.emit('call:start', { opId: randomUUID() });
  expect(denied.error?.code).toBe('forbidden');
  expect(await tryKey(hub.url, 'env-operator-key-1')).toBe('accepted');
  expect(await tryKey(hub.url, 'env-supervisor-key-2')).toBe('accepted');
  expect(await tryKey(hub.url, 'x')).toBe('unauthorized');
  const h = await healthz(hub.url);
  expect(h.ok).toBe(true);
  expect(Number.isInteger(h.seq)).toBe(true);
}, 60_000);

it('a --data folder that does not exist yet is created, keys and all', async () => {
  const dataDir = path.join(await res.dataDir(), 'not', 'yet', 'there');
  const hub = await spawnHub(res, { dataDir, keys: null });
  expect((await healthz(hub.url)).ok).toBe(true);
  expect(((await stat(path.join(dataDir, 'hub.json'))).mode & 0o777).toString(8)).toBe('600');
});
