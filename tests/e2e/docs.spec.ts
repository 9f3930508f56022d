/**
 * Screenshots of the consoles for the README and for a person to look over, at the screen
 * sizes the floor uses, in both languages. Runs only with DOCS=1 (it writes into docs/).
 */
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { localDateKey } from '../../shared/domain/localDay';
import { E2E_KEYS, lanUrl } from './env';
import { signIn, signInSupervisor, Supervisor, uniquePhone } from './helpers';
import { HUB_TIME_ZONE, ownHub, removeDataDir, seedHistory, tempDataDir } from './hubs';
import { fontsLoaded, staffFloor } from './wallLayout';

test.skip(!process.env.DOCS, 'set DOCS=1 to refresh the screenshots in docs/');

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
];

test('console screenshots', async ({ browser }) => {
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
});

const OPERATORS = ['Asha', 'Ravi', 'Kavita', 'Mohit', 'प्रिया वर्मा', 'Imran', 'Neha', 'Sanjay', 'Farah', 'Pooja', 'अनुराधा श्रीवास्तव', 'Rekha', 'Meena', 'Vikas', 'Deepak', 'Sunil', 'Anjali', 'Rohit', 'Seema', 'Gaurav', 'Nisha', 'Amit', 'Kiran', 'Manoj', 'Sapna', 'Tarun', 'Lata', 'Harish'];

test('wall, supervisor and report screenshots, on a floor two days into its history', async ({ browser }) => {
  test.setTimeout(180_000);
  const dataDir = tempDataDir();
  const now = new Date();
  const days = [-2, -1, 0].map((d) => localDateKey(new Date(now.getTime() + d * 86_400_000), HUB_TIME_ZONE));
  const seeded = await seedHistory(dataDir, { tickets: 1_500, calls: 3_300, days, until: now, closedShare: 0.96 });
  const hub = await ownHub(dataDir, { initialTotal: 103_515 - seeded.calls });
  const sockets: Supervisor[] = [];
  try {
    // Seats at work: on calls, in wrap-up (some calls dropped), ready, on a break; some seats empty.
    sockets.push(...(await staffFloor(hub.url, OPERATORS.map((name, i) => ({ seat: i + 1 + (i >= 20 ? 4 : 0), name })))));
    const checker = await Supervisor.connect(hub.url, { name: 'Meenakshi' });
    sockets.push(checker);
    await checker.request('broadcast:send', { opId: randomUUID(), text: 'Ration kits for Sector 14 and 15 arrive at 4 pm at the ward office.' });

    for (const [size, lang] of [
      [{ width: 1920, height: 1080 }, 'en'],
      [{ width: 1920, height: 1080 }, 'hi'],
      [{ width: 3840, height: 2160 }, 'en'],
      [{ width: 3840, height: 2160 }, 'hi'],
      [{ width: 1366, height: 768 }, 'en'],
    ] as const) {
      const ctx = await browser.newContext({ viewport: size });
      const wall = await ctx.newPage();
      await wall.goto(`${lanUrl(hub.url)}/wall?key=${E2E_KEYS.wall}&lang=${lang}`);
      await expect(wall.getByRole('list', { name: lang === 'en' ? 'Seats' : 'सीटें', exact: true }).getByRole('listitem')).toHaveCount(40);
      await expect(wall.locator('.hourly-chart')).toBeVisible();
      await fontsLoaded(wall);
      await wall.waitForTimeout(1500);
      await wall.screenshot({ path: `test-results/docs/wall-${lang}-${size.width}x${size.height}.png` });
      if (size.width === 1920) await wall.screenshot({ path: lang === 'en' ? 'docs/wall.png' : 'docs/wall-hi.png' });
      await ctx.close();
    }

    const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await ctx.newPage();
    await signInSupervisor(page, 'Meenakshi', lanUrl(hub.url));
    // The staffed seats, then one line for the empty ones.
    await expect(page.getByRole('list', { name: 'Seats', exact: true }).getByRole('listitem')).toHaveCount(OPERATORS.length + 1);
    await page.waitForTimeout(1200);
    await page.screenshot({ path: 'docs/supervisor.png' });
    for (const section of ['Follow-up', 'People', 'Configuration', 'Reports']) {
      await page.getByRole('button', { name: new RegExp(`^${section}`) }).click();
      await page.waitForTimeout(1000);
      await page.screenshot({ path: `test-results/docs/supervisor-${section.toLowerCase()}.png` });
      // Each operator's day and the accounts, for the README's Accounts.
      if (section === 'People') await page.screenshot({ path: 'docs/people.png' });
      if (section === 'Follow-up') {
        await page.getByRole('table', { name: 'Past their service-level target' }).getByRole('button', { name: /^#\d+$/ }).first().click();
        await page.waitForTimeout(800);
        await page.screenshot({ path: 'test-results/docs/supervisor-ticket.png' });
        await page.keyboard.press('Escape');
      }
    }
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByRole('button', { name: 'Floor', exact: true }).click();
    await page.waitForTimeout(800);
    await page.screenshot({ path: 'test-results/docs/supervisor-1366x768.png' });

    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.goto(`${lanUrl(hub.url)}/report?date=${days[1]}&lang=en`);
    await expect(page.getByRole('article', { name: 'Daily situation report' })).toBeVisible();
    await page.waitForTimeout(500);
    await page.screenshot({ path: 'docs/report.png', fullPage: true });
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: 'test-results/docs/report-print.png', fullPage: true });
    await page.pdf({ path: 'test-results/docs/report.pdf', format: 'A4', printBackground: true });
    await ctx.close();
  } finally {
    for (const s of sockets) s.close();
    await hub.close();
    removeDataDir(dataDir);
  }
});
