/**
 * Accounts as `npm run hub` starts with them: `--users FILE` creates the accounts that do not
 * exist and never changes one that does; a wrong file stops the start and says what is wrong;
 * a hub without a supervisor makes one and prints its one-time PIN once, except as a service,
 * where it is only in a file of its own that goes once the PIN is changed.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { expectRefused, type TestClient } from '../helpers/client';
import { REPO_ROOT, spawnHub, type ChildHub } from '../helpers/child';
import { TEST_KEYS } from '../helpers/keys';
import { Resources } from '../helpers/resources';
import { waitUntil } from '../helpers/wait';

const res = new Resources();
afterEach(() => res.cleanup());

/** The start's lines end with where the data is. */
function printedAll(hub: ChildHub): Promise<void> {
  return waitUntil(() => /^Data: /m.test(hub.output()), 'the start lines');
}

function operator(url: string, user: string, pin: string, seat = 1): TestClient {
  return res.client(url, { key: TEST_KEYS.operator, clientId: randomUUID(), seat, user, pin });
}

it('--users creates the accounts that are new, once, and never changes an existing one; its PINs are not printed', async () => {
  const dataDir = await res.dataDir();
  const file = join(dataDir, 'users.json');
  writeFileSync(file, JSON.stringify([{ username: 'Xavier', name: 'Xavier Lobo', role: 'operator', pin: '61720583' }]));
  const hub1 = await spawnHub(res, { dataDir, users: null, args: ['--users', file] });
  const x = await operator(hub1.url, 'xavier', '61720583').ready();
  expect(x.session!.user).toEqual({ username: 'xavier', name: 'Xavier Lobo', role: 'operator' });
  await printedAll(hub1);
  expect(hub1.output()).toContain('1 account created from the users list: xavier');
  expect(hub1.output()).not.toContain('61720583');
  x.close();
  hub1.signalHub('SIGTERM');
  expect((await hub1.exited).code).toBe(0);

  // The same file, edited: a new PIN and name for Xavier (ignored), and a new person (created).
  writeFileSync(
    file,
    JSON.stringify([
      { username: 'xavier', name: 'Someone Else', role: 'supervisor', pin: '99887766' },
      { username: 'yamini', name: 'Yamini', role: 'operator', pin: '44332211', mustChangePin: true },
    ]),
  );
  const hub2 = await spawnHub(res, { dataDir, users: null, args: ['--users', file] });
  expect((await expectRefused(hub2.url, { key: TEST_KEYS.operator, clientId: randomUUID(), seat: 1, user: 'xavier', pin: '99887766' })).connectError?.message).toBe('unauthorized');
  const again = await operator(hub2.url, 'xavier', '61720583').ready();
  expect(again.session!.user).toEqual({ username: 'xavier', name: 'Xavier Lobo', role: 'operator' });
  expect(await operator(hub2.url, 'yamini', '44332211', 2).signedIn()).toMatchObject({ mustChangePin: true });
  await printedAll(hub2);
  expect(hub2.output()).toContain('1 account created from the users list: yamini');
}, 90_000);

it('a wrong users file stops the start, saying which entry is wrong and why, and creates nothing', async () => {
  const cases: [string, string, RegExp][] = [
    ['not json', '[{"username": ', /not valid JSON/],
    ['a short PIN', JSON.stringify([{ username: 'ravi', name: 'Ravi', role: 'operator', pin: '1234' }]), /entry 1 \(pin\): a PIN has at least 6 digits/],
    ['a name twice', JSON.stringify([{ username: 'ravi', name: 'Ravi', role: 'operator', pin: '123456' }, { username: 'Ravi', name: 'R', role: 'operator', pin: '654321' }]), /entry 2 \(username\): ravi is listed twice/],
    ['an unknown role', JSON.stringify([{ username: 'ravi', name: 'Ravi', role: 'admin', pin: '123456' }]), /entry 1 \(role\)/],
  ];
  for (const [label, text, message] of cases) {
    const dataDir = await res.dataDir();
    const file = join(dataDir, 'users.json');
    writeFileSync(file, text);
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'electron/hub/cli.ts', '--host', '127.0.0.1', '--port', '0', '--data', dataDir, '--users', file], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, HUB_OPERATOR_KEY: TEST_KEYS.operator, HUB_SUPERVISOR_KEY: TEST_KEYS.supervisor, HUB_WALL_KEY: TEST_KEYS.wall },
    });
    expect(run.status, label).toBe(1);
    expect(run.stderr, label).toMatch(message);
    expect(run.stdout, label).not.toContain('listening on');
    expect(existsSync(join(dataDir, 'hub.sqlite')), `${label}: nothing created`).toBe(false);
  }
  const missing = spawnSync(process.execPath, ['--import', 'tsx', 'electron/hub/cli.ts', '--port', '0', '--data', await res.dataDir(), '--users', '/no/such/users.json'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 30_000 });
  expect(missing.status).toBe(1);
  expect(missing.stderr).toContain('cannot read the users file /no/such/users.json (ENOENT)');
}, 90_000);

it('a hub with no supervisor makes one and prints its one-time PIN once; signing in with it asks for a new PIN first', async () => {
  const dataDir = await res.dataDir();
  const hub1 = await spawnHub(res, { dataDir, users: null });
  await printedAll(hub1);
  const out = hub1.output();
  const printed = /username\s+(\S+)\n\s+PIN\s+(\d{8})/.exec(out);
  expect(printed, out).not.toBeNull();
  const [, username, pin] = printed!;
  expect(username).toBe('supervisor');
  const file = join(dataDir, 'first-supervisor.txt');
  expect((statSync(file).mode & 0o777).toString(8)).toBe('600');
  expect(readFileSync(file, 'utf8')).toContain(`One-time PIN: ${pin}`);
  hub1.signalHub('SIGTERM');
  await hub1.exited;
  const hub2 = await spawnHub(res, { dataDir, users: null });
  await printedAll(hub2);
  expect(hub2.output(), 'printed once').not.toContain(pin!);
  const sup = res.client(hub2.url, { key: TEST_KEYS.supervisor, clientId: randomUUID(), user: username, pin });
  expect(await sup.signedIn()).toMatchObject({ mustChangePin: true, user: { username: 'supervisor', role: 'supervisor' } });
  expect((await sup.emit('users:list', {})).error?.code).toBe('forbidden');
  expect((await sup.emit('pin:change', { current: pin, next: 'a passphrase of my own' })).ok).toBe(true);
  await sup.ready();
  expect(existsSync(file), 'the file goes once its PIN is changed').toBe(false);
}, 90_000);

it('as a service, the first supervisor is only in its file, never in the output', async () => {
  const dataDir = await res.dataDir();
  const hub = await spawnHub(res, { dataDir, users: null, args: ['--service', '--backup-every', '0'] });
  await printedAll(hub);
  const file = join(dataDir, 'first-supervisor.txt');
  const pin = /One-time PIN: (\d{8})/.exec(readFileSync(file, 'utf8'))![1]!;
  expect(hub.output()).not.toContain(pin);
  expect(hub.output()).toContain(`its username and one-time PIN are in ${file}`);
  const sup = res.client(hub.url, { key: TEST_KEYS.supervisor, clientId: randomUUID(), user: 'supervisor', pin });
  expect(await sup.signedIn()).toMatchObject({ mustChangePin: true });
}, 60_000);
