import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

// The hub's clock is the authority: a workstation whose clock is minutes off still shows true
// call timers, because the console measures against the hub's time (`serverTime`).
test('a seat whose clock is seven minutes slow still times its call from zero', async ({ page }) => {
  await page.clock.setSystemTime(new Date(Date.now() - 7 * 60_000));
  await signIn(page, 37, 'Operator 37');
  await page.keyboard.press('F2');
  const timer = page.getByRole('timer', { name: 'Call time' });
  await expect(timer).toBeVisible();
  await page.waitForTimeout(2_500);
  // 0:02 or 0:03 — neither a negative time nor seven minutes.
  await expect(timer).toHaveText(/^0:0[1-4]$/);
});
