import { describe, expect, it, vi } from 'vitest';
import { createWindow } from './browserWindow';
import { CONSOLE_MIN_SIZE, PARTITION, webPreferences, windowKindFor, windowOptions } from './windows';

// Only Electron itself makes windows; here a stand-in records the options the app's one
// `new BrowserWindow` passes, so the settings a page finally gets are what is asserted.
vi.mock('electron', () => ({
  BrowserWindow: class {
    constructor(readonly options: Electron.BrowserWindowConstructorOptions) {}
  },
}));

const ctx = { preloadPath: '/app/dist-electron/preload/index.cjs', bounds: null, devTools: false, title: 'Helpline Control Room' };

describe('window security settings', () => {
  for (const kind of ['console', 'wall'] as const) {
    it(`${kind}: isolated, sandboxed, no Node, web security on`, () => {
      const made = createWindow(windowOptions(kind, ctx)) as unknown as { options: Electron.BrowserWindowConstructorOptions };
      const wp = made.options.webPreferences!;
      const locked = { contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webSecurity: true };
      expect(wp).toMatchObject({ ...locked, allowRunningInsecureContent: false, experimentalFeatures: false, webviewTag: false, navigateOnDragDrop: false });
      expect(wp).toMatchObject({ devTools: false, preload: ctx.preloadPath, partition: PARTITION });
      expect(wp.disableBlinkFeatures).toContain('Auxclick');
      expect(wp.enableBlinkFeatures).toBeUndefined();
      expect(wp).not.toHaveProperty('additionalArguments');
    });
  }

  it('options cannot weaken what the window is made with', () => {
    const weak = { ...windowOptions('console', ctx), webPreferences: { contextIsolation: false, sandbox: false, nodeIntegration: true, webSecurity: false } };
    const made = createWindow(weak) as unknown as { options: Electron.BrowserWindowConstructorOptions };
    expect(made.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
  });

  it('developer tools only when IT turns them on', () => {
    expect(webPreferences('/p', { devTools: true }).devTools).toBe(true);
    expect(webPreferences('/p', { devTools: false }).devTools).toBe(false);
  });

  it('a persistent session of its own: the outbox survives a restart', () => {
    expect(PARTITION).toMatch(/^persist:/);
  });
});

describe('window shapes', () => {
  it('the wall is a frameless full-screen kiosk', () => {
    const o = windowOptions('wall', { ...ctx, bounds: { x: 1920, y: 0, width: 1920, height: 1080 } });
    expect(o).toMatchObject({ kiosk: true, fullscreen: true, frame: false, autoHideMenuBar: true, show: false, x: 1920, y: 0 });
  });

  it('a console opens where it was, no smaller than usable', () => {
    const o = windowOptions('console', { ...ctx, bounds: { x: 10, y: 20, width: 1400, height: 900 } });
    expect(o).toMatchObject({ x: 10, y: 20, width: 1400, height: 900, minWidth: CONSOLE_MIN_SIZE.width, show: false });
    expect(o.kiosk).toBeUndefined();
  });

  it('the wall role, or a hub PC showing the wall, gets the kiosk; otherwise a console', () => {
    expect(windowKindFor('wall', 'wall')).toBe('wall');
    expect(windowKindFor('hub', 'wall')).toBe('wall');
    expect(windowKindFor('seat', 'operator')).toBe('console');
    expect(windowKindFor('hub', 'supervisor')).toBe('console');
    expect(windowKindFor(undefined, 'operator')).toBe('console');
  });
});
