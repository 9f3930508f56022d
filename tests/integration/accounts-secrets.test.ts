/**
 * A PIN is never in clear anywhere but where a person needs it: not in any payload the hub sends
 * (the one-time PIN of `user:create` and `user:resetPin` goes to the supervisor who asked, in
 * that answer only), not in any line the hub logs, not in the database file or its WAL, not in
 * a backup. Searched for byte for byte.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { operatorAuth, supervisorAuth, type TestClient } from '../helpers/client';
import { startTestHub } from '../helpers/hub';
import { TEST_KEYS } from '../helpers/keys';
import { Resources } from '../helpers/resources';

const res = new Resources();
afterEach(() => res.cleanup());

/** Where each PIN occurs in `bytes`, as text (SQLite stores text as UTF-8). */
function found(bytes: Buffer, pins: readonly string[]): string[] {
  return pins.filter((pin) => bytes.includes(Buffer.from(pin, 'utf8')));
}

function framesWith(c: TestClient, text: string): string[] {
  return c.raw.filter((f) => f.includes(text));
}

it('a PIN appears in no payload, log line, database file, WAL or backup', async () => {
  const own = '90817263';
  const chosen = '55319024';
  const wrong = '31415926';
  // Eight digits each: a shorter run could turn up by chance in an id or a hash's text.
  const supervisorPin = '62839405';
  const lines: string[] = [];
  const hub = await startTestHub(res, {
    seats: 8,
    users: [
      { username: 'sup1', name: 'Supervisor', role: 'supervisor', pin: supervisorPin },
      { username: 'op4', name: 'Operator 4', role: 'operator', pin: '40392817' },
      { username: 'meera', name: 'Meera', role: 'operator', pin: own },
    ],
    log: (line) => lines.push(line),
    // The hub's own parameters, as on a floor: what is stored is what is searched.
    pinHashing: null,
  });
  const sup = await res.ready(hub.url, supervisorAuth({ pin: supervisorPin }));
  const meera = await res.ready(hub.url, operatorAuth(2, { user: 'meera', pin: own }));
  const refused = res.client(hub.url, operatorAuth(3, { user: 'meera', pin: wrong }));
  await refused.signedIn().catch(() => undefined);
  expect((await meera.emit('pin:change', { current: wrong, next: '77777777' })).error?.code).toBe('forbidden');
  // Refusals name the field and the rule, never the value.
  const tooShort = 'pq9z!x';
  expect((await meera.emit('pin:change', { current: own, next: tooShort })).error).toMatchObject({ code: 'invalid', field: 'next' });
  const overlong = `overlong-${'q'.repeat(130)}`;
  const invalid = res.client(hub.url, operatorAuth(3, { user: 'meera', pin: overlong }));
  await invalid.signedIn().catch(() => undefined);
  expect(invalid.connectError?.message).toBe('invalid');
  expect(JSON.stringify((invalid.connectError as Error & { data?: unknown }).data)).not.toContain('overlong');
  expect((await meera.emit('pin:change', { current: own, next: chosen })).ok).toBe(true);
  const created = await sup.emit('user:create', { opId: randomUUID(), username: 'nisha', name: 'Nisha', role: 'operator' });
  const reset = await sup.emit('user:resetPin', { opId: randomUUID(), username: 'op4' });
  const oneTime = [created.pin as string, reset.pin as string];
  const nisha = res.client(hub.url, { key: TEST_KEYS.operator, clientId: randomUUID(), seat: 5, user: 'nisha', pin: oneTime[0] });
  await nisha.signedIn();
  expect((await nisha.emit('pin:change', { current: oneTime[0], next: '86420864' })).ok).toBe(true);
  const backup = await sup.emit('backup:now', {});
  expect(backup.ok, JSON.stringify(backup.error)).toBe(true);

  const pins = [own, chosen, wrong, supervisorPin, '40392817', '77777777', '86420864', tooShort, overlong, ...oneTime];
  // Payloads: the one-time PINs in the two answers that hand them over, and nowhere else.
  for (const c of [meera, refused, invalid, nisha]) expect(found(Buffer.from(c.rawText()), pins), 'frames to a person').toEqual([]);
  for (const pin of oneTime) expect(framesWith(sup, pin)).toHaveLength(1);
  expect(found(Buffer.from(sup.raw.filter((f) => !oneTime.some((p) => f.includes(p))).join('\n')), pins)).toEqual([]);
  // The hub's log.
  expect(lines.length).toBeGreaterThan(0);
  expect(found(Buffer.from(lines.join('\n')), pins)).toEqual([]);
  // The database while it runs (file and WAL), the backup, and the file once closed.
  const wal = `${hub.dbFile}-wal`;
  expect(existsSync(wal)).toBe(true);
  expect(found(readFileSync(wal), pins), 'the WAL').toEqual([]);
  expect(found(readFileSync(hub.dbFile), pins), 'the database').toEqual([]);
  expect(found(readFileSync((backup.backup as { file: string }).file), pins), 'the backup').toEqual([]);
  await hub.close();
  expect(found(readFileSync(hub.dbFile), pins), 'the database, closed').toEqual([]);
  // What is there instead: a hash, its salt and the parameters it was made with.
  expect(readFileSync(hub.dbFile).includes(Buffer.from('"alg":"scrypt","N":32768,"r":8,"p":1,"keylen":32'))).toBe(true);
});
