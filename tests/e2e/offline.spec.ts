import { expect, test } from '@playwright/test';
import { signIn, Supervisor, ticketList, uniquePhone } from './helpers';
import { E2E_PIN } from './people';

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

test('what one person queued offline is never sent as another at the same seat; it goes when they sign in again', async ({ browser }) => {
  test.setTimeout(90_000);
  // One PC, one browser profile: the outbox is kept on this PC, per seat and person.
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, 27, 'Seema');
  const phone = uniquePhone();
  const description = `Queued by Seema while the LAN was down ${phone.slice(-4)}`;
  await ctx.setOffline(true);
  await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Offline');
  await page.getByLabel('Caller phone', { exact: true }).fill(phone);
  await page.getByLabel('Category', { exact: true }).selectOption('other');
  await page.getByLabel('Description', { exact: true }).fill(description);
  await page.getByRole('button', { name: 'Create ticket', exact: true }).click();
  await expect(ticketList(page).getByRole('listitem').filter({ hasText: description })).toContainText('Not yet synced');
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  // The form says whose changes wait, and where they go.
  await expect(page.getByText('1 changes made by seema at seat 27 are waiting to be sent')).toBeVisible();
  await ctx.setOffline(false);

  // Lata sits down at the same seat: Seema's ticket is neither sent as hers nor shown as hers.
  const sup = await Supervisor.connect();
  // (The hub notices a connection cut by the network within its heartbeat: until then the seat is hers.)
  const seemaAtSeat = async () => {
    const users = (await sup.request('users:list', {})).users as { username: string; sessions: { seat?: number; connected?: boolean }[] }[];
    return users.some((u) => u.username === 'seema' && u.sessions.some((x) => x.seat === 27 && x.connected));
  };
  await expect.poll(seemaAtSeat, { timeout: 25_000 }).toBe(false);
  await page.getByLabel('User', { exact: true }).fill('lata');
  await page.getByLabel('PIN', { exact: true }).fill(E2E_PIN);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const conn = page.getByRole('status', { name: 'Connection' });
  await expect(conn).toContainText('Connected');
  await expect(conn).not.toContainText('not yet sent');
  await expect(ticketList(page).getByRole('listitem').filter({ hasText: description })).toHaveCount(0);
  await page.waitForTimeout(1500);
  expect(await sup.ticketsOf(phone)).toHaveLength(0);

  // Seema back at her seat: her ticket goes now, under her name.
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.getByLabel('User', { exact: true }).fill('seema');
  await page.getByLabel('PIN', { exact: true }).fill(E2E_PIN);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(ticketList(page).getByRole('listitem').filter({ hasText: description })).toContainText(/#\d+/, { timeout: 15_000 });
  const tickets = await sup.ticketsOf(phone);
  expect(tickets).toHaveLength(1);
  expect(tickets[0]).toMatchObject({ seat: 27, createdByUser: 'seema', createdBy: 'Seema' });
  sup.close();
  await ctx.close();
});
