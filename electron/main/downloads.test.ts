import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportSaveDialog } from './downloads';

// The dialog itself opens only in Electron (tests/electron, where a binary exists); this is
// what it is given.
describe('the save dialog of an export', () => {
  it('starts in the Downloads folder with the hub’s file name, offering CSV', () => {
    const d = exportSaveDialog('tickets-2026-11-01-to-2026-11-28.csv', '/home/meena/Downloads');
    expect(d.defaultPath).toBe(join('/home/meena/Downloads', 'tickets-2026-11-01-to-2026-11-28.csv'));
    expect(d.filters[0]).toEqual({ name: 'CSV (spreadsheet)', extensions: ['csv'] });
  });

  it('never lets a file name climb out of the folder or carry characters Windows refuses', () => {
    expect(exportSaveDialog('../../etc/passwd', '/d').defaultPath).toBe(join('/d', 'passwd'));
    expect(exportSaveDialog('..\\..\\win.ini', '/d').defaultPath).toBe(join('/d', 'win.ini'));
    expect(exportSaveDialog('a:b?.csv', '/d').defaultPath).toBe(join('/d', 'a_b_.csv'));
    expect(exportSaveDialog('', '/d').defaultPath).toBe(join('/d', 'export.csv'));
  });
});
