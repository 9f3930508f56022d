import { expect, type Page, test } from '@playwright/test';
import { E2E_KEYS, hubUrl } from './env';
import { cspViolations, signIn, uniquePhone, watchCsp } from './helpers';
import { fontsLoaded, MIN_TEXT_SHARE_OF_HEIGHT, wallLayoutProblems } from './wallLayout';

/** A figure of the wall as a number ("1,03,515" → 103515). */
async function figure(wall: Page, name: string): Promise<number> {
  const text = (await wall.getByLabel(name, { exact: true }).textContent()) ?? '';
  return Number(text.replace(/,/g, ''));
}

test('the wall shows the counters, every seat and the floor figures, and follows calls, tickets and seats', async ({ browser }) => {
  const wallCtx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const wall = await wallCtx.newPage();
  await watchCsp(wall);
  await wall.goto(`${hubUrl()}/wall?key=${E2E_KEYS.wall}&lang=en`);
  const seats = wall.getByRole('list', { name: 'Seats', exact: true });
  await expect(seats.getByRole('listitem')).toHaveCount(40);
  const total = wall.getByLabel('Total calls', { exact: true });
  await expect(total).toHaveText(/^\d{1,2}(,\d\d)*,\d{3}$/);
  await expect(wall.getByLabel('Calls today', { exact: true })).toHaveText(/^[\d,]+$/);
  await expect(wall.getByLabel('Dropped today', { exact: true })).toHaveText(/^[\d,]+$/);

  // Labels in both languages, and everything on one 1920x1080 screen: no scrolling, nothing cut
  // off (wall-layout.spec.ts tries the hard cases).
  await expect(wall.getByText('कुल कॉल')).toBeVisible();
  await expect(wall.getByText('Calls per hour, last 24 hours')).toBeVisible();
  await fontsLoaded(wall);
  expect(await wallLayoutProblems(wall, 1080 * MIN_TEXT_SHARE_OF_HEIGHT)).toEqual([]);

  const opCtx = await browser.newContext();
  const op = await opCtx.newPage();
  await signIn(op, 17, 'Wall Watcher');
  const seat17 = seats.getByRole('listitem').nth(16);
  await expect(seat17).toContainText('17');
  await expect(seat17).toContainText('Wall Watcher');
  await expect(seat17).toContainText('Ready');

  const before = await figure(wall, 'Total calls');
  const lastHour = await figure(wall, 'Calls in the last hour');
  const dropped = await figure(wall, 'Dropped today');
  const phone = uniquePhone();
  await op.getByLabel('Caller phone', { exact: true }).fill(phone);
  await op.getByRole('button', { name: 'Start call', exact: true }).click();
  await expect(seat17).toContainText('On call');
  await expect(seat17).toContainText(/On call\s*\d+:\d\d/);
  // Other tests' seats call on this hub at the same time: this call is counted, theirs may be too.
  await expect.poll(() => figure(wall, 'Total calls')).toBeGreaterThanOrEqual(before + 1);
  // Other tests make calls on this hub too: the hour's count grows by this call at least.
  await expect.poll(() => figure(wall, 'Calls in the last hour')).toBeGreaterThan(lastHour);

  // A ticket shows in today's mix under the floor's own label for its category.
  await op.getByLabel('Category', { exact: true }).selectOption('covid_info');
  await op.getByLabel('Description', { exact: true }).fill(`Asks where to get tested near Sohna ${phone.slice(-4)}`);
  await op.getByRole('button', { name: 'Create ticket', exact: true }).click();
  await expect(wall.getByRole('list', { name: 'Today’s requests' })).toContainText('COVID-19 protocol');

  // Never a caller's number on the wall.
  await expect(wall.locator('body')).not.toContainText(phone.slice(-6));

  expect(await cspViolations(wall)).toEqual([]);
  await op.getByLabel('Disposition', { exact: true }).selectOption('dropped');
  await op.getByRole('button', { name: 'End call', exact: true }).click();
  await expect(seat17).toContainText('Wrap-up');
  // No other test drops a call on this hub: the count moves by exactly this one.
  await expect.poll(() => figure(wall, 'Dropped today')).toBe(dropped + 1);
  await expect(wall.getByRole('list', { name: 'Latest dropped' })).toContainText('Seat 17');
  await expect(wall.locator('body')).not.toContainText(phone.slice(-4));

  // Cut off, it says since when; back on the network, it carries on by itself.
  const lost = wall.getByRole('alert').filter({ hasText: 'Connection to the hub lost since' });
  await wallCtx.setOffline(true);
  await expect(lost).toBeVisible({ timeout: 15_000 });
  await wallCtx.setOffline(false);
  await expect(lost).toBeHidden({ timeout: 15_000 });
  await op.getByRole('button', { name: 'Ready', exact: true }).click();
  await expect(seat17).toContainText('Ready');
  await opCtx.close();
  await expect(seat17).toContainText('Offline');
  await wallCtx.close();
});
