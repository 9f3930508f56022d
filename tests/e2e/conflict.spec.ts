import { expect, test } from '@playwright/test';
import { signIn, Supervisor, ticketList, uniquePhone } from './helpers';

test('an edit that clashes with someone else’s is shown, not lost', async ({ browser }) => {
  const a = await browser.newContext();
  const pa = await a.newPage();
  await signIn(pa, 16, 'Pooja');
  const phone = uniquePhone();
  const description = `Migrant family of four wants to travel to Darbhanga ${phone.slice(-4)}`;
  await pa.getByLabel('Caller phone', { exact: true }).fill(phone);
  await pa.getByLabel('Category', { exact: true }).selectOption('migrant_worker');
  await pa.getByLabel('Description', { exact: true }).fill(description);
  await pa.getByRole('button', { name: 'Create ticket', exact: true }).click();
  const row = ticketList(pa).getByRole('listitem').filter({ hasText: description });
  await expect(row).toContainText(/#\d+/);

  // The operator opens the ticket and starts to change it…
  await row.click();
  const dialog = pa.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Status', { exact: true }).selectOption('resolved');

  // …while a supervisor changes it first.
  const sup = await Supervisor.connect();
  const [ticket] = await sup.ticketsOf(phone);
  const r = await sup.request('ticket:update', { opId: crypto.randomUUID(), id: ticket!.id, version: ticket!.version, patch: { status: 'forwarded', department: 'labour' } });
  expect(r.ok).toBe(true);
  await expect(dialog.getByText('Someone else changed this ticket while it was open here')).toBeVisible();
  // The half-made choice is kept.
  await expect(dialog.getByLabel('Status', { exact: true })).toHaveValue('resolved');

  await dialog.getByRole('button', { name: 'Save changes' }).click();
  const conflict = pa.getByRole('alertdialog');
  await expect(conflict).toContainText('was changed by someone else');
  await expect(conflict).toContainText('Resolved'); // theirs vs mine, side by side
  await expect(conflict).toContainText('Forwarded');
  await conflict.getByRole('button', { name: 'Apply my change anyway' }).click();
  await expect(conflict).toBeHidden();

  await expect.poll(async () => (await sup.ticketsOf(phone))[0]?.status).toBe('resolved');
  const [after] = await sup.ticketsOf(phone);
  expect(after!.department).toBe('labour');
  sup.close();
  await a.close();
});
