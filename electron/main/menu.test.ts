import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from './menu';

const roles = (items: MenuItemConstructorOptions[]): string[] => items.flatMap((i) => [...(i.role ? [i.role] : []), ...(Array.isArray(i.submenu) ? roles(i.submenu) : [])]);
const noop = () => undefined;

describe('menuTemplate', () => {
  it('a wall has no menu at all', () => {
    expect(menuTemplate('wall', { devTools: true, onSetup: noop, onAbout: noop })).toBeNull();
  });
  it('a console: settings, editing, zoom, reload; developer tools only when allowed', () => {
    const off = roles(menuTemplate('console', { devTools: false, onSetup: noop, onAbout: noop })!);
    expect(off).toEqual(expect.arrayContaining(['quit', 'copy', 'paste', 'zoomIn', 'reload']));
    expect(off).not.toContain('toggleDevTools');
    expect(roles(menuTemplate('console', { devTools: true, onSetup: noop, onAbout: noop })!)).toContain('toggleDevTools');
  });
});
