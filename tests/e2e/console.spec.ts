import { expect, test } from '@playwright/test';
import { cspViolations, signIn, Supervisor, ticketList, uniquePhone } from './helpers';

test('two seats see each other’s calls and tickets', async ({ browser }) => {
  const a = await browser.newContext();
  const b = await browser.newContext();
  const pa = await a.newPage();
  const pb = await b.newPage();
  await signIn(pa, 11, 'Asha');
  await signIn(pb, 12, 'Ravi');

  const before = await pb.getByLabel('Total calls', { exact: true }).textContent();
  await pa.getByRole('button', { name: 'Start call', exact: true }).click();
  await expect(pb.getByLabel('Total calls', { exact: true })).not.toHaveText(before!);

  const phone = uniquePhone();
  const description = `No ration for five days, family of six ${phone.slice(-4)}`;
  await pa.getByLabel('Caller phone', { exact: true }).fill(phone);
  await pa.getByLabel('Caller name', { exact: true }).fill('Sunita Devi');
  await pa.getByLabel('Category', { exact: true }).selectOption('food_ration');
  await pa.getByLabel('Description', { exact: true }).fill(description);
  await pa.getByRole('button', { name: 'Create ticket', exact: true }).click();

  // The other seat sees it at the top of its list, with number, phone and description.
  const row = ticketList(pb).getByRole('listitem').filter({ hasText: description });
  await expect(row).toBeVisible();
  await expect(row).toContainText(/#\d+/);
  await expect(row).toContainText(phone);
  // Newest first. Other tests raise tickets on the same hub at the same time, so "at the top"
  // is checked as order: the numbers down the list only go down.
  const numbers = (await ticketList(pb).getByRole('listitem').allInnerTexts()).map((t) => Number(/#(\d+)/.exec(t)?.[1])).filter(Number.isFinite);
  expect(numbers.length).toBeGreaterThan(0);
  expect(numbers).toEqual([...numbers].sort((a, b) => b - a));

  await pa.getByLabel('Disposition', { exact: true }).selectOption('ticket_raised');
  await pa.getByRole('button', { name: 'End call', exact: true }).click();
  await expect(pa.getByRole('status', { name: 'Seat state' })).toContainText('Wrap-up');

  // The pages run under the hub's strict Content-Security-Policy without tripping it.
  expect(await cspViolations(pa)).toEqual([]);
  expect(await cspViolations(pb)).toEqual([]);

  const sup = await Supervisor.connect();
  const tickets = await sup.ticketsOf(phone);
  expect(tickets).toHaveLength(1);
  expect(tickets[0]!.callId).toBeTruthy();
  expect(tickets[0]!.seat).toBe(11);
  sup.close();
  await a.close();
  await b.close();
});
