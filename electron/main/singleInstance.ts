/**
 * One copy of the app per PC (per profile): a second start only brings the first forward. The
 * `second-instance` listener is added the moment the lock is taken, before the configuration is
 * read and before anything can return early, so whatever the first copy shows (the console,
 * the setup screen, a configuration error) comes to the front. Electron is injected, so this
 * runs under plain Node in the tests; index.ts wires it, and tests/electron start a second copy
 * for real where an Electron binary is available.
 */

export type Focusable = { isDestroyed(): boolean; isMinimized(): boolean; restore(): void; show(): void; focus(): void };

export type InstanceApp = {
  requestSingleInstanceLock(): boolean;
  on(event: 'second-instance', listener: () => void): unknown;
};

/** True when this is the first copy; `onSecondStart` then runs at every later start. */
export function holdSingleInstance(app: InstanceApp, onSecondStart: () => void): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', onSecondStart);
  return true;
}

/** A minimised window is restored first: `focus` alone leaves it in the taskbar. */
export function bringForward(win: Focusable | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
