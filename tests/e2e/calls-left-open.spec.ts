/**
 * A call left open when the operator's page closes: the supervisor sees the seat offline with
 * its call, closes it, and the wall stops showing it as the longest call; the operator, back,
 * reads that the hub closed it. On a hub of its own, so that no other test's call is the
 * longest, with a grace period long enough that only the supervisor closes the call.
 */
import { expect, test } from '@playwright/test';
import type { Hub } from '../../electron/hub/index';
import { E2E_KEYS, lanUrl } from './env';
import { cspViolations, signIn, signInSupervisor, uniquePhone, watchCsp } from './helpers';
import { ownHub, removeDataDir, tempDataDir } from './hubs';

let hub: Hub;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = tempDataDir();
  hub = await ownHub(dataDir, { callGraceSeconds: 600 });
});

test.afterAll(async () => {
  await hub.close();
  removeDataDir(dataDir);
});

test('a supervisor closes the call of a seat whose page was closed, and the wall lets it go', async ({ browser }) => {
  test.setTimeout(90_000);
  const base = lanUrl(hub.url);
  const wallCtx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const wall = await wallCtx.newPage();
  await watchCsp(wall);
  await wall.goto(`${base}/wall?key=${E2E_KEYS.wall}&lang=en`);
  const longest = wall.getByLabel('Longest call now', { exact: true });
  // The figure with the seat it names beside it.
  const longestFigure = longest.locator('xpath=..');
  await expect(longest).toHaveText('—');

  const supCtx = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  const sup = await supCtx.newPage();
  await signInSupervisor(sup, 'Meenakshi', base);
  const leftOpen = sup.getByRole('list', { name: 'Calls left open', exact: true });

  const opCtx = await browser.newContext();
  const op = await opCtx.newPage();
  await signIn(op, 11, 'Seema', 'en', base);
  await op.getByLabel('Caller phone', { exact: true }).fill(uniquePhone());
  await op.getByRole('button', { name: 'Start call', exact: true }).click();
  await expect(op.getByRole('timer', { name: 'Call time' })).toBeVisible();
  await expect(longest).toHaveText(/^\d+:\d\d$/);
  await expect(longestFigure).toContainText('Seat 11');
  // A call running a few seconds on a seat that is there is nobody's business but the operator's.
  await expect(leftOpen).toHaveCount(0);

  // The browser is closed in the middle of the call.
  await opCtx.close();
  const item = leftOpen.getByRole('listitem').filter({ hasText: 'Seat 11' });
  await expect(item).toContainText('Seema');
  await expect(item).toContainText('Offline');
  await expect(item).toContainText(/Call open \d+:\d\d/);
  // Still the longest call on the wall: the seat may come back to it.
  await expect(longestFigure).toContainText('Seat 11');

  await item.getByRole('button', { name: 'Close call, seat 11', exact: true }).click();
  await sup.getByRole('button', { name: 'Yes, close it', exact: true }).click();
  await expect(leftOpen).toHaveCount(0);
  await expect(longest).toHaveText('—');
  await expect(longestFigure).not.toContainText('Seat 11');

  // The operator signs in again: no call running, and a word on what became of it.
  const backCtx = await browser.newContext();
  const back = await backCtx.newPage();
  await signIn(back, 11, 'Seema', 'en', base);
  await expect(back.getByText('The hub closed your last call as “Disconnected”')).toBeVisible();
  await expect(back.getByRole('timer', { name: 'Call time' })).toHaveCount(0);
  await expect(back.getByRole('button', { name: 'Start call', exact: true })).toBeEnabled();
  await back.getByRole('button', { name: 'Ready', exact: true }).click();
  await expect(back.getByText('The hub closed your last call as “Disconnected”')).toHaveCount(0);

  expect(await cspViolations(sup)).toEqual([]);
  expect(await cspViolations(wall)).toEqual([]);
  await Promise.all([backCtx.close(), supCtx.close(), wallCtx.close()]);
});

/** A timer's "m:ss" in seconds. */
function seconds(text: string | null): number {
  const m = /(\d+):(\d\d)/.exec(text ?? '');
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
}

test('an operator whose page closed during a call comes back to it, timed from its true start', async ({ browser }) => {
  const base = lanUrl(hub.url);
  const opCtx = await browser.newContext();
  const op = await opCtx.newPage();
  await signIn(op, 12, 'Kavita', 'en', base);
  await op.getByRole('button', { name: 'Start call', exact: true }).click();
  const timer = op.getByRole('timer', { name: 'Call time' });
  await expect(timer).toBeVisible();
  await expect.poll(async () => seconds(await timer.textContent()), { timeout: 15_000 }).toBeGreaterThanOrEqual(6);
  await opCtx.close();

  const backCtx = await browser.newContext();
  const back = await backCtx.newPage();
  await signIn(back, 12, 'Kavita', 'en', base);
  const again = back.getByRole('timer', { name: 'Call time' });
  await expect(again).toBeVisible();
  // The same call, still running: more than the six seconds it had, not a new count from 0:00.
  expect(seconds(await again.textContent())).toBeGreaterThanOrEqual(6);
  await expect(back.getByRole('button', { name: 'End call', exact: true })).toBeEnabled();
  await backCtx.close();
});
