import { expect, test } from '@playwright/test';
import { E2E_KEYS, hubUrl } from './env';
import { cspViolations, signIn, uniquePhone, watchCsp } from './helpers';

test('the wall shows the counters and every seat, and follows a call', async ({ browser }) => {
  const wallCtx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const wall = await wallCtx.newPage();
  await watchCsp(wall);
  await wall.goto(`${hubUrl()}/wall?key=${E2E_KEYS.wall}&lang=en`);
  const seats = wall.getByRole('list', { name: 'Seats', exact: true });
  await expect(seats.getByRole('listitem')).toHaveCount(40);
  const total = wall.getByLabel('Total calls', { exact: true });
  await expect(total).toHaveText(/^\d{1,2}(,\d\d)*,\d{3}$/);
  await expect(wall.getByLabel('Calls today', { exact: true })).toHaveText(/^[\d,]+$/);

  const opCtx = await browser.newContext();
  const op = await opCtx.newPage();
  await signIn(op, 17, 'Wall Watcher');
  const seat17 = seats.getByRole('listitem').nth(16);
  await expect(seat17).toContainText('17');
  await expect(seat17).toContainText('Wall Watcher');
  await expect(seat17).toContainText('Ready');

  const before = (await total.textContent())!;
  const phone = uniquePhone();
  await op.getByLabel('Caller phone', { exact: true }).fill(phone);
  await op.getByRole('button', { name: 'Start call', exact: true }).click();
  await expect(seat17).toContainText('On call');
  await expect(seat17).toContainText(/Call \d+:\d\d/);
  await expect(total).not.toHaveText(before);
  expect(Number(((await total.textContent()) ?? '').replace(/,/g, ''))).toBe(Number(before.replace(/,/g, '')) + 1);
  // Never a caller's number on the wall.
  await expect(wall.locator('body')).not.toContainText(phone.slice(-6));

  expect(await cspViolations(wall)).toEqual([]);
  await op.getByLabel('Disposition', { exact: true }).selectOption('info_given');
  await op.getByRole('button', { name: 'End call', exact: true }).click();
  await expect(seat17).toContainText('Wrap-up');

  // Cut off, it says since when; back on the network, it carries on by itself.
  await wallCtx.setOffline(true);
  await expect(wall.getByRole('alert')).toContainText('Connection to the hub lost since', { timeout: 15_000 });
  await wallCtx.setOffline(false);
  await expect(wall.getByRole('alert')).toBeHidden({ timeout: 15_000 });
  await op.getByRole('button', { name: 'Ready', exact: true }).click();
  await expect(seat17).toContainText('Ready');
  await opCtx.close();
  await expect(seat17).toContainText('Offline');
  await wallCtx.close();
});
