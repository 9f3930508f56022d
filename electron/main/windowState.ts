/**
 * Windows come back where they were, unless that place is no longer on any screen (a monitor
 * unplugged, a resolution changed, a profile copied from another PC): then they come back
 * whole, on the primary screen. Pure functions of the saved state and the displays.
 */
import { z } from 'zod';

export type Rect = { x: number; y: number; width: number; height: number };
export type DisplayArea = { id: number; workArea: Rect };

const RectSchema = z.object({ x: z.number().int(), y: z.number().int(), width: z.number().int().positive(), height: z.number().int().positive() });
const SavedWindow = z.object({ bounds: RectSchema, maximized: z.boolean().default(false), displayId: z.number().optional() });
export type SavedWindow = z.infer<typeof SavedWindow>;

const StateFile = z.object({ version: z.literal(1), windows: z.record(z.string(), SavedWindow) });
export type WindowStateFile = z.infer<typeof StateFile>;

/** A file that is missing, damaged or from a future version counts as no saved state. */
export function parseWindowState(text: string | null): WindowStateFile {
  if (text) {
    try {
      const r = StateFile.safeParse(JSON.parse(text));
      if (r.success) return r.data;
    } catch {
      // fall through: start from defaults
    }
  }
  return { version: 1, windows: {} };
}

export function serializeWindowState(state: WindowStateFile): string {
  return JSON.stringify(state, null, 2) + '\n';
}

function intersection(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), Math.max(lo, hi));

/** At least this much of a window must be on a screen for its saved place to be kept. */
export const MIN_VISIBLE = { width: 120, height: 80 };

function centered(size: { width: number; height: number }, area: Rect): Rect {
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  return { x: area.x + Math.floor((area.width - width) / 2), y: area.y + Math.floor((area.height - height) / 2), width, height };
}

/**
 * The bounds to open a window with: inside one display's work area, entirely. The saved size is
 * kept as far as the display allows; its place is kept when enough of it was on that display.
 */
export function restoreBounds(saved: SavedWindow | undefined, displays: readonly DisplayArea[], primaryId: number, defaults: { width: number; height: number }): Rect {
  const primary = displays.find((d) => d.id === primaryId) ?? displays[0];
  if (!primary) return { x: 0, y: 0, ...defaults };
  if (!saved) return centered(defaults, primary.workArea);
  const b = saved.bounds;
  let best: DisplayArea | undefined;
  let bestArea = 0;
  for (const d of displays) {
    const a = intersection(b, d.workArea);
    if (a > bestArea) {
      best = d;
      bestArea = a;
    }
  }
  const visibleEnough = best && bestArea >= Math.min(MIN_VISIBLE.width * MIN_VISIBLE.height, b.width * b.height);
  if (!best || !visibleEnough) return centered(b, primary.workArea);
  const wa = best.workArea;
  const width = Math.min(b.width, wa.width);
  const height = Math.min(b.height, wa.height);
  return { x: clamp(b.x, wa.x, wa.x + wa.width - width), y: clamp(b.y, wa.y, wa.y + wa.height - height), width, height };
}

/** The display a kiosk window goes full screen on: the one it was on, else the primary. */
export function displayFor(saved: SavedWindow | undefined, displays: readonly DisplayArea[], primaryId: number): DisplayArea | undefined {
  if (saved?.displayId !== undefined) {
    const same = displays.find((d) => d.id === saved.displayId);
    if (same) return same;
  }
  if (saved) {
    const cx = saved.bounds.x + saved.bounds.width / 2;
    const cy = saved.bounds.y + saved.bounds.height / 2;
    const under = displays.find((d) => cx >= d.workArea.x && cx < d.workArea.x + d.workArea.width && cy >= d.workArea.y && cy < d.workArea.y + d.workArea.height);
    if (under) return under;
  }
  return displays.find((d) => d.id === primaryId) ?? displays[0];
}
