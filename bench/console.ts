/**
 * The operator console in Chromium against a hub holding the seeded data: first render after
 * signing in, scrolling the ticket list, and search as you type.
 *
 * Frames are timed in the page with requestAnimationFrame. A frame counts as dropped when the
 * gap since the previous one spans more than one frame interval of the same page at rest
 * (measured first, in the same run, so that a slow or busy machine sets its own baseline rather
 * than an assumed 60 Hz). Long tasks (>50 ms of main-thread work) are collected as well.
 *
 * The code that runs in the page is passed as strings: this folder is type-checked without the
 * DOM library.
 */
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions, prepareChromium } from '../scripts/find-chromium.mjs';
import { BENCH_PIN, benchUser, summarize, type Summary } from './lib';

const INSTRUMENT = `
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}
  window.__inputs = [];
  document.addEventListener('input', (e) => {
    const t0 = e.timeStamp;
    // The frame after the input's handlers ran and React committed: when the person sees it.
    requestAnimationFrame(() => setTimeout(() => window.__inputs.push(performance.now() - t0), 0));
  }, true);
  window.__frames = (ms) => new Promise((resolve) => {
    const gaps = [];
    let last = 0;
    const end = performance.now() + ms;
    const tick = (t) => {
      if (last) gaps.push(t - last);
      last = t;
      if (t < end) requestAnimationFrame(tick); else resolve(gaps);
    };
    requestAnimationFrame(tick);
  });
`;

const SCROLL = (px: number, frames: number) => `new Promise((resolve) => {
  const el = document.querySelector('section[aria-label="Tickets"] .tickets-scroll');
  if (!el) { resolve({ error: 'no ticket list' }); return; }
  el.scrollTop = 0;
  const gaps = [];
  // The position is kept here and only written: reading scrollTop back would force a layout in
  // every frame, a cost of the measurement and not of the console.
  let last = 0, n = 0, y = 0;
  const t0 = performance.now();
  const lt0 = window.__longTasks.length;
  const tick = (t) => {
    if (last) gaps.push(t - last);
    last = t;
    y += ${px};
    el.scrollTop = y;
    if (++n < ${frames}) requestAnimationFrame(tick);
    else {
      const rows = document.querySelectorAll('section[aria-label="Tickets"] [role="listitem"]').length;
      resolve({ gaps, rows, top: el.scrollTop, longTasks: window.__longTasks.slice(lt0).map((x) => x.duration), ms: performance.now() - t0 });
    }
  };
  requestAnimationFrame(tick);
})`;

export type FrameStats = { frames: number; dropped: number; p99GapMs: number; maxGapMs: number; longTasks: number; longestTaskMs: number };

function frameStats(gaps: number[], interval: number, longTasks: number[]): FrameStats {
  let dropped = 0;
  for (const g of gaps) dropped += Math.max(0, Math.round(g / interval) - 1);
  const s = summarize(gaps);
  return { frames: gaps.length, dropped, p99GapMs: s.p99, maxGapMs: s.max, longTasks: longTasks.length, longestTaskMs: longTasks.length ? Math.max(...longTasks) : 0 };
}

export type ConsoleResult = {
  loadMs: number;
  firstRenderMs: number;
  firstRenderLongTasks: number;
  ticketsShown: string;
  frameIntervalMs: number;
  idle: FrameStats;
  scrollSteady: FrameStats & { rowsInDom: number };
  scrollFast: FrameStats & { rowsInDom: number };
  typing: { keys: number; inputToFrame: Summary; frames: FrameStats; hubResultMs: number | null };
  typingWords: { keys: number; inputToFrame: Summary; frames: FrameStats; hubResultMs: number | null };
};

async function typeAndMeasure(page: Page, text: string, interval: number): Promise<ConsoleResult['typing']> {
  const search = page.getByRole('searchbox', { name: 'Search tickets' });
  await search.fill('');
  await page.waitForTimeout(600);
  await page.evaluate('window.__inputs = []; window.__lt0 = window.__longTasks.length');
  const frames = page.evaluate(`window.__frames(${text.length * 120 + 1200})`) as Promise<number[]>;
  await search.click();
  // 120 ms a key: a fast typist.
  await search.pressSequentially(text, { delay: 120 });
  const typed = Date.now();
  let hubResultMs: number | null;
  try {
    await page.getByText(/found on the hub/).first().waitFor({ timeout: 10_000 });
    hubResultMs = Date.now() - typed;
  } catch {
    hubResultMs = null;
  }
  const gaps = await frames;
  const inputs = (await page.evaluate('window.__inputs')) as number[];
  const longTasks = (await page.evaluate('window.__longTasks.slice(window.__lt0).map((x) => x.duration)')) as number[];
  return { keys: text.length, inputToFrame: summarize(inputs), frames: frameStats(gaps, interval, longTasks), hubResultMs };
}

export async function consoleBench(opts: { url: string; key: string; seat: number; phone: string; word: string; scrollFrames: number }): Promise<ConsoleResult> {
  await prepareChromium();
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB', timezoneId: 'Asia/Kolkata' });
    const page = await context.newPage();
    await page.addInitScript({ content: INSTRUMENT });
    const t0 = Date.now();
    await page.goto(`${opts.url}/?lang=en`);
    await page.getByLabel('Seat', { exact: true }).fill(String(opts.seat));
    await page.getByLabel('User', { exact: true }).fill(benchUser(opts.seat));
    await page.getByLabel('PIN', { exact: true }).fill(BENCH_PIN);
    await page.getByLabel('Access key', { exact: true }).fill(opts.key);
    const loadMs = Date.now() - t0;

    // First render: from the click on Sign in to the first ticket row on screen, timed in the page.
    await page.evaluate(`window.__rendered = new Promise((resolve) => {
      const check = () => {
        const row = document.querySelector('section[aria-label="Tickets"] [role="listitem"]');
        if (row) resolve(performance.now()); else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    }); window.__clickAt = 0; window.__lt0 = window.__longTasks.length;
    document.addEventListener('click', () => { if (!window.__clickAt) window.__clickAt = performance.now(); }, true);`);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const rendered = (await page.evaluate('window.__rendered.then((t) => t - window.__clickAt)')) as number;
    const firstRenderLongTasks = (await page.evaluate('window.__longTasks.slice(window.__lt0).length')) as number;
    const region = page.getByRole('region', { name: 'Tickets' });
    const ticketsShown = ((await region.locator('.tickets-count').textContent()) ?? '').trim();
    await page.waitForTimeout(1500);

    // The page at rest sets the frame interval that counts as one frame.
    const idleGaps = (await page.evaluate('window.__frames(2000)')) as number[];
    const interval = summarize(idleGaps).p50;
    const idleLong = (await page.evaluate('window.__longTasks.length')) as number;
    const idle = frameStats(idleGaps, interval, []);
    idle.longTasks = idleLong - firstRenderLongTasks;

    // Steady: about 2,000 px a second, a person dragging through the list. Fast: a fling, 10 rows a frame.
    const steady = (await page.evaluate(SCROLL(34, opts.scrollFrames))) as { gaps: number[]; rows: number; longTasks: number[] };
    const fast = (await page.evaluate(SCROLL(680, opts.scrollFrames))) as { gaps: number[]; rows: number; longTasks: number[] };

    const typing = await typeAndMeasure(page, opts.phone, interval);
    const typingWords = await typeAndMeasure(page, opts.word, interval);
    return {
      loadMs,
      firstRenderMs: rendered,
      firstRenderLongTasks,
      ticketsShown,
      frameIntervalMs: interval,
      idle,
      scrollSteady: { ...frameStats(steady.gaps, interval, steady.longTasks), rowsInDom: steady.rows },
      scrollFast: { ...frameStats(fast.gaps, interval, fast.longTasks), rowsInDom: fast.rows },
      typing,
      typingWords,
    };
  } finally {
    await browser.close();
  }
}
