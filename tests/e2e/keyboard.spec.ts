import { expect, test } from '@playwright/test';
import { signIn, Supervisor, ticketList, uniquePhone } from './helpers';

test('a whole call handled from the keyboard alone', async ({ page }) => {
  await signIn(page, 19, 'Sanjay');
  const phone = uniquePhone();
  const description = `Aarogya Setu asks for an OTP that never comes ${phone.slice(-4)}`;
  const kb = page.keyboard;

  // The number shows on the phone's display: typed first, it goes with the call's start.
  await kb.press('F3');
  await kb.type(phone);
  await kb.press('F2');
  await expect(page.getByRole('timer', { name: 'Call time' })).toBeVisible();
  await expect(page.getByLabel('Caller phone', { exact: true })).toBeFocused();
  await kb.press('Tab');
  await kb.type('Geeta');
  await kb.press('Tab');
  await expect(page.getByLabel('Category', { exact: true })).toBeFocused();
  await kb.type('Aarogya');
  await expect(page.getByLabel('Category', { exact: true })).toHaveValue('aarogya_setu');
  for (let i = 0; i < 4; i++) await kb.press('Tab');
  await expect(page.getByLabel('Description', { exact: true })).toBeFocused();
  await kb.type(description);
  await kb.press('Control+Enter');
  await expect(ticketList(page).getByRole('listitem').filter({ hasText: description })).toContainText(/#\d+/);
  // The caller is still on the line: the category, and the script it chose, stay until the call ends.
  const guidance = page.getByRole('region', { name: 'Guidance', exact: true });
  await expect(page.getByLabel('Description', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('Category', { exact: true })).toHaveValue('aarogya_setu');
  await expect(guidance.getByRole('heading')).toHaveText('What to say — Aarogya Setu app');

  // Help is one key away, and Esc closes it.
  await kb.press('F1');
  await expect(page.getByRole('dialog', { name: 'Keys' })).toBeVisible();
  await kb.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keys' })).toBeHidden();

  await kb.press('Alt+1');
  await expect(page.getByLabel('Disposition', { exact: true })).toHaveValue('info_given');
  // Out of the text field, a plain digit in the call area chooses too.
  await kb.press('Escape');
  await kb.press('4');
  await expect(page.getByLabel('Disposition', { exact: true })).toHaveValue('callback');
  await kb.press('Alt+2');
  await expect(page.getByLabel('Disposition', { exact: true })).toHaveValue('ticket_raised');
  await kb.press('F9');
  await expect(page.getByRole('status', { name: 'Seat state' })).toContainText('Wrap-up');
  await expect(page.getByLabel('Category', { exact: true })).toHaveValue('');
  await expect(guidance).toContainText('Choose a category to see what to say and ask.');
  await kb.press('F6');
  await expect(page.getByRole('status', { name: 'Seat state' })).toContainText('Ready');

  // Find the ticket again and open it, still without the mouse.
  await kb.press('Escape');
  await kb.press('/');
  await expect(page.getByLabel('Search tickets', { exact: true })).toBeFocused();
  await kb.type(phone.slice(-5));
  await kb.press('ArrowDown');
  await kb.press('Enter');
  const detail = page.getByRole('dialog');
  await expect(detail).toContainText(description);
  await expect(detail).toContainText('created the ticket');
  await kb.press('Escape');
  await expect(detail).toBeHidden();

  const sup = await Supervisor.connect();
  const [ticket] = await sup.ticketsOf(phone);
  expect(ticket).toMatchObject({ category: 'aarogya_setu', callerName: 'Geeta', description });
  await expect.poll(async () => (await sup.callsOf(phone))[0]?.disposition).toBe('ticket_raised');
  sup.close();
});

test('a note goes to the caller’s open ticket instead of a duplicate', async ({ page }) => {
  const sup = await Supervisor.connect();
  const phone = uniquePhone();
  const created = await sup.request('ticket:create', {
    opId: crypto.randomUUID(),
    ticket: { phone, category: 'food_ration', description: 'Ration card holder, no supply this month' },
  });
  expect(created.ok).toBe(true);
  await signIn(page, 20, 'Farah');
  await page.keyboard.press('F2');
  await page.keyboard.type(phone);
  const caller = page.getByRole('region', { name: 'What we know of this caller' });
  await expect(caller).toContainText('Repeat caller');
  await expect(caller).toContainText('Ration card holder, no supply this month');
  await page.keyboard.press('Alt+N');
  await page.keyboard.type('Called again: still no supply');
  await page.keyboard.press('Control+Enter');
  await expect.poll(async () => (await sup.ticketsOf(phone))[0]?.notes.map((n) => n.text)).toEqual(['Called again: still no supply']);
  expect(await sup.ticketsOf(phone)).toHaveLength(1);
  sup.close();
});
