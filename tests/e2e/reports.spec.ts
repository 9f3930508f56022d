import { lanUrl } from './env';
/**
 * Reports on a hub seeded with a large history (20,000 tickets, 25,000 calls over ten days):
 * exports downloaded through the console are complete and correct, the daily report renders
 * and prints to PDF, and a backup can be taken on demand.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import type { Hub } from '../../electron/hub/index';
import { formatIndian } from '../../shared/domain/numbers';
import { cspViolations, parseCsv, signInSupervisor } from './helpers';
import { ownHub, pastDays, removeDataDir, type Seeded, seedHistory, tempDataDir } from './hubs';

const TICKETS = 20_000;
const CALLS = 25_000;

let hub: Hub;
let dataDir: string;
let seeded: Seeded;
let days: string[];

test.beforeAll(async () => {
  test.setTimeout(90_000);
  dataDir = tempDataDir();
  days = pastDays(new Date(), 10);
  seeded = await seedHistory(dataDir, { tickets: TICKETS, calls: CALLS, days });
  hub = await ownHub(dataDir, { initialTotal: 78_515 });
});

test.afterAll(async () => {
  await hub?.close();
  if (dataDir) removeDataDir(dataDir);
});

/**
 * Chooses a day in one of the app's date fields (a group named `label`: day, month in words,
 * year), as a person would with the keyboard or the mouse. Year first, then month, then day,
 * so that no step passes through a day the field may not hold.
 */
async function pickDay(page: Page, label: string, day: string, names = { day: 'Day', month: 'Month', year: 'Year' }): Promise<void> {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const field = page.getByRole('group', { name: label, exact: true });
  await field.getByRole('combobox', { name: names.year, exact: true }).selectOption(String(y));
  await field.getByRole('combobox', { name: names.month, exact: true }).selectOption(String(m));
  await field.getByRole('combobox', { name: names.day, exact: true }).selectOption(String(d));
}

test('exports of tickets and calls hold every record of the days chosen, one row each', async ({ browser }) => {
  test.setTimeout(120_000);
  expect(seeded).toMatchObject({ tickets: TICKETS, calls: CALLS });
  const ctx = await browser.newContext({ acceptDownloads: true, viewport: { width: 1600, height: 900 } });
  const page = await ctx.newPage();
  await signInSupervisor(page, 'Meenakshi', lanUrl(hub.url));
  await page.getByRole('button', { name: 'Reports', exact: true }).click();
  await pickDay(page, 'From', days[0]!);
  await pickDay(page, 'To', days[days.length - 1]!);

  const downloadOf = async (kind: 'Tickets' | 'Calls') => {
    await page.getByLabel('What', { exact: true }).selectOption({ label: kind });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV', exact: true }).click()]);
    expect(download.suggestedFilename()).toBe(`${kind.toLowerCase()}-${days[0]}-to-${days[days.length - 1]}.csv`);
    const path = await download.path();
    return readFileSync(path, 'utf8');
  };

  const tickets = await downloadOf('Tickets');
  expect(tickets.charCodeAt(0)).toBe(0xfeff); // spreadsheet programs read it as UTF-8, Hindi included
  const ticketRows = parseCsv(tickets.slice(1));
  const header = ticketRows[0]!;
  expect(header.slice(0, 6)).toEqual(['number', 'created_at', 'status', 'status_code', 'category', 'category_code']);
  const body = ticketRows.slice(1);
  expect(body).toHaveLength(TICKETS);
  // One row per ticket, each ticket once, every field present.
  const numbers = new Set(body.map((r) => Number(r[0])));
  expect(numbers.size).toBe(TICKETS);
  expect(Math.min(...numbers)).toBe(1);
  expect(Math.max(...numbers)).toBe(TICKETS);
  expect(body.every((r) => r.length === header.length)).toBe(true);
  const phoneColumn = header.indexOf('phone');
  // Numbers as the floor dials them: text in any spreadsheet, no formula, no stray apostrophe.
  expect(body.every((r) => /^(\d{5} \d{5}|0\d{2,4}-\d{6,8})$/.test(r[phoneColumn]!))).toBe(true);
  // Labels for people, codes for machines, in columns of their own.
  const category = header.indexOf('category');
  expect(body.some((r) => r[category] === 'Food and ration' && r[category + 1] === 'food_ration')).toBe(true);
  expect(body.every((r) => !/^[a-z_]+$/.test(r[category]!))).toBe(true);
  await expect(page.getByRole('status').filter({ hasText: 'Downloading tickets-' })).toBeVisible();

  const calls = await downloadOf('Calls');
  const callRows = parseCsv(calls.slice(1));
  expect(callRows[0]!.slice(0, 3)).toEqual(['started_at', 'ended_at', 'seconds']);
  expect(callRows.slice(1)).toHaveLength(CALLS);
  expect(new Set(callRows.slice(1).map((r) => r[r.length - 1])).size).toBe(CALLS);

  await page.getByRole('button', { name: 'Back up now', exact: true }).click();
  // A backup on demand says when, how big and that it was checked, in words; the file by its name.
  const backup = page.getByRole('status', { name: 'Backup result' });
  await expect(backup).toContainText(/Backup made at \d\d:\d\d IST: \d[\d,]*(\.\d)? (KB|MB), checked, in (under a second|\d+ seconds?)\./, { timeout: 60_000 });
  await expect(backup).toContainText(/File: hub-backup-[\d-]+\.sqlite/);
  await expect(backup).not.toContainText(/ ms\b/);
  await ctx.close();
});

test('the daily situation report shows the day and prints to PDF', async ({ browser }) => {
  test.setTimeout(90_000);
  const day = days[days.length - 2]!;
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await signInSupervisor(page, 'Meenakshi', lanUrl(hub.url));
  await page.getByRole('button', { name: 'Reports', exact: true }).click();
  await pickDay(page, 'Date', day);
  await page.getByRole('link', { name: 'Open the daily report', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/report\\?date=${day}`));
  const report = page.getByRole('article', { name: 'Daily situation report' });
  await expect(report).toBeVisible({ timeout: 30_000 });
  const totals = report.getByRole('region', { name: 'The day in figures' });
  const total = (label: string) => totals.locator('div').filter({ has: page.getByText(label, { exact: true }) }).locator('dd');
  await expect(total('Calls received')).toHaveText(formatIndian(seeded.callsPerDay[day]!));
  await expect(total('Tickets raised')).toHaveText(formatIndian(seeded.ticketsPerDay[day]!));
  await expect(report.getByRole('img', { name: /Calls by hour/ })).toBeVisible();
  await expect(report.getByRole('region', { name: 'Requests by category' })).toContainText('Food and ration');
  await expect(report.getByRole('region', { name: 'Complaints forwarded to departments' })).toContainText('Food and supplies');
  await expect(report.getByRole('region', { name: /Tickets past their service-level target/ })).toBeVisible();

  expect(await cspViolations(page)).toEqual([]);

  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(20_000);
  // The report is the page: the console's navigation is not printed.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Report' })).toBeHidden();
  await ctx.close();
});

test('in Hindi, dates, the zone, sizes and exports are in Hindi', async ({ browser }) => {
  test.setTimeout(120_000);
  const day = days[days.length - 2]!;
  const hindiMonth = (d: string) => new Intl.DateTimeFormat('hi-IN', { month: 'long', timeZone: 'UTC' }).format(new Date(`${d}T12:00:00Z`));
  const ctx = await browser.newContext({ acceptDownloads: true, viewport: { width: 1600, height: 900 } });
  const page = await ctx.newPage();
  await signInSupervisor(page, 'Meenakshi', lanUrl(hub.url));
  await page.getByRole('button', { name: /हिन्दी/ }).click();
  await page.getByRole('button', { name: 'रिपोर्ट', exact: true }).click();
  const hindiDay = { day: 'दिन', month: 'महीना', year: 'वर्ष' };

  // The date fields name months in Hindi, whatever the browser's own language.
  const from = page.getByRole('group', { name: 'से', exact: true });
  await expect(from.getByRole('combobox', { name: 'महीना', exact: true }).locator('option:checked')).toHaveText(hindiMonth(days[days.length - 1]!));
  await expect(from.getByRole('combobox', { name: 'महीना', exact: true })).not.toContainText(/January|February|March|November|December/);
  await pickDay(page, 'से', day, hindiDay);
  await pickDay(page, 'तक', day, hindiDay);

  // The export comes in the console's language: Hindi header and labels, codes beside them.
  await page.getByLabel('क्या', { exact: true }).selectOption('tickets');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV डाउनलोड करें', exact: true }).click()]);
  const rows = parseCsv(readFileSync(await download.path(), 'utf8').slice(1));
  expect(rows[0]!.slice(0, 6)).toEqual(['शिकायत नंबर', 'दर्ज होने का समय', 'स्थिति', 'स्थिति कोड', 'श्रेणी', 'श्रेणी कोड']);
  expect(rows.slice(1)).toHaveLength(seeded.ticketsPerDay[day]!);
  expect(rows.slice(1).some((r) => r[4] === 'भोजन और राशन' && r[5] === 'food_ration')).toBe(true);

  // A backup is reported in Hindi words: no KB, MB or ms.
  await page.getByRole('button', { name: 'अभी बैकअप लें', exact: true }).click();
  const backup = page.getByRole('status', { name: 'बैकअप का नतीजा' });
  await expect(backup).toContainText(/बैकअप \d\d:\d\d बजे \(IST\) बना: \d[\d,]*(\.\d)? (केबी|एमबी), जाँचा गया, (एक सेकंड से कम|\d+ सेकंड) में।/, { timeout: 60_000 });
  await expect(backup).not.toContainText(/KB|MB|ms/);

  // Times on other days read with Hindi months on the consoles too (the follow-up's due times).
  await page.getByRole('button', { name: /^आगे की कार्रवाई/ }).click();
  const breaches = page.getByRole('table', { name: 'समय-सीमा पार शिकायतें', exact: true });
  await expect(breaches).toContainText(new RegExp(`\\d\\d (${[...new Set(days.map(hindiMonth))].join('|')}) \\d\\d:\\d\\d`));
  await expect(breaches).not.toContainText(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/);
  await page.getByRole('button', { name: 'रिपोर्ट', exact: true }).click();

  // The report names the zone in words and prints its times with Hindi months.
  await pickDay(page, 'तारीख', day, hindiDay);
  await page.getByRole('link', { name: 'दैनिक रिपोर्ट खोलें', exact: true }).click();
  const report = page.getByRole('article', { name: 'दैनिक स्थिति रिपोर्ट' });
  await expect(report).toBeVisible({ timeout: 30_000 });
  await expect(report).toContainText('सभी समय भारतीय मानक समय में।');
  await expect(report).not.toContainText('Asia/Kolkata');
  await expect(report).not.toContainText(/\d{4}-\d\d-\d\d/);
  await expect(report.locator('footer')).toContainText(`${Number(day.slice(8))} ${hindiMonth(day)} ${day.slice(0, 4)}`);
  await expect(page.getByRole('group', { name: 'तारीख', exact: true }).getByRole('combobox', { name: 'महीना', exact: true }).locator('option:checked')).toHaveText(hindiMonth(day));
  await ctx.close();
});
