/**
 * The operator's console on the screens of the floor (1366x768 most of all), in Hindi, with a
 * message to all seats showing and a call running: nothing a call needs is clipped or below the
 * fold, and what the hub refuses is said under the field it names. Screenshots of each case are
 * kept in the run's output folder, to be looked at.
 */
import { randomUUID } from 'node:crypto';
import { expect, type Locator, type Page, test } from '@playwright/test';
import type { Hub } from '../../electron/hub/index';
import { DEFAULT_CONFIG } from '../../shared/domain/defaultConfig';
import { TEXT_LIMITS } from '../../shared/protocol/limits';
import { DISPOSITIONS } from '../../shared/protocol/vocabulary';
import { en } from '../../renderer/src/i18n/en';
import { hi } from '../../renderer/src/i18n/hi';
import { lanUrl } from './env';
import { signIn, Supervisor, uniquePhone } from './helpers';
import { usernameOf } from './people';
import { ownHub, removeDataDir, tempDataDir } from './hubs';

// A hub of its own: the message to all seats would show on every other test's console.
let hub: Hub;
let dataDir: string;
let ticketPhone: string;
const description = 'Needs registration for travel to Bihar: family of four, staying in Sector 14 with relatives, no ration since Monday. ';

test.beforeAll(async () => {
  dataDir = tempDataDir();
  hub = await ownHub(dataDir);
  const sup = await Supervisor.connect(hub.url);
  await sup.request('broadcast:send', { opId: randomUUID(), text: 'Ration kits for Sector 14 and 15 arrive at 4 pm at the ward office.' });
  // A ticket with every tag a row can carry: forwarded, urgent, a department, a callback, a note.
  ticketPhone = uniquePhone();
  const created = await sup.request('ticket:create', { opId: randomUUID(), ticket: { phone: ticketPhone, category: 'migrant_worker', description: description.repeat(6), priority: 'urgent' } });
  const id = (created.ticket as { id: string }).id;
  await sup.request('ticket:update', { opId: randomUUID(), id, version: 1, patch: { department: 'food_supplies', callbackDueAt: new Date(Date.now() + 3_600_000).toISOString() } });
  await sup.request('ticket:note', { opId: randomUUID(), id, text: 'Called the food department: they will visit tomorrow.' });
  sup.close();
});

test.afterAll(async () => {
  await hub.close();
  removeDataDir(dataDir);
});

async function signInAs(page: Page, seat: number, lang: 'en' | 'hi'): Promise<void> {
  await signIn(page, seat, 'Priya', 'en', lanUrl(hub.url));
  if (lang === 'hi') await page.getByRole('button', { name: /हिन्दी/ }).click();
}

/** Whether `inner` lies wholly inside `outer` (and so inside the screen, when outer is the page). */
async function within(inner: Locator, outer: { x: number; y: number; width: number; height: number }): Promise<boolean> {
  const b = (await inner.boundingBox())!;
  return b.x >= outer.x && b.y >= outer.y && b.x + b.width <= outer.x + outer.width + 0.5 && b.y + b.height <= outer.y + outer.height + 0.5;
}

/** Whether a select shows its chosen option whole: the words' width against the room left of its arrow. */
function showsWhole(select: Locator): Promise<boolean> {
  return select.evaluate((el: HTMLSelectElement) => {
    const cs = getComputedStyle(el);
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    const words = ctx.measureText(el.selectedOptions[0]!.text).width;
    const arrow = 24;
    return words + arrow <= el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
  });
}

for (const size of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test(`a call at ${size.width}x${size.height} in Hindi and English: the keys, the category and the tickets are whole`, async ({ browser }, info) => {
    const ctx = await browser.newContext({ viewport: size });
    const page = await ctx.newPage();
    const screen = { x: 0, y: 0, ...size };
    await signInAs(page, size.width === 1366 ? 5 : 6, 'hi');
    await expect(page.getByRole('region', { name: hi.broadcast.label })).toBeVisible();
    await page.keyboard.press('F2');
    await expect(page.getByRole('timer', { name: hi.call.duration })).toBeVisible();

    // Every disposition key is in the call's panel, on the screen, and a click chooses it.
    const panel = page.getByRole('region', { name: hi.call.region, exact: true });
    const panelBox = (await panel.boundingBox())!;
    const keys = page.getByRole('group', { name: hi.call.chooseDisposition }).getByRole('button');
    await expect(keys).toHaveCount(6);
    for (const [i, d] of DISPOSITIONS.entries()) {
      const key = keys.nth(i);
      await expect(key).toBeVisible();
      expect(await within(key, panelBox), `key ${i + 1}`).toBe(true);
      expect(await within(key, screen), `key ${i + 1}`).toBe(true);
      await key.click();
      await expect(page.getByLabel(hi.call.disposition, { exact: true })).toHaveValue(d);
      await expect(key).toHaveAttribute('aria-pressed', 'true');
    }
    expect(await within(page.getByRole('button', { name: hi.call.end }), screen)).toBe(true);
    expect(await within(page.getByRole('button', { name: hi.form.create }), screen)).toBe(true);

    // The longest category reads whole, in both languages.
    const category = page.getByLabel(hi.form.category, { exact: true });
    await category.selectOption('migrant_worker');
    await expect(category.locator('option:checked')).toHaveText(DEFAULT_CONFIG.categories.find((c) => c.id === 'migrant_worker')!.label.hi);
    expect(await showsWhole(category)).toBe(true);

    // A row with every tag still shows the first words of what the caller needs.
    const row = page.getByRole('region', { name: hi.tickets.region, exact: true }).getByRole('listitem').filter({ hasText: ticketPhone.slice(-5) });
    await expect(row).toContainText(hi.status.forwarded);
    const firstWords = await row.locator('.tr-desc').evaluate((el) => {
      const range = document.createRange();
      range.setStart(el.firstChild!, 0);
      range.setEnd(el.firstChild!, 'Needs registration for travel'.length);
      return { words: range.getBoundingClientRect().width, shown: el.clientWidth };
    });
    expect(firstWords.words).toBeLessThanOrEqual(firstWords.shown);
    await page.screenshot({ path: info.outputPath(`console-hi-${size.width}x${size.height}.png`) });

    await page.keyboard.press('Alt+L');
    await expect(page.getByLabel(en.form.category, { exact: true }).locator('option:checked')).toHaveText(DEFAULT_CONFIG.categories.find((c) => c.id === 'migrant_worker')!.label.en);
    expect(await showsWhole(page.getByLabel(en.form.category, { exact: true }))).toBe(true);
    for (const i of [0, 5]) expect(await within(page.getByRole('group', { name: en.call.chooseDisposition }).getByRole('button').nth(i), panelBox)).toBe(true);
    await page.screenshot({ path: info.outputPath(`console-en-${size.width}x${size.height}.png`) });
    await ctx.close();
  });
}

test('the ticket window at 1366x768 in Hindi: its number and close stay at the top, Save and Add note at the foot, and “Saved.” shows in it', async ({ browser }, info) => {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await ctx.newPage();
  const screen = { x: 0, y: 0, width: 1366, height: 768 };
  await signInAs(page, 7, 'hi');
  await page.getByRole('region', { name: hi.tickets.region, exact: true }).getByRole('listitem').filter({ hasText: ticketPhone.slice(-5) }).click();
  const dialog = page.getByRole('dialog');
  const heading = dialog.getByRole('heading', { level: 2 });
  await expect(heading).toContainText('#');
  await expect(dialog.getByText(hi.detail.loading)).toHaveCount(0);
  const save = dialog.getByRole('button', { name: hi.detail.save });
  const addNote = dialog.getByRole('button', { name: hi.detail.addNote });
  const close = dialog.getByRole('button', { name: new RegExp(hi.detail.close) });
  // More than the window holds: the body scrolls, and scrolled to its end the head and foot stay.
  const body = dialog.locator('.detail-body');
  expect(await body.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  await body.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  for (const [name, control] of [['heading', heading], ['close', close], ['save', save], ['add note', addNote]] as const) {
    await expect(control, name).toBeVisible();
    expect(await within(control, screen), name).toBe(true);
  }
  const priority = dialog.getByLabel(hi.field.priority, { exact: true });
  await priority.selectOption('normal');
  await save.click();
  await expect(dialog.getByRole('status')).toHaveText(hi.detail.saved);
  expect(await within(dialog.getByRole('status'), screen)).toBe(true);
  await page.screenshot({ path: info.outputPath('detail-hi-1366x768.png') });

  // A note near its limit shows how much room is left, and stops at the limit.
  const note = dialog.getByLabel(hi.detail.note, { exact: true });
  await expect(note).toHaveAttribute('maxlength', String(TEXT_LIMITS.note));
  await note.fill('न'.repeat(TEXT_LIMITS.note - 50));
  await expect(dialog.getByText('3,950 / 4,000')).toBeVisible();
  await ctx.close();
});

test('a locality over its limit: the field stops at 200 with a counter, and the hub’s refusal lands under Locality', async ({ browser }, info) => {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await ctx.newPage();
  const seat = 8;
  const locality = `Sector 14, near the water tank, ${'gali number 3, '.repeat(14)}`.slice(0, TEXT_LIMITS.locality + 1);
  const phone = uniquePhone();
  // A ticket typed on a screen that knew no limit, waiting in the seat's outbox: the hub sees it
  // as the seat connects, and refuses it for its locality.
  await page.addInitScript(
    ([key, value]) => {
      if (!sessionStorage.getItem('seeded')) localStorage.setItem(key!, value!);
      sessionStorage.setItem('seeded', '1');
    },
    [
      // The outbox of the seat and the person who signs in there (people.ts).
      `hcr.outbox.seat-${seat}.user-${usernameOf('Priya')}`,
      JSON.stringify({
        v: 1,
        ops: [{ opId: randomUUID(), name: 'ticket:create', payload: { ticket: { phone, category: 'food_ration', description: 'No ration for a week', locality } }, queuedAt: new Date().toISOString(), attempts: 0 }],
        resolved: [],
        problems: [],
      }),
    ],
  );
  await signInAs(page, seat, 'en');
  const problems = page.getByRole('region', { name: en.problems.heading });
  await expect(problems).toContainText(`${en.problems.what['ticket:create']}: ${en.form.locality} — ${en.limits.tooLong.replace('{{max}}', '200')}`);
  await problems.getByRole('button', { name: en.problems.restore }).click();

  const field = page.getByLabel(en.form.locality, { exact: true });
  await expect(field).toHaveValue(locality);
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(new RegExp(en.limits.tooLong.replace('{{max}}', '200')));
  await expect(field).toBeFocused();
  await expect(page.getByLabel(en.form.description, { exact: true })).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(en.form.needDescription)).toHaveCount(0);
  await page.screenshot({ path: info.outputPath('refused-locality-en-1366x768.png') });

  // Typed, the field takes no more than the hub does, and counts down to it.
  await field.fill('x'.repeat(TEXT_LIMITS.locality - 1));
  await field.press('End');
  await page.keyboard.type('yz');
  await expect(field).toHaveValue(`${'x'.repeat(TEXT_LIMITS.locality - 1)}y`);
  await expect(page.getByText('200 / 200')).toBeVisible();
  await ctx.close();
});
