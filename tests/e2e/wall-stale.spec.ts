import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { E2E_KEYS, lanUrl } from './env';
import { Supervisor } from './helpers';
import { ownHub, removeDataDir, tempDataDir } from './hubs';

test('when the hub goes away the wall says so and since when, and catches up by itself when it is back', async ({ browser }) => {
  test.setTimeout(90_000);
  const dataDir = tempDataDir();
  let hub = await ownHub(dataDir);
  const port = hub.port;
  try {
    const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const wall = await ctx.newPage();
    await wall.goto(`${lanUrl(hub.url)}/wall?key=${E2E_KEYS.wall}&lang=en`);
    const total = wall.getByLabel('Total calls', { exact: true });
    await expect(total).toHaveText(/^[\d,]+$/);
    const before = Number((await total.textContent())!.replace(/,/g, ''));
    const banner = wall.getByRole('alert').filter({ hasText: 'Connection to the hub lost since' });
    await expect(banner).toBeHidden();

    // The hub stops (its process ends; the wall is told nothing more).
    await hub.close();
    await expect(banner).toBeVisible({ timeout: 20_000 });
    await expect(banner).toContainText(/since \d\d:\d\d:\d\d IST/);
    // The old figures stay up, dimmed and labelled as old, never passed off as current.
    await expect(wall.locator('main.wall')).toHaveClass(/is-stale/);
    await expect(total).toHaveText(String(before));

    // The same hub comes back on the same port and data; the wall reconnects on its own.
    hub = await ownHub(dataDir, { port });
    await expect(banner).toBeHidden({ timeout: 20_000 });
    await expect(wall.locator('main.wall')).not.toHaveClass(/is-stale/);

    // And it is live again: a call on a seat shows at once.
    const seat = await Supervisor.connect(hub.url, { key: E2E_KEYS.operator, seat: 5, name: 'Nikhil' });
    const r = await seat.request('call:start', { opId: randomUUID() });
    expect(r.ok).toBe(true);
    await expect(total).toHaveText(String(before + 1));
    await expect(wall.getByRole('list', { name: 'Seats', exact: true }).getByRole('listitem').nth(4)).toContainText('On call');
    seat.close();
    await ctx.close();
  } finally {
    await hub.close();
    removeDataDir(dataDir);
  }
});
