/**
 * Personal accounts, on hubs of the tests' own (a first start, lock-outs and restarts would
 * disturb the run's shared hub): the first supervisor's one-time PIN, adding an operator, their
 * figures, disabling them; a locked user name; a session that outlives a hub restart.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { io } from 'socket.io-client';
import type { Hub } from '../../electron/hub/index';
import { E2E_KEYS, lanUrl } from './env';
import { fillSignIn, signIn, Supervisor, ticketList, uniquePhone, watchCsp } from './helpers';
import { ownHub, removeDataDir, tempDataDir } from './hubs';
import { E2E_PIN } from './people';

/** The first supervisor the hub made, as it wrote them down for whoever set it up. */
function firstSupervisor(dataDir: string): { username: string; pin: string } {
  const text = readFileSync(join(dataDir, 'first-supervisor.txt'), 'utf8');
  const username = /Username: (\S+)/.exec(text)?.[1];
  const pin = /One-time PIN: (\S+)/.exec(text)?.[1];
  if (!username || !pin) throw new Error(`no username or PIN in first-supervisor.txt:\n${text}`);
  return { username, pin };
}

/** The "Choose your PIN" form, which is all a person with a one-time PIN sees. */
async function choosePin(page: Page, oneTime: string, next: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Choose your PIN', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start call', exact: true })).toHaveCount(0);
  await page.getByLabel('Current PIN', { exact: true }).fill(oneTime);
  // The rule is said before anything is sent.
  await page.getByLabel('New PIN', { exact: true }).fill('1234');
  await page.getByLabel('New PIN again', { exact: true }).fill('1234');
  await page.getByRole('button', { name: 'Save my PIN', exact: true }).click();
  await expect(page.getByText('A PIN has at least 6 digits.')).toBeVisible();
  // The field at fault has the focus, and says what is wrong with it.
  await expect(page.getByLabel('New PIN', { exact: true })).toBeFocused();
  await expect(page.getByLabel('New PIN', { exact: true })).toHaveAccessibleDescription(/A PIN has at least 6 digits/);
  await page.getByLabel('Current PIN', { exact: true }).fill(oneTime);
  await page.getByLabel('New PIN', { exact: true }).fill(next);
  await page.getByLabel('New PIN again', { exact: true }).fill(next);
  await page.getByRole('button', { name: 'Save my PIN', exact: true }).click();
}

test('first start: the supervisor replaces the one-time PIN, adds an operator who takes a call, sees their figures and disables them', async ({ browser }) => {
  test.setTimeout(120_000);
  const dataDir = tempDataDir();
  // No accounts at all: the hub makes the first supervisor.
  const hub: Hub = await ownHub(dataDir, { users: [] });
  const base = lanUrl(hub.url);
  try {
    const first = firstSupervisor(dataDir);
    const supCtx = await browser.newContext({ viewport: { width: 1600, height: 900 } });
    const sup = await supCtx.newPage();
    await watchCsp(sup);
    await sup.goto(`${base}/supervisor?lang=en`);
    await fillSignIn(sup, first.username, first.pin, E2E_KEYS.supervisor);
    await choosePin(sup, first.pin, '135790');
    await expect(sup.getByRole('status', { name: 'Connection' })).toContainText('Connected');

    // People: add an operator; the hub's one-time PIN is shown once.
    await sup.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'People', exact: true }).click();
    await expect(sup.getByRole('heading', { name: 'Supervisor’s console: People', level: 1 })).toBeAttached();
    await sup.getByLabel('User name', { exact: true }).fill('asha.devi');
    await sup.getByLabel('Name', { exact: true }).fill('Asha Devi');
    await sup.getByLabel('Role', { exact: true }).selectOption('operator');
    await sup.getByRole('button', { name: 'Add account', exact: true }).click();
    const shown = sup.getByRole('alertdialog', { name: 'One-time PIN for Asha Devi' });
    await expect(shown).toContainText('Write it down and give it to the person');
    const oneTime = (await shown.getByRole('status', { name: 'One-time PIN' }).textContent())!.trim();
    expect(oneTime).toMatch(/^\d{6,}$/);
    await shown.getByRole('button', { name: 'I have written it down', exact: true }).click();
    const accounts = sup.getByRole('table', { name: 'Accounts' });
    await expect(accounts.getByRole('row', { name: /Asha Devi/ })).toContainText('Not signed in');

    // The operator signs in with it, chooses a PIN, and takes a call that raises a ticket.
    const opCtx = await browser.newContext();
    const op = await opCtx.newPage();
    await watchCsp(op);
    await op.goto(`${base}/?lang=en`);
    await op.getByLabel('Seat', { exact: true }).fill('4');
    await fillSignIn(op, 'asha.devi', oneTime, E2E_KEYS.operator);
    await choosePin(op, oneTime, '482913');
    await expect(op.getByRole('status', { name: 'Connection' })).toContainText('Connected');
    await expect(op.getByRole('banner')).toContainText('Seat 4 · Asha Devi');
    const phone = uniquePhone();
    await op.getByRole('button', { name: 'Start call', exact: true }).click();
    await op.getByLabel('Caller phone', { exact: true }).fill(phone);
    await op.getByLabel('Category', { exact: true }).selectOption('food_ration');
    await op.getByLabel('Description', { exact: true }).fill('No ration for a family of five in Sector 14');
    await op.getByRole('button', { name: 'Create ticket', exact: true }).click();
    await expect(ticketList(op).getByRole('listitem').filter({ hasText: 'family of five' })).toContainText(/#\d+/);
    await op.getByLabel('Disposition', { exact: true }).selectOption('ticket_raised');
    await op.getByRole('button', { name: 'End call', exact: true }).click();
    await expect(op.getByRole('timer')).toHaveCount(0);

    // The supervisor sees where she is signed in, and her figures of the day, live.
    await expect(accounts.getByRole('row', { name: /Asha Devi/ })).toContainText(/Seat 4 · .+ · since \d\d:\d\d/);
    const figures = sup.getByRole('table', { name: 'Operators today' }).getByRole('row', { name: /Asha Devi/ });
    await expect(figures).toContainText('Ticket raised 1');
    await expect(figures.getByRole('cell').nth(2)).toHaveText('1');
    await expect(figures.getByRole('cell').nth(4)).toHaveText('1');

    // The daily report has her day in its table by operator.
    const report = await supCtx.newPage();
    await report.goto(`${base}/report?lang=en`);
    await expect(report.getByRole('region', { name: 'By operator' }).getByRole('row', { name: /Asha Devi/ })).toContainText('Ticket raised 1');
    await report.close();

    // The records name her, from her account.
    const checker = await Supervisor.connect(hub.url, { user: first.username, pin: '135790' });
    const [ticket] = await checker.ticketsOf(phone);
    expect(ticket).toMatchObject({ createdBy: 'Asha Devi', createdByUser: 'asha.devi', seat: 4 });
    const calls = await checker.callsOf(phone);
    expect(calls[0]).toMatchObject({ user: 'asha.devi', disposition: 'ticket_raised' });
    checker.close();

    // Disabled: her console signs out at once, and says why.
    const row = accounts.getByRole('row', { name: /Asha Devi/ });
    await row.getByRole('button', { name: 'Disable Asha Devi', exact: true }).click();
    await row.getByRole('group', { name: 'Disable Asha Devi' }).getByRole('button', { name: 'Yes', exact: true }).click();
    await expect(row).toContainText('Disabled');
    await expect(op.getByRole('alert')).toContainText('A supervisor disabled your account, so you were signed out');
    await expect(op.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
    // Said in the language she switches to.
    await op.getByRole('button', { name: /हिन्दी/ }).click();
    await expect(op.getByRole('alert')).toContainText('सुपरवाइज़र ने आपका खाता बंद कर दिया है');
    await op.getByRole('button', { name: /English/ }).click();
    // Her PIN no longer signs her in.
    await fillSignIn(op, 'asha.devi', '482913', E2E_KEYS.operator);
    await expect(op.getByRole('alert')).toContainText('The user name or PIN is not right');
    // The sign-in log has it all, in words.
    const log = sup.getByRole('table', { name: 'Sign-in log' });
    await expect(log).toContainText('Refused: wrong user name or PIN');
    await expect(log).toContainText('Signed in');
    await supCtx.close();
    await opCtx.close();
  } finally {
    await hub.close();
    removeDataDir(dataDir);
  }
});

test('five wrong PINs lock the user name, and the console says for how long', async ({ page }) => {
  const dataDir = tempDataDir();
  const hub = await ownHub(dataDir);
  try {
    await page.goto(`${lanUrl(hub.url)}/?lang=en`);
    await page.getByLabel('Seat', { exact: true }).fill('5');
    for (let i = 0; i < 5; i++) {
      await fillSignIn(page, 'op5', `00000${i}`, E2E_KEYS.operator);
      await expect(page.getByRole('alert')).toContainText('not right');
    }
    // The right PIN now too: locked, not "wrong".
    await fillSignIn(page, 'op5', E2E_PIN, E2E_KEYS.operator);
    await expect(page.getByRole('alert')).toContainText('Too many wrong PINs for this user name: signing in is locked for 15 minutes');
    await expect(page.getByRole('alert')).toContainText('A supervisor can see this in the sign-in log');
  } finally {
    await hub.close();
    removeDataDir(dataDir);
  }
});

test('a session outlives a hub restart and a reload without the PIN typed again; signing out ends it at the hub', async ({ page }) => {
  test.setTimeout(90_000);
  const dataDir = tempDataDir();
  let hub = await ownHub(dataDir);
  const port = Number(new URL(hub.url).port);
  try {
    await signIn(page, 6, 'Nikhil', 'en', lanUrl(hub.url));
    const conn = page.getByRole('status', { name: 'Connection' });
    // The token is what this screen keeps: never the PIN.
    const kept = (await page.evaluate('JSON.stringify(window.localStorage)')) as string;
    expect(kept).not.toContain(E2E_PIN);
    const token = (JSON.parse(JSON.parse(kept)['hcr.session'] as string) as { session: { token: string } }).session.token;

    await hub.close();
    await expect(conn).not.toContainText('Connected');
    hub = await ownHub(dataDir, { port });
    await expect(conn).toContainText('Connected', { timeout: 20_000 });
    await expect(page.getByLabel('PIN', { exact: true })).toHaveCount(0);
    await page.reload();
    await expect(conn).toContainText('Connected');
    await expect(page.getByRole('banner')).toContainText('Seat 6 · Nikhil');

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
    // The token it had is refused now, wherever it comes from.
    const after = io(hub.url, { auth: { key: E2E_KEYS.operator, clientId: 'after-sign-out', user: 'nikhil', token, seat: 6 }, transports: ['websocket'], reconnection: false });
    const refused = await new Promise<string>((resolve) => {
      after.once('connect', () => resolve('connected'));
      after.once('connect_error', (e) => resolve(e.message));
    });
    after.close();
    expect(refused).toBe('unauthorized');
  } finally {
    await hub.close();
    removeDataDir(dataDir);
  }
});
