import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayFor, parseWindowState, type Rect, restoreBounds, serializeWindowState } from './windowState';

const primary = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
const right = { id: 2, workArea: { x: 1920, y: 0, width: 1280, height: 984 } };
const DEFAULT = { width: 1366, height: 768 };

const inside = (r: Rect, a: Rect) => r.x >= a.x && r.y >= a.y && r.x + r.width <= a.x + a.width && r.y + r.height <= a.y + a.height;

describe('restoreBounds', () => {
  it('first start: centred on the primary display', () => {
    expect(restoreBounds(undefined, [primary, right], 1, DEFAULT)).toEqual({ x: 277, y: 136, width: 1366, height: 768 });
  });

  it('keeps a place that is on a screen', () => {
    const saved = { bounds: { x: 2000, y: 50, width: 1000, height: 700 }, maximized: false };
    expect(restoreBounds(saved, [primary, right], 1, DEFAULT)).toEqual(saved.bounds);
  });

  it('pulls a window hanging off the edge back inside', () => {
    const saved = { bounds: { x: 1700, y: 900, width: 800, height: 600 }, maximized: false };
    const r = restoreBounds(saved, [primary], 1, DEFAULT);
    expect(r).toEqual({ x: 1120, y: 440, width: 800, height: 600 });
  });

  it('a monitor that was unplugged: back on the primary, same size', () => {
    const saved = { bounds: { x: 2100, y: 100, width: 1000, height: 700 }, maximized: false };
    expect(restoreBounds(saved, [primary], 1, DEFAULT)).toEqual({ x: 460, y: 170, width: 1000, height: 700 });
  });

  it('a window larger than the screen it comes back to is shrunk to fit', () => {
    const saved = { bounds: { x: 0, y: 0, width: 2560, height: 1440 }, maximized: false };
    expect(restoreBounds(saved, [right], 2, DEFAULT)).toEqual({ x: 1920, y: 0, width: 1280, height: 984 });
  });

  it('always lands entirely inside one display (any saved place, any layout)', () => {
    const rect = fc.record({ x: fc.integer({ min: -5000, max: 5000 }), y: fc.integer({ min: -5000, max: 5000 }), width: fc.integer({ min: 1, max: 4000 }), height: fc.integer({ min: 1, max: 3000 }) });
    const display = fc.record({ x: fc.integer({ min: -4000, max: 4000 }), y: fc.integer({ min: -2000, max: 2000 }), width: fc.integer({ min: 640, max: 3840 }), height: fc.integer({ min: 480, max: 2160 }) });
    fc.assert(
      fc.property(rect, fc.array(display, { minLength: 1, maxLength: 3 }), (bounds, areas) => {
        const displays = areas.map((workArea, i) => ({ id: i + 1, workArea }));
        const r = restoreBounds({ bounds, maximized: false }, displays, 1, DEFAULT);
        expect(displays.some((d) => inside(r, d.workArea))).toBe(true);
        expect(r.width).toBeGreaterThan(0);
        expect(r.height).toBeGreaterThan(0);
      }),
    );
  });
});

describe('displayFor (the wall)', () => {
  it('the display it was on, else the one under its centre, else the primary', () => {
    expect(displayFor({ bounds: { x: 0, y: 0, width: 10, height: 10 }, maximized: false, displayId: 2 }, [primary, right], 1)).toBe(right);
    expect(displayFor({ bounds: { x: 2000, y: 10, width: 100, height: 100 }, maximized: false, displayId: 9 }, [primary, right], 1)).toBe(right);
    expect(displayFor(undefined, [primary, right], 1)).toBe(primary);
    expect(displayFor({ bounds: { x: 9000, y: 0, width: 10, height: 10 }, maximized: false }, [primary, right], 1)).toBe(primary);
  });
});

describe('the state file', () => {
  it('round-trips, and a damaged or foreign file counts as none', () => {
    const state = { version: 1 as const, windows: { console: { bounds: { x: 1, y: 2, width: 300, height: 200 }, maximized: true, displayId: 1 } } };
    expect(parseWindowState(serializeWindowState(state))).toEqual(state);
    expect(parseWindowState('{ nope')).toEqual({ version: 1, windows: {} });
    expect(parseWindowState(JSON.stringify({ version: 2, windows: {} }))).toEqual({ version: 1, windows: {} });
    expect(parseWindowState(JSON.stringify({ version: 1, windows: { console: { bounds: { x: 0, y: 0, width: -5, height: 1 } } } }))).toEqual({ version: 1, windows: {} });
    expect(parseWindowState(null)).toEqual({ version: 1, windows: {} });
  });
});
