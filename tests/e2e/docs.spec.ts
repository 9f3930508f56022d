/**
 * Screenshots of the consoles for the README and for a person to look over, at the two screen
 * sizes the floor uses, in both languages. Runs only with DOCS=1 (it writes into docs/).
 */
import { expect, test } from '@playwright/test';
import { hubUrl, E2E_KEYS } from './env';
import { signIn, Supervisor, uniquePhone } from './helpers';

test.skip(!process.env.DOCS, 'set DOCS=1 to refresh the screenshots in docs/');

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
];

test('console and wall screenshots', async ({ browser }) => {
  test.setTimeout(120_000);
  // A few seats at work, so the screens show what a shift looks like.
  const seats: { seat: number; name: string }[] = [
    { seat: 31, name: 'Kavita' },
    { seat: 32, name: 'Mohit' },
  ];
  const phone = uniquePhone();
  for (const s of seats) {
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    await signIn(p, s.seat, s.name);
    await p.getByRole('button', { name: 'Start call', exact: true }).click();
    await p.getByLabel('Caller phone', { exact: true }).fill(s.seat === 31 ? phone : uniquePhone());
    await p.getByLabel('Category', { exact: true }).selectOption(s.seat === 31 ? 'migrant_worker' : 'movement_pass');
    await p.getByLabel('Description', { exact: true }).fill(
      s.seat === 31 ? 'प्रवासी श्रमिक पंजीकरण: 4 लोग, बिहार (दरभंगा) जाना है, सेक्टर 14 में रह रहे हैं' : 'Movement pass for a medical visit to AIIMS Delhi on Friday',
    );
    await p.getByRole('button', { name: 'Create ticket', exact: true }).click();
    if (s.seat === 32) {
      await p.getByLabel('Disposition', { exact: true }).selectOption('ticket_raised');
      await p.getByRole('button', { name: 'End call', exact: true }).click();
    }
  }

  const sup = await Supervisor.connect();
  await sup.request('broadcast:send', { opId: crypto.randomUUID(), text: 'Ration kits for Sector 14 and 15 arrive at 4 pm at the ward office.' });
  sup.close();

  for (const lang of ['en', 'hi'] as const) {
    for (const size of SIZES) {
      const ctx = await browser.newContext({ viewport: size });
      const page = await ctx.newPage();
      await signIn(page, 33, 'Priya', 'en');
      if (lang === 'hi') await page.getByRole('button', { name: /हिन्दी/ }).click();
      await page.keyboard.press('F2');
      await page.getByRole('textbox').first().fill(phone);
      await page.locator('select').first().selectOption('food_ration');
      await page.locator('textarea').first().fill(lang === 'hi' ? 'परिवार में 6 लोग, तीन दिन से राशन नहीं मिला' : 'Family of six, no ration for three days');
      await page.waitForTimeout(1200);
      const name = `console-${lang}-${size.width}x${size.height}.png`;
      await page.screenshot({ path: `test-results/docs/${name}` });
      if (lang === 'en' && size.width === 1920) {
        await page.screenshot({ path: 'docs/console.png' });
        await page.keyboard.press('F1');
        await page.screenshot({ path: 'test-results/docs/help.png' });
        await page.keyboard.press('Escape');
        await page.getByRole('region', { name: 'Tickets', exact: true }).getByRole('listitem').first().click();
        await page.waitForTimeout(800);
        await page.screenshot({ path: 'test-results/docs/detail.png' });
        await page.keyboard.press('Escape');
      }
      await ctx.close();
    }
  }

  for (const size of SIZES) {
    const ctx = await browser.newContext({ viewport: size });
    const wall = await ctx.newPage();
    await wall.goto(`${hubUrl()}/wall?key=${E2E_KEYS.wall}&lang=en`);
    await expect(wall.getByRole('list', { name: 'Seats' }).getByRole('listitem')).toHaveCount(40);
    await wall.waitForTimeout(1200);
    await wall.screenshot({ path: `test-results/docs/wall-${size.width}x${size.height}.png` });
    if (size.width === 1920) await wall.screenshot({ path: 'docs/wall.png' });
    await ctx.close();
  }
});
