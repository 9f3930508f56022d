import { expect, test } from '@playwright/test';
import { hubUrl } from './env';
import { signIn } from './helpers';

test('a wrong access key is refused in plain words', async ({ page }) => {
  await page.goto(`${hubUrl()}/?lang=en`);
  await page.getByLabel('Seat', { exact: true }).fill('22');
  await page.getByLabel('Name', { exact: true }).fill('Arjun');
  await page.getByLabel('Access key', { exact: true }).fill('not-the-key');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('The access key was not accepted');
  // Seat and name stay filled in for the next try.
  await expect(page.getByLabel('Seat', { exact: true })).toHaveValue('22');
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
