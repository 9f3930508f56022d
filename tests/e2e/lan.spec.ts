/**
 * The floor opens the hub at its LAN name over http. A browser does not count such a page as a
 * secure context, so APIs such as `crypto.randomUUID` are missing there; every other spec also
 * goes by the LAN name, and this one says so outright and walks the whole floor once: a seat
 * signs in, takes a call and raises a ticket, the wall and a supervisor see it.
 */
import { expect, type Page, test } from '@playwright/test';
import { E2E_KEYS, hubUrl, LAN_HOST } from './env';
import { signIn, signInSupervisor, ticketList, uniquePhone } from './helpers';

async function notSecure(page: Page): Promise<void> {
  expect(new URL(page.url()).hostname).toBe(LAN_HOST);
  expect(await page.evaluate('[window.isSecureContext, typeof crypto.randomUUID, typeof crypto.getRandomValues]')).toEqual([false, 'undefined', 'function']);
}

test('a floor reached by its LAN name, not a secure context: sign-in, a call, a ticket, the wall and the supervisor', async ({ browser }) => {
  const errors: string[] = [];
  const seatCtx = await browser.newContext();
  const seat = await seatCtx.newPage();
  seat.on('pageerror', (e) => errors.push(e.message));
  await signIn(seat, 31, 'Lata');
  await notSecure(seat);

  await seat.getByRole('button', { name: 'Start call', exact: true }).click();
  const phone = uniquePhone();
  const description = `Ration card not accepted at the depot ${phone.slice(-4)}`;
  await seat.getByLabel('Caller phone', { exact: true }).fill(phone);
  await seat.getByLabel('Category', { exact: true }).selectOption('food_ration');
  await seat.getByLabel('Description', { exact: true }).fill(description);
  await seat.getByRole('button', { name: 'Create ticket', exact: true }).click();
  const row = ticketList(seat).getByRole('listitem').filter({ hasText: description });
  // A number is given by the hub: the ticket reached it, not just the seat's outbox.
  await expect(row).toContainText(/#\d+/);

  const wallCtx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const wall = await wallCtx.newPage();
  wall.on('pageerror', (e) => errors.push(e.message));
  await wall.goto(`${hubUrl()}/wall?key=${E2E_KEYS.wall}&lang=en`);
  await notSecure(wall);
  const seat31 = wall.getByRole('list', { name: 'Seats', exact: true }).getByRole('listitem').nth(30);
  await expect(seat31).toContainText('On call');

  const supCtx = await browser.newContext();
  const sup = await supCtx.newPage();
  sup.on('pageerror', (e) => errors.push(e.message));
  await signInSupervisor(sup, 'Meenakshi');
  await notSecure(sup);
  await expect(sup.getByText('Lata').first()).toBeVisible();

  await seat.getByLabel('Disposition', { exact: true }).selectOption('ticket_raised');
  await seat.getByRole('button', { name: 'End call', exact: true }).click();
  await expect(seat31).toContainText('Wrap-up');
  expect(errors).toEqual([]);
  // The pages and the app have an icon; the browser's request for it is answered.
  expect(await seat.evaluate(`fetch('/favicon.ico').then((r) => [r.status, r.headers.get('content-type')])`)).toEqual([200, 'image/x-icon']);
  await Promise.all([seatCtx.close(), wallCtx.close(), supCtx.close()]);
});
