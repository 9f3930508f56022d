// Where the Electron binary is, if anywhere: ELECTRON_OVERRIDE_DIST_PATH (a folder holding an
// Electron build, as the `electron` package itself honours it), else the one the package
// downloads into node_modules/electron/dist. Never triggers a download.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './paths.mjs';

const NAMES = { win32: 'electron.exe', darwin: 'Electron.app/Contents/MacOS/Electron' };

/** @returns {{ path: string } | { missing: string }} */
export function findElectron(env = process.env, platform = process.platform) {
  const pathFile = join(root, 'node_modules/electron/path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : (NAMES[platform] ?? 'electron');
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidate = join(override, name);
    return existsSync(candidate) ? { path: candidate } : { missing: `ELECTRON_OVERRIDE_DIST_PATH is set, but ${candidate} does not exist` };
  }
  const candidate = join(root, 'node_modules/electron/dist', name);
  return existsSync(candidate) ? { path: candidate } : { missing: 'the Electron binary is not installed (node_modules/electron/dist is missing: the electron package downloads it on first use)' };
}
