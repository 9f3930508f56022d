/**
 * The application menu. A wall has none at all (a kiosk offers nothing to click); a console
 * has the few things an operator or IT needs: settings, editing, zoom for a far-sighted
 * operator, reload when something looks stuck.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { WindowKind } from './windows';

export function menuTemplate(kind: WindowKind, opts: { devTools: boolean; onSetup: () => void; onAbout: () => void }): MenuItemConstructorOptions[] | null {
  if (kind === 'wall') return null;
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload' },
    { type: 'separator' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { role: 'resetZoom' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (opts.devTools) view.push({ type: 'separator' }, { role: 'toggleDevTools' });
  return [
    { label: '&File', submenu: [{ label: 'Settings of this PC…', click: opts.onSetup }, { type: 'separator' }, { role: 'quit' }] },
    { label: '&Edit', submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    { label: '&View', submenu: view },
    { label: '&Help', submenu: [{ label: 'About Helpline Control Room', click: opts.onAbout }] },
  ];
}
