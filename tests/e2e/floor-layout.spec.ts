/**
 * The supervisor's floor at 1366x768: of 40 seats, the 8 staffed ones are listed first (on a
 * call, wrap-up, ready, break) and the empty ones fold into one line of numbers, so the floor
 * is seen without scrolling.
 */
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import type { Hub } from '../../electron/hub/index';
import { E2E_KEYS, lanUrl } from './env';
import { signInSupervisor, Supervisor } from './helpers';
import { ownHub, removeDataDir, tempDataDir } from './hubs';

let hub: Hub;
let dataDir: string;
const seats: Supervisor[] = [];

test.beforeAll(async () => {
  // A hub of its own: the seats signed in here would show on every other test's floor.
  dataDir = tempDataDir();
  hub = await ownHub(dataDir);
});

test.afterAll(async () => {
  for (const s of seats) s.close();
  await hub.close();
  removeDataDir(dataDir);
});

test('40 seats with 8 staffed: the staffed ones first, by state, all in view; the rest as one line', async ({ browser }, info) => {
  const staffed: [seat: number, name: string, state: 'on_call' | 'wrap_up' | 'ready' | 'break'][] = [
    [3, 'Asha', 'ready'],
    [7, 'Ravi', 'on_call'],
    [8, 'Kavita', 'break'],
    [12, 'Mohit', 'wrap_up'],
    [15, 'Imran', 'on_call'],
    [21, 'Neha', 'ready'],
    [30, 'Farah', 'on_call'],
    [38, 'Sanjay', 'break'],
  ];
  for (const [seat, name, state] of staffed) {
    const s = await Supervisor.connect(hub.url, { key: E2E_KEYS.operator, seat, name });
    seats.push(s);
    if (state === 'ready' || state === 'break') await s.request('seat:set', { opId: randomUUID(), state });
    else {
      const started = await s.request('call:start', { opId: randomUUID() });
      if (state === 'wrap_up') await s.request('call:end', { opId: randomUUID(), callId: (started.call as { id: string }).id, disposition: 'info_given' });
    }
  }

  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await ctx.newPage();
  await signInSupervisor(page, 'Meenakshi', lanUrl(hub.url));
  const list = page.getByRole('list', { name: 'Seats', exact: true });
  const items = list.getByRole('listitem');
  await expect(items).toHaveCount(9);
  const order = ['Ravi', 'Imran', 'Farah', 'Mohit', 'Asha', 'Neha', 'Kavita', 'Sanjay'];
  for (const [i, name] of order.entries()) await expect(items.nth(i)).toContainText(name);
  await expect(items.nth(0)).toContainText('On call');
  await expect(items.nth(3)).toContainText('Wrap-up');
  await expect(items.nth(7)).toContainText('Break');
  await expect(items.nth(8)).toHaveText(/Offline: 32\s*seats 1, 2, 4–6, 9–11, 13, 14, 16–20, 22–29, 31–37, 39, 40/);
  // Nothing to scroll to: every seat, the folded line included, is in the list's view.
  expect(await list.evaluate((el) => el.scrollHeight <= el.clientHeight)).toBe(true);
  const box = (await list.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(768);
  await page.screenshot({ path: info.outputPath('floor-en-1366x768.png') });

  // A seat signing out joins the folded line; the numbers say which.
  seats.splice(seats.findIndex((s, i) => staffed[i]![0] === 21), 1)[0]!.close();
  await expect(items).toHaveCount(8);
  await expect(items.last()).toContainText('Offline: 33');
  await expect(items.last()).toContainText('16–29');
  await ctx.close();
});
