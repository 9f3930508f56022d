/**
 * Accessibility of every page, in English and in Hindi, in the states people use them in: axe-core
 * on the real pages against a real hub. A serious or critical violation fails the test, with every
 * one listed (rule, impact, element, what is wrong); moderate and minor ones are printed. The
 * keyboard tests walk the consoles with Tab as an operator or a supervisor without a mouse would.
 *
 * The hub is this file's own, seeded with two days of history and a few seats at work, so the
 * follow-up tables, the report and the wall have something to show and the run's shared hub
 * keeps its configuration (a broadcast goes to every seat).
 */
import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';
import { localDateKey } from '../../shared/domain/localDay';
import { renderConfigErrorPage, type SetupHandlerContext, type SetupModel, handleSetupRequest } from '../../electron/main/setupPage';
import { en } from '../../renderer/src/i18n/en';
import { hi } from '../../renderer/src/i18n/hi';
import type { Hub } from '../../electron/hub/index';
import { E2E_KEYS, lanUrl } from './env';
import { fillSignIn, signIn, signInSupervisor, Supervisor, uniquePhone } from './helpers';
import { E2E_USERS, HUB_TIME_ZONE, ownHub, removeDataDir, seedHistory, tempDataDir } from './hubs';

type Lang = 'en' | 'hi';
const WORDS = { en, hi } as const;

/** What fails a page: the impacts axe calls serious or critical. */
const FAILING_IMPACTS = new Set(['serious', 'critical']);
/** Moderate rules that were reported from the floor and fixed: they must stay fixed. */
const FAILING_RULES = new Set(['page-has-heading-one']);

/**
 * Runs axe-core on the page as it is now. `label-content-name-mismatch` is one of axe's
 * experimental rules (off by default); it is what catches a visible key hint ("F2") that is
 * not in a button's accessible name, so it is turned on.
 */
async function audit(page: Page, state: string): Promise<void> {
  const results = await new AxeBuilder({ page }).options({ rules: { 'label-content-name-mismatch': { enabled: true } } }).analyze();
  const failing: string[] = await wordsInTheWrongLanguage(page);
  const reported: string[] = [];
  for (const v of results.violations) {
    for (const node of v.nodes) {
      const line = `${v.id} [${v.impact ?? 'unknown'}] ${node.target.join(' ')}: ${(node.failureSummary ?? v.help).replace(/\s+/g, ' ').trim()}`;
      if (FAILING_IMPACTS.has(v.impact ?? '') || FAILING_RULES.has(v.id)) failing.push(line);
      else reported.push(line);
    }
  }
  if (reported.length) console.log(`[axe] ${state}: ${reported.length} moderate or minor\n  ${reported.join('\n  ')}`);
  // Soft, so one run lists what is wrong in every state, not just the first.
  expect.soft(failing, `${state}: serious or critical accessibility violations`).toEqual([]);
}

/** The screens' own words (those without placeholders), by language. */
function wordsOf(dictionary: unknown, into = new Set<string>()): Set<string> {
  if (typeof dictionary === 'string') {
    if (!dictionary.includes('{{') && dictionary.trim()) into.add(dictionary.trim());
  } else if (dictionary && typeof dictionary === 'object') for (const v of Object.values(dictionary)) wordsOf(v, into);
  return into;
}
const OWN_WORDS = { en: wordsOf(en), hi: wordsOf(hi) };

/**
 * WCAG 3.1.2, which axe cannot check: a screen's own words in the other language (the second
 * language of a bilingual label, the language switch) are marked with `lang`, so a screen reader
 * reads Hindi with a Hindi voice inside an English page and English inside a Hindi one.
 */
async function wordsInTheWrongLanguage(page: Page): Promise<string[]> {
  const lang = (await page.locator('html').getAttribute('lang')) === 'hi' ? 'hi' : 'en';
  const other = lang === 'hi' ? 'en' : 'hi';
  const foreign = [...OWN_WORDS[other]].filter((w) => !OWN_WORDS[lang].has(w));
  return page.evaluate(
    ({ other, foreign }) => {
      const words = new Set(foreign);
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = (node.textContent ?? '').trim();
        const el = node.parentElement;
        if (!el || !words.has(text) || el.closest('script, style')) continue;
        if (!(el.closest('[lang]')?.getAttribute('lang') ?? '').startsWith(other)) found.push(`lang-of-parts [serious] <${el.tagName.toLowerCase()} class="${el.className}">: "${text}" is not marked lang="${other}"`);
      }
      return found;
    },
    { other, foreign },
  );
}

/** The page's language as a person would switch it: with the switch beside the clock. */
async function showIn(page: Page, lang: Lang): Promise<void> {
  if ((await page.locator('html').getAttribute('lang')) === lang) return;
  await page.getByRole('button', { name: WORDS[lang === 'hi' ? 'en' : 'hi'].lang.switchLabel, exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/** Seats the hub has (the wall shows each): the default of a hub started without `--seats`. */
const SEATS_ON_HUB = 40;
const NEWCOMER = { username: 'newcomer', name: 'Newcomer', role: 'operator' as const, pin: '135790', mustChangePin: true };
let hub: Hub;
let dataDir: string;
const sockets: Supervisor[] = [];

test.beforeAll(async () => {
  dataDir = tempDataDir();
  const now = new Date();
  const days = [-1, 0].map((d) => localDateKey(new Date(now.getTime() + d * 86_400_000), HUB_TIME_ZONE));
  await seedHistory(dataDir, { tickets: 120, calls: 300, days, until: now, closedShare: 0.7 });
  // Someone who has yet to choose a PIN, for the screen that asks them to.
  hub = await ownHub(dataDir, { users: [...E2E_USERS, NEWCOMER] });
  // A floor at work: seats on a call, in wrap-up, ready and on a break; the rest empty.
  for (const [i, name] of ['Asha', 'Ravi', 'Kavita', 'Mohit'].entries()) {
    const s = await Supervisor.connect(hub.url, { key: E2E_KEYS.operator, seat: i + 1, name });
    sockets.push(s);
    if (i <= 1) {
      const started = await s.request('call:start', { opId: randomUUID() });
      if (i === 1) await s.request('call:end', { opId: randomUUID(), callId: (started.call as { id: string }).id, disposition: 'dropped' });
    } else await s.request('seat:set', { opId: randomUUID(), state: i === 2 ? 'ready' : 'break' });
  }
  const sup = await Supervisor.connect(hub.url, { name: 'Meenakshi' });
  sockets.push(sup);
  await sup.request('broadcast:send', { opId: randomUUID(), text: 'Ration kits for Sector 14 and 15 arrive at 4 pm at the ward office.' });
});

test.afterAll(async () => {
  for (const s of sockets) s.close();
  await hub?.close();
  if (dataDir) removeDataDir(dataDir);
});

async function operatorPages(page: Page, lang: Lang, seat: number): Promise<void> {
  const w = WORDS[lang];
  const base = lanUrl(hub.url);
  await page.goto(`${base}/?lang=${lang}`);
  await expect(page.getByRole('button', { name: w.signIn.submit, exact: true })).toBeVisible();
  await audit(page, `operator sign-in (${lang})`);

  // Someone with a one-time PIN sees only "Choose your PIN" (left without choosing one, for the other language's turn).
  await page.goto(`${base}/?lang=en`);
  await page.getByLabel('Seat', { exact: true }).fill(String(seat + 20));
  await fillSignIn(page, NEWCOMER.username, NEWCOMER.pin, E2E_KEYS.operator);
  await expect(page.getByRole('heading', { name: en.pin.heading, level: 1 })).toBeVisible();
  await showIn(page, lang);
  await audit(page, `choose your PIN (${lang})`);
  await page.getByRole('button', { name: w.top.signOut, exact: true }).click();
  await expect(page.getByRole('button', { name: w.signIn.submit, exact: true })).toBeVisible();

  await signIn(page, seat, `Operator ${seat}`, 'en', base);
  await showIn(page, lang);
  await expect(page.getByRole('list', { name: w.tickets.list, exact: true }).getByRole('listitem').first()).toBeVisible();
  await audit(page, `operator console, idle (${lang})`);
  // The mouse resting on the top bar, as it often does after signing in.
  await page.getByRole('button', { name: w.top.signOut, exact: true }).hover();
  await audit(page, `operator console, the mouse on the top bar (${lang})`);

  await page.getByRole('button', { name: w.call.start, exact: true }).click();
  await expect(page.getByRole('timer', { name: w.call.duration, exact: true })).toBeVisible();
  const phone = uniquePhone();
  const description = `परिवार में 6 लोग, तीन दिन से राशन नहीं मिला (${phone.slice(-4)})`;
  await page.getByLabel(w.form.phone, { exact: true }).fill(phone);
  await page.getByLabel(w.form.name, { exact: true }).fill('Sunita Devi');
  await page.getByLabel(w.form.category, { exact: true }).selectOption('food_ration');
  await page.getByLabel(w.form.locality, { exact: true }).fill('Sector 14');
  await page.getByLabel(w.form.description, { exact: true }).fill(description);
  await audit(page, `operator console, during a call with the form filled (${lang})`);

  await page.getByRole('button', { name: w.form.create, exact: true }).click();
  await page.getByRole('region', { name: w.tickets.region, exact: true }).getByRole('listitem').filter({ hasText: description }).getByRole('button').click();
  await expect(page.getByRole('dialog')).toContainText(description);
  await audit(page, `operator console, ticket window (${lang})`);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  await page.keyboard.press('F1');
  await expect(page.getByRole('dialog', { name: w.help.title, exact: true })).toBeVisible();
  await audit(page, `operator console, key help (${lang})`);
  await page.keyboard.press('Escape');

  await page.getByLabel(w.call.disposition, { exact: true }).selectOption('ticket_raised');
  await page.getByRole('button', { name: w.call.end, exact: true }).click();
  await expect(page.getByRole('timer')).toBeHidden();
}

async function supervisorPages(page: Page, lang: Lang): Promise<void> {
  const w = WORDS[lang];
  const base = lanUrl(hub.url);
  await page.goto(`${base}/supervisor?lang=${lang}`);
  await expect(page.getByRole('button', { name: w.signIn.submit, exact: true })).toBeVisible();
  await audit(page, `supervisor sign-in (${lang})`);

  await signInSupervisor(page, 'Meenakshi', base);
  await showIn(page, lang);
  await expect(page.getByRole('list', { name: w.wall.seats, exact: true }).getByRole('listitem').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: w.wall.stats.region, exact: true })).toBeVisible();
  await audit(page, `supervisor, floor (${lang})`);
  // On a 1280×720 laptop the figures scroll as well as the seats.
  const size = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 720 });
  await audit(page, `supervisor, floor on a 1280×720 screen (${lang})`);
  if (size) await page.setViewportSize(size);

  await page.getByRole('region', { name: w.tickets.region, exact: true }).getByRole('listitem').first().getByRole('button').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await audit(page, `supervisor, ticket window (${lang})`);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  const tabs = page.getByRole('navigation', { name: w.sup.nav, exact: true }).getByRole('button');
  for (const section of ['followUp', 'people', 'config', 'reports'] as const) {
    await tabs.filter({ hasText: w.sup.section[section] }).click();
    await expect(tabs.filter({ hasText: w.sup.section[section] })).toHaveAttribute('aria-current', 'page');
    await expect(page.locator('main').getByRole('heading').first()).toBeVisible();
    if (section === 'people') await expect(page.getByRole('table', { name: w.sup.people.accounts, exact: true })).toBeVisible();
    await audit(page, `supervisor, ${section} (${lang})`);
    if (section === 'people') {
      // A new account's one-time PIN, shown once.
      await page.getByLabel(w.sup.people.username, { exact: true }).fill(`shown.${lang}`);
      await page.getByLabel(w.sup.people.name, { exact: true }).fill(lang === 'hi' ? 'नई ऑपरेटर' : 'New operator');
      await page.getByRole('button', { name: w.sup.people.addButton, exact: true }).click();
      await expect(page.getByRole('alertdialog')).toBeVisible();
      await audit(page, `supervisor, a one-time PIN (${lang})`);
      await page.getByRole('button', { name: w.sup.people.done, exact: true }).click();
      // Change PIN, from the top bar.
      await page.getByRole('button', { name: w.pin.change, exact: true }).click();
      await expect(page.getByRole('dialog', { name: w.pin.changeHeading, exact: true })).toBeVisible();
      await audit(page, `supervisor, change PIN (${lang})`);
      await page.keyboard.press('Escape');
    }
  }
}

async function wallAndReport(page: Page, lang: Lang): Promise<void> {
  const w = WORDS[lang];
  const base = lanUrl(hub.url);
  await page.goto(`${base}/wall?key=${E2E_KEYS.wall}&lang=${lang}`);
  await expect(page.getByRole('list', { name: w.wall.seats, exact: true }).getByRole('listitem')).toHaveCount(SEATS_ON_HUB);
  await expect(page.getByRole('region', { name: w.broadcast.label, exact: true })).toContainText('Ration kits');
  await expect(page.getByRole('img', { name: /./ }).first()).toBeVisible();
  await audit(page, `wall, with seats and a broadcast (${lang})`);

  // The report reads the supervisor's session of this browser.
  await page.goto(`${base}/report?lang=${lang}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('img').first()).toBeVisible();
  await audit(page, `daily report (${lang})`);
}

for (const lang of ['en', 'hi'] as const) {
  test(`every page passes axe in ${lang === 'en' ? 'English' : 'Hindi'}`, async ({ browser }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await operatorPages(page, lang, lang === 'en' ? 7 : 8);
      const sup = await context.newPage();
      await supervisorPages(sup, lang);
      await wallAndReport(await context.newPage(), lang);
    } finally {
      await context.close();
    }
  });
}

// The shell's own pages (setup, waiting, a configuration problem) are read by IT when a PC is
// set up and exist in English only, so they are checked once.
test('the desktop app’s own pages pass axe', async ({ page }) => {
  const model: SetupModel = {
    reason: 'several-hubs',
    appVersion: '0.1.0',
    current: { role: 'seat', hub: undefined, seat: 12, hasKey: true, hasWallKey: false },
    discovery: {
      enabled: true,
      searching: false,
      hubs: [
        { name: 'Control room hub', origin: 'https://10.0.0.5:4950', address: '10.0.0.5', port: 4950 },
        { name: 'Training hub', origin: 'https://10.0.0.9:4950', address: '10.0.0.9', port: 4950 },
      ],
    },
    machineFile: 'C:\\ProgramData\\HelplineControlRoom\\config.json',
    userFile: 'C:\\Users\\op\\AppData\\Roaming\\HelplineControlRoom\\config.json',
    token: 'token',
  };
  const ctx: SetupHandlerContext = {
    model: () => model,
    waiting: () => ({ title: 'Reaching the hub…', detail: 'Looking for the hub at https://10.0.0.5:4950.', appVersion: '0.1.0' }),
    save: async () => ({ ok: false, errors: ['Seat number: a whole number from 1 to 1000.'] }),
    search: () => undefined,
    back: () => undefined,
    hasWallKey: () => false,
  };
  // The shell serves these pages from its own scheme; here a made-up origin stands in for it.
  await page.route('http://setup.test/**', async (route) => {
    const req = route.request();
    const r = await handleSetupRequest({ method: req.method(), url: req.url(), body: req.postData() ?? '' }, ctx);
    await route.fulfill({ status: r.status, headers: r.headers, body: r.body });
  });
  await page.goto('http://setup.test/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await audit(page, 'setup page');
  await page.getByRole('button', { name: 'Save and start', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Seat number');
  await audit(page, 'setup page with what to correct');
  await page.goto('http://setup.test/waiting');
  await audit(page, 'waiting page');
  await page.setContent(renderConfigErrorPage('Helpline Control Room cannot start: its configuration is not valid.\n  • /etc/helpline-control-room/config.json: role: role must be one of hub, seat, wall'));
  await audit(page, 'configuration problem page');
});

interface TabStop {
  /** Where the control stands among the page's controls in document order; -1 for anything else. */
  index: number;
  name: string;
  /** The focus ring it showed, or null for none. */
  ring: string | null;
}

/** What `tabThrough` leaves in the page: its controls, and a reader of the stop Tab made. */
type TabProbe = { tabProbe: { controls: HTMLElement[]; stop: () => TabStop | null } };

/**
 * Walks the page with Tab, from its first control to its last, as someone without a mouse does.
 * Returns the controls a keyboard should reach (visible, enabled, not taken out of the tab
 * order), in document order, and each stop Tab made with the focus ring it showed there.
 */
async function tabThrough(page: Page): Promise<{ controls: string[]; stops: TabStop[] }> {
  const controls = await page.evaluate(() => {
    // A control's name as it reads: its label, or its words without the hidden key hints.
    const name = (el: HTMLElement): string => {
      const label = el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent;
      if (label) return label.trim();
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('[aria-hidden="true"]').forEach((h) => h.remove());
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
    };
    const all = [...document.querySelectorAll<HTMLElement>('a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]')].filter(
      (el) => el.tabIndex >= 0 && !el.matches(':disabled') && el.checkVisibility({ visibilityProperty: true }),
    );
    const stop = (): TabStop | null => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const cs = getComputedStyle(el);
      const ring = el.matches(':focus-visible') && cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2;
      return { index: all.indexOf(el), name: name(el), ring: ring ? `${cs.outlineWidth} ${cs.outlineStyle} ${cs.outlineColor}` : null };
    };
    (window as unknown as TabProbe).tabProbe = { controls: all, stop };
    // The walk starts on the first control, reached by the keyboard (Shift+Tab from the second).
    (all[1] ?? all[0])?.focus();
    return all.map(name);
  });
  const stops: TabStop[] = [];
  if (controls.length > 1) await page.keyboard.press('Shift+Tab');
  for (let i = 0; i < controls.length * 2; i++) {
    const stop = await page.evaluate(() => (window as unknown as TabProbe).tabProbe.stop());
    if (!stop) break;
    stops.push(stop);
    if (stop.index === controls.length - 1) break;
    await page.keyboard.press('Tab');
  }
  return { controls, stops };
}

/** Every control reached, in document order (which is the order on screen), each with a ring. */
async function expectKeyboardWalk(page: Page, state: string, inOrder: string[] = []): Promise<void> {
  const { controls, stops } = await tabThrough(page);
  const reached = new Set(stops.map((s) => s.index));
  expect.soft(controls.filter((_, i) => !reached.has(i)), `${state}: controls Tab never reaches`).toEqual([]);
  expect.soft(stops.filter((s) => s.index === -1).map((s) => s.name), `${state}: Tab stops on something that is not a control`).toEqual([]);
  const backwards = stops.filter((s, i) => i > 0 && s.index <= stops[i - 1]!.index).map((s) => s.name);
  expect.soft(backwards, `${state}: Tab jumps back against the order on screen`).toEqual([]);
  expect.soft(stops.filter((s) => !s.ring).map((s) => s.name), `${state}: controls without a visible focus ring`).toEqual([]);
  const names = stops.map((s) => s.name);
  const positions = inOrder.map((n) => names.indexOf(n));
  expect.soft(positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]!)), `${state}: ${inOrder.join(' → ')} in that order (Tab went ${names.join(' → ')})`).toBe(true);
}

test('the operator console is worked with Tab alone: every control, in order, with a focus ring', async ({ page }) => {
  await signIn(page, 9, 'Operator 9', 'en', lanUrl(hub.url));
  await expect(page.getByRole('list', { name: en.tickets.list, exact: true }).getByRole('listitem').first()).toBeVisible();
  await expectKeyboardWalk(page, 'idle', ['Start call', 'Caller phone', 'Create ticket', 'Disposition', 'Search tickets']);
  await page.getByRole('button', { name: 'Start call', exact: true }).click();
  await expect(page.getByRole('timer', { name: 'Call time', exact: true })).toBeVisible();
  await expectKeyboardWalk(page, 'during a call', ['Caller phone', 'Caller name', 'Category', 'Description', 'Create ticket', 'Disposition', 'End call', 'Search tickets']);
  await page.getByLabel('Disposition', { exact: true }).selectOption('info_given');
  await page.getByRole('button', { name: 'End call', exact: true }).click();
});

test('each of the supervisor’s tabs is worked with Tab alone: every control, in order, with a focus ring', async ({ page }) => {
  test.setTimeout(90_000);
  await signInSupervisor(page, 'Meenakshi', lanUrl(hub.url));
  await expect(page.getByRole('heading', { name: en.wall.stats.region, exact: true })).toBeVisible();
  const tabs = page.getByRole('navigation', { name: en.sup.nav, exact: true }).getByRole('button');
  for (const section of ['floor', 'followUp', 'people', 'config', 'reports'] as const) {
    await tabs.filter({ hasText: en.sup.section[section] }).click();
    await expect(page.locator('main').getByRole('heading').first()).toBeVisible();
    await expectKeyboardWalk(page, section, [en.sup.section.floor, en.sup.section.reports]);
  }
});
