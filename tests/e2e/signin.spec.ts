import { expect, test } from '@playwright/test';
import { E2E_KEYS, hubUrl } from './env';
import { fillSignIn, signIn } from './helpers';
import { E2E_PIN } from './people';

test('a wrong access key is refused in plain words', async ({ page }) => {
  await page.goto(`${hubUrl()}/?lang=en`);
  await page.getByLabel('Seat', { exact: true }).fill('22');
  await fillSignIn(page, 'op22', E2E_PIN, 'not-the-key');
  await expect(page.getByRole('alert')).toContainText('The user name, PIN or access key is not right');
  // Seat, user and the key typed stay filled in for the next try; the PIN does not.
  await expect(page.getByLabel('Seat', { exact: true })).toHaveValue('22');
  await expect(page.getByLabel('User', { exact: true })).toHaveValue('op22');
  await expect(page.getByLabel('PIN', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('PIN', { exact: true })).toHaveAttribute('type', 'password');
  await expect(page.getByLabel('PIN', { exact: true })).toHaveAttribute('inputmode', 'numeric');
});

test('the access key is asked for once: once it worked, this browser holds it, and "Change the access key" asks again', async ({ page }) => {
  await page.goto(`${hubUrl()}/?lang=en`);
  const key = page.getByLabel('Access key', { exact: true });
  await expect(key).toBeVisible();
  await page.getByLabel('Seat', { exact: true }).fill('24');
  await fillSignIn(page, 'op24', E2E_PIN, E2E_KEYS.operator);
  await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Connected');
  // The top bar names the person, from their account, and the seat.
  await expect(page.getByRole('banner')).toContainText('Seat 24 · Operator 24');

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  await expect(key).toHaveCount(0);
  await expect(page.getByLabel('Seat', { exact: true })).toHaveValue('24');
  await expect(page.getByLabel('User', { exact: true })).toHaveValue('op24');
  // Signing in again takes the PIN alone, also after a reload.
  await page.reload();
  await expect(key).toHaveCount(0);
  await page.getByLabel('PIN', { exact: true }).fill(E2E_PIN);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Connected');

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.getByRole('button', { name: 'Change the access key', exact: true }).click();
  await expect(key).toBeFocused();
  await fillSignIn(page, 'op24', E2E_PIN, 'a-key-from-another-floor');
  await expect(page.getByRole('alert')).toContainText('The user name, PIN or access key is not right');
});

test('in the desktop app, the seat and the key IT configured for the PC: the seat is filled in and the key never asked for', async ({ page }) => {
  // The desktop app's one API, as its preload gives it to the page (shared/desktop/api.ts).
  const info = { appVersion: '0.1.0', role: 'seat', window: 'operator', seat: 28, signInKey: E2E_KEYS.operator, hubUrl: hubUrl(), platform: 'windows' };
  await page.addInitScript({
    content: `window.helplineDesktop = Object.freeze({ getInfo: async () => ({ ok: true, value: ${JSON.stringify(info)} }), saveExport: async () => ({ ok: false, error: { code: 'unavailable', message: '' } }), printToPdf: async () => ({ ok: false, error: { code: 'unavailable', message: '' } }), notifyUrgent: async () => ({ ok: true, value: null }) });`,
  });
  await page.goto(`${hubUrl()}/?lang=en`);
  await expect(page.getByLabel('Seat', { exact: true })).toHaveValue('28');
  await expect(page.getByLabel('Access key', { exact: true })).toHaveCount(0);
  await fillSignIn(page, 'op28', E2E_PIN, 'never typed');
  await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Connected');
  await expect(page.getByRole('banner')).toContainText('Seat 28 · Operator 28');
});

test('a seat someone else is signed in at is refused, with what to do', async ({ browser }) => {
  const a = await browser.newContext();
  const b = await browser.newContext();
  const pa = await a.newPage();
  const pb = await b.newPage();
  await signIn(pa, 25, 'Operator 25');
  await pb.goto(`${hubUrl()}/?lang=en`);
  await pb.getByLabel('Seat', { exact: true }).fill('25');
  await fillSignIn(pb, 'op26', E2E_PIN, E2E_KEYS.operator);
  await expect(pb.getByRole('alert')).toContainText('Someone else is signed in at this seat. Ask a supervisor to free it');
  // The one at the seat goes on undisturbed.
  await expect(pa.getByRole('status', { name: 'Connection' })).toContainText('Connected');
  await a.close();
  await b.close();
});

test('a seat opened on another screen says so, and can be taken back', async ({ browser }) => {
  const a = await browser.newContext();
  const b = await browser.newContext();
  const pa = await a.newPage();
  const pb = await b.newPage();
  await signIn(pa, 23, 'Rekha');
  await signIn(pb, 23, 'Rekha');
  const notice = pa.getByRole('alertdialog');
  await expect(notice).toContainText('This seat was opened on another screen');
  await notice.getByRole('button', { name: 'Take the seat back' }).click();
  await expect(pa.getByRole('status', { name: 'Connection' })).toContainText('Connected');
  await expect(pb.getByRole('alertdialog')).toContainText('This seat was opened on another screen');
  await a.close();
  await b.close();
});
