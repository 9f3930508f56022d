/** Whether the desktop app can be launched here, and if not, why not. */
import { findElectron } from '../../scripts/electron-binary.mjs';

export type Launchable = { ok: true; executablePath: string } | { ok: false; reason: string };

export function launchable(): Launchable {
  const found = findElectron();
  if ('missing' in found) return { ok: false, reason: `${found.missing}; set ELECTRON_OVERRIDE_DIST_PATH to an Electron 45 build to run these tests` };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return { ok: false, reason: 'no display: run under `xvfb-run -a`' };
  return { ok: true, executablePath: found.path };
}
