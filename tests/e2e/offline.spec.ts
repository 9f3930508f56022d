import { expect, test } from '@playwright/test';
import { signIn, Supervisor, ticketList, uniquePhone } from './helpers';

test('a seat that loses the network keeps working, and the hub gets each action exactly once', async ({ browser }) => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, 14, 'Neha');
  const phone1 = uniquePhone();
  const phone2 = uniquePhone();
  const description = `Ration kit not delivered to the ward office ${phone1.slice(-4)}`;

  await ctx.setOffline(true);
  const conn = page.getByRole('status', { name: 'Connection' });
  await expect(conn).toContainText('Offline');

  // First call: a ticket, ended with its disposition.
  await page.getByLabel('Caller phone', { exact: true }).fill(phone1);
  await page.getByRole('button', { name: 'Start call', exact: true }).click();
  await expect(page.getByText('Not yet synced — will be sent when the connection is back')).toBeVisible();
  await page.getByLabel('Category', { exact: true }).selectOption('food_ration');
  await page.getByLabel('Description', { exact: true }).fill(description);
  await page.getByRole('button', { name: 'Create ticket', exact: true }).click();
  const row = ticketList(page).getByRole('listitem').filter({ hasText: description });
  await expect(row).toContainText('Not yet synced');
  await page.getByLabel('Disposition', { exact: true }).selectOption('ticket_raised');
  await page.getByRole('button', { name: 'End call', exact: true }).click();

  // Second call: information only.
  await page.getByRole('button', { name: 'Ready', exact: true }).click();
  await page.getByLabel('Caller phone', { exact: true }).fill(phone2);
  await page.getByRole('button', { name: 'Start call', exact: true }).click();
  await page.getByLabel('Disposition', { exact: true }).selectOption('info_given');
  await page.getByRole('button', { name: 'End call', exact: true }).click();
  await expect(conn).toContainText('changes not yet sent');

  // The window is closed while still offline: the outbox is kept on this PC, and a new window
  // (after the network is back) sends it.
  await page.close();
  await ctx.setOffline(false);
  const again = await ctx.newPage();
  await again.goto(page.url());
  const conn2 = again.getByRole('status', { name: 'Connection' });
  await expect(conn2).toContainText('Connected', { timeout: 15_000 });
  await expect(conn2).not.toContainText('not yet sent', { timeout: 15_000 });
  const row2 = ticketList(again).getByRole('listitem').filter({ hasText: description });
  await expect(row2).not.toContainText('Not yet synced');
  await expect(row2).toContainText(/#\d+/);

  const sup = await Supervisor.connect();
  const tickets = await sup.ticketsOf(phone1);
  expect(tickets).toHaveLength(1);
  const calls1 = await sup.callsOf(phone1);
  const calls2 = await sup.callsOf(phone2);
  expect(calls1).toHaveLength(1);
  expect(calls2).toHaveLength(1);
  expect(calls1[0]).toMatchObject({ seat: 14, disposition: 'ticket_raised', ticketId: tickets[0]!.id });
  expect(tickets[0]!.callId).toBe(calls1[0]!.id);
  expect(calls2[0]).toMatchObject({ seat: 14, disposition: 'info_given' });

  // Coming back again (a reload) sends nothing twice.
  await again.reload();
  await expect(conn2).toContainText('Connected');
  expect(await sup.ticketsOf(phone1)).toHaveLength(1);
  expect(await sup.callsOf(phone1)).toHaveLength(1);
  sup.close();
  await ctx.close();
});

test('the same window sends what it queued as soon as the network is back', async ({ browser }) => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, 15, 'Imran');
  const phone = uniquePhone();
  const description = `Needs a movement pass for dialysis ${phone.slice(-4)}`;
  await ctx.setOffline(true);
  await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Offline');
  await page.getByLabel('Caller phone', { exact: true }).fill(phone);
  await page.getByLabel('Category', { exact: true }).selectOption('movement_pass');
  await page.getByLabel('Description', { exact: true }).fill(description);
  await page.getByRole('button', { name: 'Create ticket', exact: true }).click();
  const row = ticketList(page).getByRole('listitem').filter({ hasText: description });
  await expect(row).toContainText('Not yet synced');
  await expect(page.getByRole('status', { name: 'Connection' })).toContainText('1 change not yet sent');
  await ctx.setOffline(false);
  await expect(row).toContainText(/#\d+/, { timeout: 15_000 });
  await expect(row).not.toContainText('Not yet synced');
  const sup = await Supervisor.connect();
  expect(await sup.ticketsOf(phone)).toHaveLength(1);
  sup.close();
  await ctx.close();
});
