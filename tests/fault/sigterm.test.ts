/**
 * Clean stop: SIGTERM while seats are writing (and SIGINT when idle). The hub exits with status 0 within a few
 * seconds, every acknowledged write is on disk after a restart, and the ops it did not get
 * to can be re-sent with their opIds without doubling anything.
 */
import { afterEach, expect, it } from 'vitest';
import { spawnHub } from '../helpers/child';
import { Load, expectAcknowledgedWritesKept, freshSnapshot, resendAndExpectExactlyOnce } from '../helpers/load';
import { healthz, Resources } from '../helpers/resources';
import { waitUntil } from '../helpers/wait';

const res = new Resources();
afterEach(() => res.cleanup());

const INITIAL_TOTAL = 1_000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

it('SIGTERM under load: exit 0 within 5 s, nothing acknowledged is lost', async () => {
  const dataDir = await res.dataDir();
  const hub1 = await spawnHub(res, { dataDir, initialTotal: INITIAL_TOTAL });
  const load = new Load(Array.from({ length: 20 }, (_, i) => i + 1));
  await load.start(res, hub1.url);
  await waitUntil(() => load.acked().length >= 300, 'acknowledged writes under load', 15_000);

  const hubPid = hub1.hubPid();
  const t0 = Date.now();
  hub1.signalHub('SIGTERM');
  const exit = await Promise.race([hub1.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 5_000))]);
  expect(exit, `the hub did not stop within 5 s; output:\n${hub1.output().slice(-2000)}`).not.toBe('timeout');
  expect(exit).toEqual({ code: 0, signal: null });
  expect(Date.now() - t0).toBeLessThan(5_000);
  expect(isAlive(hubPid)).toBe(false);
  await load.done();

  const hub2 = await spawnHub(res, { dataDir, initialTotal: INITIAL_TOTAL });
  expectAcknowledgedWritesKept(await freshSnapshot(res, hub2.url), load, INITIAL_TOTAL, ['internal']);
  await resendAndExpectExactlyOnce(res, hub2.url, load, INITIAL_TOTAL, async () => (await healthz(hub2.url)).seq);

  // An idle hub stops cleanly on SIGINT (Ctrl-C in the terminal that runs it) too.
  const t1 = Date.now();
  hub2.signalHub('SIGINT');
  expect(await hub2.exited).toEqual({ code: 0, signal: null });
  expect(Date.now() - t1).toBeLessThan(5_000);
}, 90_000);
