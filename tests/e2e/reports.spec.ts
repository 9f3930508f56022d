import { lanUrl } from './env';
/**
 * Reports on a hub seeded with a large history (20,000 tickets, 25,000 calls over ten days):
 * exports downloaded through the console are complete and correct, the daily report renders
 * and prints to PDF, and a backup can be taken on demand.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
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

test('exports of tickets and calls hold every record of the days chosen, one row each', async ({ browser }) => {
  test.setTimeout(120_000);
  expect(seeded).toMatchObject({ tickets: TICKETS, calls: CALLS });
  const ctx = await browser.newContext({ acceptDownloads: true, viewport: { width: 1600, height: 900 } });
  const page = await ctx.newPage();
  await signInSupervisor(page, 'Meenakshi', lanUrl(hub.url));
  await page.getByRole('button', { name: 'Reports', exact: true }).click();
  await page.getByLabel('From', { exact: true }).fill(days[0]!);
  await page.getByLabel('To', { exact: true }).fill(days[days.length - 1]!);

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
  expect(header.slice(0, 3)).toEqual(['number', 'created_at', 'status']);
  const body = ticketRows.slice(1);
  expect(body).toHaveLength(TICKETS);
  // One row per ticket, each ticket once, every field present.
  const numbers = new Set(body.map((r) => Number(r[0])));
  expect(numbers.size).toBe(TICKETS);
  expect(Math.min(...numbers)).toBe(1);
  expect(Math.max(...numbers)).toBe(TICKETS);
  expect(body.every((r) => r.length === header.length)).toBe(true);
  const phoneColumn = header.indexOf('phone');
  // A leading apostrophe keeps spreadsheets from reading "+91…" as a formula.
  expect(body.every((r) => /^'?\+91\d{10}$/.test(r[phoneColumn]!))).toBe(true);
  await expect(page.getByRole('status').filter({ hasText: 'Downloading tickets-' })).toBeVisible();

  const calls = await downloadOf('Calls');
  const callRows = parseCsv(calls.slice(1));
  expect(callRows[0]!.slice(0, 3)).toEqual(['started_at', 'ended_at', 'seconds']);
  expect(callRows.slice(1)).toHaveLength(CALLS);
  expect(new Set(callRows.slice(1).map((r) => r[r.length - 1])).size).toBe(CALLS);

  // A backup on demand says where it went and how big it is.
  await page.getByRole('button', { name: 'Back up now', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Backup result' })).toContainText(/Backup written: .+ \(\d+(\.\d)? (KB|MB), checked/, { timeout: 60_000 });
  await ctx.close();
});

test('the daily situation report shows the day and prints to PDF', async ({ browser }) => {
  test.setTimeout(90_000);
  const day = days[days.length - 2]!;
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await signInSupervisor(page, 'Meenakshi', lanUrl(hub.url));
  await page.getByRole('button', { name: 'Reports', exact: true }).click();
  await page.getByLabel('Day', { exact: true }).fill(day);
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
