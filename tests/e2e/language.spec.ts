import { expect, test } from '@playwright/test';
import { hubUrl } from './env';
import { signIn } from './helpers';

test('the console switches to Hindi, with its own font, and stays so', async ({ page }) => {
  await signIn(page, 21, 'Meena');
  await page.getByRole('button', { name: /हिन्दी/ }).click();
  await expect(page.getByRole('button', { name: 'कॉल शुरू करें' })).toBeVisible();
  await expect(page.getByLabel('कुल कॉल', { exact: true })).toHaveText(/^[\d,]+$/);
  await expect(page.getByLabel('कॉलर का फ़ोन', { exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'hi');
  // The Devanagari font comes with the page (no internet on the floor): it loads and is used.
  const fontReady = await page.evaluate(`document.fonts.load('16px "Noto Sans Devanagari"', 'कॉल').then((faces) => faces.length > 0)`);
  expect(fontReady).toBe(true);

  await page.reload();
  await expect(page.getByRole('button', { name: 'कॉल शुरू करें' })).toBeVisible();
  await page.getByRole('button', { name: /English/ }).click();
  await expect(page.getByRole('button', { name: 'Start call', exact: true })).toBeVisible();
});

test('?lang=hi in the address opens the sign-in in Hindi', async ({ page }) => {
  await page.goto(`${hubUrl()}/?lang=hi`);
  await expect(page.getByRole('button', { name: 'साइन इन' })).toBeVisible();
  await expect(page.getByLabel('सीट', { exact: true })).toBeVisible();
});
