/**
 * The wall as it hangs on the floor: a 1080p or a 4K TV, Hindi or English, 40 seats at work with
 * long Hindi names, today's requests under their long Hindi labels, a message to all seats,
 * and then the hub gone too, so two banners show at once. Whatever the case, the wall fits the
 * screen without scrolling, draws every line of text whole (no vowel sign or reph cut off), lets
 * nothing overlap, and writes nothing smaller than what reads at 4 m: 2% of the screen's height,
 * a character of 16 minutes of arc at 4 m on a 75-inch TV (wallLayout.ts gives the rule).
 */
import { randomUUID } from 'node:crypto';
import { type Browser, expect, type Locator, type Page, test } from '@playwright/test';
import { localDateKey } from '../../shared/domain/localDay';
import type { Hub } from '../../electron/hub/index';
import { E2E_KEYS, lanUrl } from './env';
import { Supervisor } from './helpers';
import { HUB_TIME_ZONE, ownHub, removeDataDir, seedHistory, tempDataDir } from './hubs';
import { FLOOR_NAMES, fontsLoaded, MIN_TEXT_SHARE_OF_HEIGHT, staffFloor, wallLayoutProblems } from './wallLayout';

/** Long enough to take two lines at 1080p, in the words of the floor. */
const MESSAGE = 'सेक्टर 14 और 15 के राशन किट शाम 4 बजे वार्ड कार्यालय पहुँचेंगे; प्रवासी श्रमिक पंजीकरण की नई सूची कल सुबह 10 बजे से, चिकित्सा सहायता के लिए 104 पर भेजें';

const SEATS = { en: 'Seats', hi: 'सीटें' } as const;
const LOST = { en: 'Connection to the hub lost since', hi: 'हब से कनेक्शन' } as const;

async function openWall(page: Page, hub: Hub, lang: 'en' | 'hi', seats: number): Promise<void> {
  await page.goto(`${lanUrl(hub.url)}/wall?key=${E2E_KEYS.wall}&lang=${lang}`);
  await expect(page.getByRole('list', { name: SEATS[lang], exact: true }).getByRole('listitem')).toHaveCount(seats);
  await expect(page.locator('.hourly-chart')).toBeVisible();
  await expect(page.getByRole('region', { name: lang === 'hi' ? 'सभी सीटों के लिए संदेश' : 'Message to all seats' })).toContainText('चिकित्सा सहायता');
  await fontsLoaded(page);
}

/** Whether a label shows all of its text: not cut short with an ellipsis, not clamped. */
function shownWhole(label: Locator): Promise<boolean> {
  return label.evaluate((e: { scrollWidth: number; clientWidth: number; scrollHeight: number; clientHeight: number }) => e.scrollWidth <= e.clientWidth + 1 && e.scrollHeight <= e.clientHeight + 1);
}

/** The layout's problems with the message to all seats up, then with the hub out of reach too. */
async function problemsWithOneBannerAndTwo(browser: Browser, hub: Hub, size: { width: number; height: number }, lang: 'en' | 'hi', seats: number, also?: (page: Page) => Promise<void>) {
  const minFontPx = size.height * MIN_TEXT_SHARE_OF_HEIGHT;
  const ctx = await browser.newContext({ viewport: size });
  const page = await ctx.newPage();
  await openWall(page, hub, lang, seats);
  await also?.(page);
  expect(await wallLayoutProblems(page, minFontPx), 'with a message to all seats').toEqual([]);
  // The hub out of reach as well: its banner joins the message's, and the floor makes room.
  await ctx.setOffline(true);
  await expect(page.getByRole('alert').filter({ hasText: LOST[lang] })).toBeVisible({ timeout: 20_000 });
  expect(await wallLayoutProblems(page, minFontPx), 'with the message and the lost connection').toEqual([]);
  await ctx.close();
}

async function floorHub(dataDir: string, seats: number, names: readonly string[]): Promise<{ hub: Hub; sockets: Supervisor[] }> {
  const hub = await ownHub(dataDir, { seats });
  const sockets = await staffFloor(hub.url, names.map((name, i) => ({ seat: i + 1, name })));
  const sup = await Supervisor.connect(hub.url, { name: 'मीनाक्षी' });
  sockets.push(sup);
  expect((await sup.request('broadcast:send', { opId: randomUUID(), text: MESSAGE })).ok).toBe(true);
  return { hub, sockets };
}

test.describe('a floor of 40', () => {
  let hub: Hub;
  let dataDir: string;
  let sockets: Supervisor[] = [];

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    dataDir = tempDataDir();
    const now = new Date();
    const days = [-1, 0].map((d) => localDateKey(new Date(now.getTime() + d * 86_400_000), HUB_TIME_ZONE));
    // Two days of history: open tickets of every age, departments, dropped calls, calls per hour.
    await seedHistory(dataDir, { tickets: 600, calls: 1_400, days, until: now, closedShare: 0.8 });
    // 32 of the 40 seats at work, the long Hindi names first; the last 8 empty.
    ({ hub, sockets } = await floorHub(dataDir, 40, FLOOR_NAMES));
  });

  test.afterAll(async () => {
    for (const s of sockets) s.close();
    await hub?.close();
    if (dataDir) removeDataDir(dataDir);
  });

  for (const size of [
    { width: 1920, height: 1080 },
    { width: 3840, height: 2160 },
  ]) {
    for (const lang of ['hi', 'en'] as const) {
      test(`at ${size.width}x${size.height} in ${lang === 'hi' ? 'Hindi' : 'English'}, the wall fits the screen with nothing cut, hidden or too small to read at 4 m, with one banner or two`, async ({ browser }) => {
        test.setTimeout(60_000);
        await problemsWithOneBannerAndTwo(browser, hub, size, lang, 40, async (page) => {
          // Every seat's name is on its card, and the long ones of the report are whole, as is
          // the longest category's label.
          const seats = page.getByRole('list', { name: SEATS[lang], exact: true });
          for (const name of FLOOR_NAMES) await expect(seats.getByText(name, { exact: true })).toBeVisible();
          for (const name of ['प्रिया वर्मा', 'अनुराधा श्रीवास्तव']) expect(await shownWhole(seats.getByText(name, { exact: true })), name).toBe(true);
          const longest = lang === 'hi' ? 'प्रवासी श्रमिक पंजीकरण / यात्रा' : 'Migrant worker registration / travel';
          expect(await shownWhole(page.getByRole('list', { name: lang === 'hi' ? 'आज के अनुरोध' : 'Today’s requests' }).getByText(longest, { exact: true })), longest).toBe(true);
        });
      });
    }
  }
});

test('a floor of 60 seats still fits a 1080p screen, with one banner or two', async ({ browser }) => {
  test.setTimeout(90_000);
  const dataDir = tempDataDir();
  const { hub, sockets } = await floorHub(dataDir, 60, [...FLOOR_NAMES, ...FLOOR_NAMES.slice(0, 18)]);
  try {
    await problemsWithOneBannerAndTwo(browser, hub, { width: 1920, height: 1080 }, 'hi', 60);
  } finally {
    for (const s of sockets) s.close();
    await hub.close();
    removeDataDir(dataDir);
  }
});
