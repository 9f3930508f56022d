/**
 * Exports are downloads of a link the hub made for a supervisor (`export:start`). In the desktop
 * app the person chooses where the file goes, in the system's save dialog, starting in their
 * Downloads folder with the name the hub gave; spreadsheets are offered as CSV.
 */
import { basename, join } from 'node:path';

export type SaveDialog = { title: string; defaultPath: string; buttonLabel: string; filters: { name: string; extensions: string[] }[] };

export function exportSaveDialog(filename: string, downloadsDir: string): SaveDialog {
  // The name comes from the hub's Content-Disposition: keep only a plain file name.
  const plain = [...basename(filename.replace(/\\/g, '/'))].map((ch) => (ch.charCodeAt(0) < 32 || '<>:"|?*'.includes(ch) ? '_' : ch)).join('');
  const safe = plain || 'export.csv';
  const csv = /\.csv$/i.test(safe);
  return {
    // The shell has no language of its own: both of the floor's languages.
    title: 'Save the export · निर्यात सहेजें',
    defaultPath: join(downloadsDir, safe),
    buttonLabel: 'Save · सहेजें',
    filters: csv ? [{ name: 'CSV (spreadsheet)', extensions: ['csv'] }, { name: 'All files', extensions: ['*'] }] : [{ name: 'All files', extensions: ['*'] }],
  };
}
