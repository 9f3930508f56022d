/**
 * Every BrowserWindow's options come from here, so the security settings are asserted by unit
 * tests instead of being trusted to each call site. Types only from electron: this module runs
 * under plain Node in the tests.
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import type { Rect } from './windowState';

export type WindowKind = 'console' | 'wall';

/** A session of its own, kept on disk: the consoles' outbox and sign-in live in its storage. */
export const PARTITION = 'persist:helpline';

export const CONSOLE_DEFAULT_SIZE = { width: 1366, height: 768 };
export const CONSOLE_MIN_SIZE = { width: 1024, height: 640 };

/**
 * A window's preferences. The settings that keep a page away from Node (context isolation, the
 * sandbox, no Node integration, web security, no webview, no auxclick) are not set here: the
 * one place that makes a window, browserWindow.ts, states them at the call, after these, so
 * nothing here can weaken them.
 */
export function webPreferences(preloadPath: string, opts: { devTools: boolean }): WebPreferences {
  return {
    preload: preloadPath,
    partition: PARTITION,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    // A page that opens dialog after dialog cannot lock an operator out of the console.
    safeDialogs: true,
    spellcheck: false,
    devTools: opts.devTools,
    // A wall left alone for days must not throttle its clock and counters in the background.
    backgroundThrottling: false,
  };
}

export function windowOptions(kind: WindowKind, ctx: { preloadPath: string; bounds: Rect | null; devTools: boolean; title: string; icon?: string }): BrowserWindowConstructorOptions {
  const common: BrowserWindowConstructorOptions = {
    title: ctx.title,
    show: false,
    backgroundColor: kind === 'wall' ? '#000000' : '#ffffff',
    autoHideMenuBar: true,
    ...(ctx.icon ? { icon: ctx.icon } : {}),
    webPreferences: webPreferences(ctx.preloadPath, { devTools: ctx.devTools }),
  };
  if (kind === 'wall') {
    // The wall is a kiosk: full screen on its display, no frame, no menu, nothing to click away.
    return {
      ...common,
      ...(ctx.bounds ? { x: ctx.bounds.x, y: ctx.bounds.y, width: ctx.bounds.width, height: ctx.bounds.height } : {}),
      kiosk: true,
      fullscreen: true,
      frame: false,
      resizable: false,
      minimizable: false,
      skipTaskbar: false,
    };
  }
  return {
    ...common,
    ...(ctx.bounds ?? CONSOLE_DEFAULT_SIZE),
    minWidth: CONSOLE_MIN_SIZE.width,
    minHeight: CONSOLE_MIN_SIZE.height,
  };
}

/** A wall, or a hub PC that drives the wall screen itself, gets the kiosk window. */
export function windowKindFor(role: 'hub' | 'seat' | 'wall' | undefined, window: 'operator' | 'supervisor' | 'wall'): WindowKind {
  return role === 'wall' || (role !== undefined && window === 'wall') ? 'wall' : 'console';
}
