/**
 * What the wall's layout tests and screenshots share: a floor at work on a hub of the test's
 * own, and the checks a person standing in front of the TV would make, run inside the page.
 */
import { randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import { E2E_KEYS } from './env';
import { Supervisor, uniquePhone } from './helpers';

/**
 * The smallest text on the wall, as a share of the screen's height. The rule: a character seen
 * from where it is read subtends at least 16 minutes of arc, the least ISO 9241-3 and ANSI/HFES
 * 100 accept for text that must be read (about 1/215 of the distance), counting a character as
 * the font's em, which Devanagari's vowel signs above and below the letters fill. At 4 m that
 * is 18.7 mm. A wall TV for a floor read from 4 m is 75 inches, 934 mm tall, so 18.7 mm is 2%
 * of its height: 21.6 px at 1920x1080, 43.2 px at 3840x2160, the same share at any resolution.
 * A smaller TV is read from nearer: a 55-inch one, from 3 m.
 */
export const MIN_TEXT_SHARE_OF_HEIGHT = 0.02;

/** Operators of a test floor, with the long Hindi names that used to be cut (each has an account: people.ts). */
export { FLOOR_NAMES } from './people';

/** Every category of the default configuration, the longest label second. */
const CATEGORIES = ['food_ration', 'migrant_worker', 'movement_pass', 'medical', 'grievance', 'aarogya_setu', 'covid_info', 'other'];

/**
 * Seats at work as a shift has them, one in six each: on a call (two), in wrap-up after a call
 * (every fourth of those dropped), ready (two), on a break. Every call raises a ticket, the
 * categories in turn, so today's requests fill their panel at any hour of the day. Returns the
 * seats' sockets, to close.
 */
export async function staffFloor(hubUrl: string, people: readonly { seat: number; name: string }[]): Promise<Supervisor[]> {
  const sockets: Supervisor[] = [];
  let calls = 0;
  for (const [i, { seat, name }] of people.entries()) {
    const s = await Supervisor.connect(hubUrl, { key: E2E_KEYS.operator, seat, name });
    sockets.push(s);
    const mode = i % 6;
    if (mode <= 2) {
      const started = await s.request('call:start', { opId: randomUUID() });
      const callId = (started.call as { id: string }).id;
      const category = CATEGORIES[calls++ % CATEGORIES.length]!;
      await s.request('ticket:create', { opId: randomUUID(), ticket: { phone: uniquePhone(), category, description: `${category} ${seat}`, callId } });
      if (mode === 2) await s.request('call:end', { opId: randomUUID(), callId, disposition: i % 4 === 0 ? 'dropped' : 'ticket_raised' });
    } else if (mode <= 4) await s.request('seat:set', { opId: randomUUID(), state: 'ready' });
    else await s.request('seat:set', { opId: randomUUID(), state: 'break' });
  }
  return sockets;
}

/** Waits until the wall's fonts are in, so what is measured is what the TV shows. */
export async function fontsLoaded(page: Page): Promise<void> {
  // Polled from here: a predicate run inside the page would be evaluated code, which its CSP refuses.
  await expect
    .poll(() => page.evaluate(`document.fonts.status === 'loaded' && [...document.fonts].some((f) => f.family.includes('Noto Sans Devanagari') && f.status === 'loaded')`))
    .toBe(true);
}

/**
 * Everything on the wall a person would call broken, as sentences (empty when none):
 * - the page scrolls, or a box or a line of text leaves the screen;
 * - a line of text is cut at its top or bottom (a vowel sign or a reph lost) by a box that
 *   clips it, or is taller than its own box (scrollHeight > clientHeight); cut at the side
 *   only where the box says so with an ellipsis, and lines hidden whole only by a line clamp;
 * - a line of text overlaps another, or a box with a background it does not belong to (a
 *   banner drawn over the seats);
 * - text smaller than `minFontPx`.
 * A line's box is the font's ascent to descent, which holds every vowel sign of Noto Sans
 * Devanagari, so a line inside its boxes is a line drawn whole.
 */
export async function wallLayoutProblems(page: Page, minFontPx: number): Promise<string[]> {
  return (await page.evaluate(`(${LAYOUT_PROBLEMS})(${JSON.stringify(minFontPx)})`)) as string[];
}

// Page code, as a string: the end-to-end tests are type-checked without the DOM library.
const LAYOUT_PROBLEMS = `(minFontPx) => {
  const problems = [];
  const W = innerWidth, H = innerHeight, SLACK = 1;
  const root = document.documentElement;
  if (root.scrollHeight > H || root.scrollWidth > W) problems.push('the page scrolls: ' + root.scrollWidth + 'x' + root.scrollHeight + ' in ' + W + 'x' + H);
  const describe = (el) => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  const say = (el, text) => describe(el) + ' "' + text.slice(0, 40) + '"';
  const rectOf = (r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  const meets = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2;
  const paddingBox = (el) => {
    const r = el.getBoundingClientRect();
    const left = r.left + el.clientLeft, top = r.top + el.clientTop;
    return { left, top, right: left + el.clientWidth, bottom: top + el.clientHeight };
  };
  const lines = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    const el = node.parentElement;
    if (!text || !el || el.getClientRects().length === 0 || el.closest('.sr-only')) continue;
    const style = getComputedStyle(el);
    if (style.visibility !== 'visible') continue;
    if (parseFloat(style.fontSize) < minFontPx - 0.01) problems.push(say(el, text) + ' is ' + style.fontSize + ', smaller than ' + minFontPx.toFixed(1) + 'px');
    if (el.clientHeight > 0 && el.scrollHeight > el.clientHeight + SLACK) problems.push(say(el, text) + ' is taller than its box: ' + el.scrollHeight + ' > ' + el.clientHeight);
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width < 1) continue;
      const seen = rectOf(r);
      let hidden = false;
      for (let a = el; a && a !== root && !hidden; a = a.parentElement) {
        const s = getComputedStyle(a);
        const clipsX = s.overflowX !== 'visible', clipsY = s.overflowY !== 'visible';
        if (!clipsX && !clipsY) continue;
        const box = paddingBox(a);
        if (clipsY && (seen.top < box.top - SLACK || seen.bottom > box.bottom + SLACK)) {
          const whole = seen.top >= box.bottom - SLACK || seen.bottom <= box.top + SLACK;
          if (whole && s.webkitLineClamp !== 'none') hidden = true;
          else problems.push(say(el, text) + ' is cut at the ' + (seen.top < box.top - SLACK ? 'top' : 'bottom') + ' by ' + describe(a));
        }
        if (clipsX && (seen.left < box.left - SLACK || seen.right > box.right + SLACK)) {
          if (s.textOverflow !== 'ellipsis') problems.push(say(el, text) + ' is cut at the side by ' + describe(a) + ' without an ellipsis');
          seen.left = Math.max(seen.left, box.left);
          seen.right = Math.min(seen.right, box.right);
        }
      }
      if (hidden) continue;
      if (seen.left < -SLACK || seen.top < -SLACK || seen.right > W + SLACK || seen.bottom > H + SLACK) problems.push(say(el, text) + ' is off the screen');
      lines.push({ el, text, rect: seen });
    }
  }
  for (let i = 0; i < lines.length; i++)
    for (let j = i + 1; j < lines.length; j++)
      if (lines[i].el !== lines[j].el && meets(lines[i].rect, lines[j].rect)) problems.push(say(lines[i].el, lines[i].text) + ' overlaps ' + say(lines[j].el, lines[j].text));
  // Boxes with a background: a line of text may only sit on the boxes it is inside.
  const boxes = [...document.querySelectorAll('body *')].filter((b) => {
    const s = getComputedStyle(b);
    return b.getClientRects().length > 0 && s.visibility === 'visible' && (!/rgba\\(.*,\\s*0\\)$/.test(s.backgroundColor) || s.backgroundImage !== 'none');
  });
  for (const b of boxes) {
    const r = rectOf(b.getBoundingClientRect());
    if (r.right - r.left < 1 || r.bottom - r.top < 1) continue;
    if (r.left < -SLACK || r.top < -SLACK || r.right > W + SLACK || r.bottom > H + SLACK) problems.push(describe(b) + ' is off the screen');
    for (const line of lines) if (!b.contains(line.el) && !line.el.contains(b) && meets(r, line.rect)) problems.push(say(line.el, line.text) + ' is under or over ' + describe(b));
  }
  return [...new Set(problems)];
}`;
