/**
 * CSV exports in the language asked for: a header row and labels in English or Hindi (from the
 * floor configuration and the consoles' vocabulary), the ids in `_code` columns of their own,
 * phone numbers in the form the floor dials, and every other text cell that a spreadsheet would
 * run as a formula defused. Where LibreOffice is installed, the file is opened in it and what
 * its cells show is checked.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { localDateKey } from '../../shared/domain/localDay';
import type { FloorConfig } from '../../shared/protocol/config';
import { DISPOSITIONS, PRIORITIES, TICKET_STATUSES } from '../../shared/protocol/vocabulary';
import { DISPOSITION_WORDS, LANGUAGE_WORDS, PRIORITY_WORDS, STATUS_WORDS } from '../../electron/hub/exportWords';
import { en } from '../../renderer/src/i18n/en';
import { hi } from '../../renderer/src/i18n/hi';
import { operatorAuth, supervisorAuth, type TestClient } from '../helpers/client';
import { startTestHub } from '../helpers/hub';
import { parseCsv } from '../helpers/csv';
import { Resources } from '../helpers/resources';
import { waitUntil } from '../helpers/wait';

const res = new Resources();
afterEach(() => res.cleanup());

const today = () => localDateKey(new Date(), 'Asia/Kolkata');

/** The CSV text of an export asked for as the supervisor's console asks. */
async function exportCsv(hubUrl: string, sup: TestClient, kind: 'tickets' | 'calls', lang?: 'en' | 'hi'): Promise<string> {
  const start = await sup.emit('export:start', { kind, from: today(), to: today(), ...(lang ? { lang } : {}) });
  expect(start.ok, JSON.stringify(start.error)).toBe(true);
  const bytes = new Uint8Array(await (await fetch(`${hubUrl}${(start as unknown as { url: string }).url}`)).arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder().decode(bytes); // without the BOM
}

/** Rows as records by header name. */
function records(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

// (The hub trims typed text, so a leading tab or CR never reaches a cell from here; csv.test.ts has them.)
const DESCRIPTIONS = ['=HYPERLINK("http://x","click")', '+1 family without food', '-2 days without ration', '@SUM(A1)', "=cmd|' /C calc'!A0", 'राशन नहीं मिला'];

/** A floor's day: tickets of every awkward kind, one forwarded and urgent, and their calls. */
async function floorDay(hubUrl: string): Promise<TestClient> {
  const op = await res.ready(hubUrl, operatorAuth(1));
  for (const [i, description] of DESCRIPTIONS.entries()) {
    const phone = i === 1 ? '01724567890' : '9876543210';
    const call = await op.emit('call:start', { opId: randomUUID(), phone });
    const ack = await op.emit('ticket:create', { opId: randomUUID(), ticket: { phone, category: 'food_ration', description, language: 'haryanvi', callId: call.call!.id } });
    expect(ack.ok, JSON.stringify(ack.error)).toBe(true);
    if (i === 0) {
      const forwarded = await op.emit('ticket:update', { opId: randomUUID(), id: ack.ticket!.id, version: 1, patch: { status: 'forwarded', department: 'labour', priority: 'urgent' } });
      expect(forwarded.ok, JSON.stringify(forwarded.error)).toBe(true);
    }
    await op.emit('call:end', { opId: randomUUID(), callId: call.call!.id, disposition: 'ticket_raised', ticketId: ack.ticket!.id });
  }
  return op;
}

it('writes labels in English by default, with the codes in their own columns, phones as dialled and formulas defused', async () => {
  const hub = await startTestHub(res);
  await floorDay(hub.url);
  const sup = await res.ready(hub.url, supervisorAuth());
  const text = await exportCsv(hub.url, sup, 'tickets');
  expect(parseCsv(text)[0]!.slice(0, 9)).toEqual(['number', 'created_at', 'status', 'status_code', 'category', 'category_code', 'priority', 'priority_code', 'department']);
  const [first, second, third, fourth, fifth, sixth] = records(text);
  expect(first).toMatchObject({
    status: 'Forwarded',
    status_code: 'forwarded',
    category: 'Food and ration',
    category_code: 'food_ration',
    priority: 'Urgent',
    priority_code: 'urgent',
    department: 'Labour',
    department_code: 'labour',
    language: 'Haryanvi',
    language_code: 'haryanvi',
  });
  // Phone numbers as the floor reads them: no formula, no stray apostrophe.
  expect(first!.phone).toBe('98765 43210');
  expect(second!.phone).toBe('0172-4567890');
  // Every other cell a spreadsheet would run as a formula starts with an apostrophe.
  expect([first, second, third, fourth, fifth].map((r) => r!.description)).toEqual(DESCRIPTIONS.slice(0, 5).map((d) => `'${d}`));
  expect(sixth!.description).toBe('राशन नहीं मिला');

  const calls = records(await exportCsv(hub.url, sup, 'calls', 'en'));
  expect(calls).toHaveLength(DESCRIPTIONS.length);
  expect(calls[0]).toMatchObject({ disposition: 'Ticket raised', disposition_code: 'ticket_raised', phone: '98765 43210' });
  expect(Object.keys(calls[0]!).at(-1)).toBe('id');
});

it('writes the header and the labels in Hindi when asked, supervisors’ own categories included', async () => {
  const hub = await startTestHub(res);
  const sup = await res.ready(hub.url, supervisorAuth());
  await waitUntil(() => sup.events.some((e) => e.event === 'config'), 'config on connect');
  const current = sup.events.find((e) => e.event === 'config')!.args[0] as FloorConfig;
  const added = { id: 'biomedical_waste', label: { en: 'Biomedical waste', hi: 'बायोमेडिकल कचरा' }, guidance: { en: '', hi: '' }, active: true };
  expect((await sup.emit('config:update', { opId: randomUUID(), version: current.version, categories: [...current.categories, added] })).ok).toBe(true);
  const op = await floorDay(hub.url);
  await op.emit('ticket:create', { opId: randomUUID(), ticket: { phone: '9812374650', category: 'biomedical_waste', description: 'PPE kits left at the gate' } });

  const text = await exportCsv(hub.url, sup, 'tickets', 'hi');
  const header = parseCsv(text)[0]!;
  expect(header.slice(0, 6)).toEqual(['शिकायत नंबर', 'दर्ज होने का समय', 'स्थिति', 'स्थिति कोड', 'श्रेणी', 'श्रेणी कोड']);
  expect(header.every((h) => !/^[a-z_]+$/.test(h))).toBe(true);
  const rows = records(text);
  expect(rows[0]).toMatchObject({ स्थिति: 'आगे भेजी गई', 'स्थिति कोड': 'forwarded', श्रेणी: 'भोजन और राशन', 'श्रेणी कोड': 'food_ration', प्राथमिकता: 'अत्यावश्यक', विभाग: 'श्रम विभाग', 'विभाग कोड': 'labour', भाषा: 'हरियाणवी', फ़ोन: '98765 43210' });
  expect(rows.at(-1)).toMatchObject({ श्रेणी: 'बायोमेडिकल कचरा', 'श्रेणी कोड': 'biomedical_waste' });

  const calls = records(await exportCsv(hub.url, sup, 'calls', 'hi'));
  expect(calls[0]).toMatchObject({ 'कॉल का नतीजा': 'शिकायत दर्ज की गई', 'नतीजा कोड': 'ticket_raised' });
  expect((await sup.emit('export:start', { kind: 'tickets', from: today(), to: today(), lang: 'fr' })).error?.code).toBe('invalid');
});

describe('the words of exports', () => {
  it('are the consoles’ own words, in both languages', () => {
    for (const [lang, dict] of [
      ['en', en],
      ['hi', hi],
    ] as const) {
      for (const s of TICKET_STATUSES) expect(STATUS_WORDS[lang][s]).toBe(dict.status[s]);
      for (const p of PRIORITIES) expect(PRIORITY_WORDS[lang][p]).toBe(dict.priority[p]);
      for (const d of DISPOSITIONS) expect(DISPOSITION_WORDS[lang][d]).toBe(dict.disposition[d]);
      // The hub's own dispositions too, where the consoles name them.
      for (const [code, word] of Object.entries(DISPOSITION_WORDS[lang])) if (code in dict.disposition) expect(word).toBe((dict.disposition as Record<string, string>)[code]);
      for (const [code, word] of Object.entries(LANGUAGE_WORDS[lang])) expect(word).toBe(dict.languages[code as keyof typeof dict.languages]);
    }
  });
});

/** LibreOffice, where the machine has it: what a person opening the file would see. */
const SOFFICE = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((p) => existsSync(p));

it.skipIf(!SOFFICE)('opens in LibreOffice Calc, where it is installed, with phone numbers as dialled and no formula run', async () => {
  const hub = await startTestHub(res);
  await floorDay(hub.url);
  const sup = await res.ready(hub.url, supervisorAuth());
  const dir = mkdtempSync(join(tmpdir(), 'hcr-csv-'));
  try {
    writeFileSync(join(dir, 'tickets.csv'), await exportCsv(hub.url, sup, 'tickets', 'en'));
    // Comma-separated, UTF-8, formulas evaluated (the setting that would run an injected one).
    execFileSync(SOFFICE!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--infilter=CSV:44,34,76,1,,16393,false,true,false,false,false,,true', '--convert-to', 'html', '--outdir', dir, join(dir, 'tickets.csv')], {
      stdio: 'ignore',
      timeout: 60_000,
    });
    const shown = [...readFileSync(join(dir, 'tickets.html'), 'utf8').matchAll(/<tr.*?<\/tr>/gs)].map((r) =>
      [...r[0].matchAll(/<td.*?<\/td>/gs)].map((c) => c[0].replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&amp;/g, '&').trim()),
    );
    const col = (name: string) => shown[0]!.indexOf(name);
    expect(shown.slice(1).map((r) => r[col('phone')])).toEqual(['98765 43210', '0172-4567890', '98765 43210', '98765 43210', '98765 43210', '98765 43210']);
    // The injected formula is shown as text, not run ("click" would be its result).
    expect(shown[1]![col('description')]).toContain('=HYPERLINK');
    expect(shown[1]![col('category')]).toBe('Food and ration');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 90_000);
