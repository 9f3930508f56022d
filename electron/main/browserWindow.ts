/**
 * The app's only `new BrowserWindow`. The options come from windows.ts (asserted by its unit
 * tests); the settings that keep a page away from Node are stated once more here, where the
 * window is made, so that no later change to the options can weaken them, and so that a
 * static checker reading this call (Electronegativity) sees them.
 */
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';

export function createWindow(options: BrowserWindowConstructorOptions): BrowserWindow {
  return new BrowserWindow({
    ...options,
    webPreferences: {
      ...options.webPreferences,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
}
