/** Builds what the app loads (the consoles and dist-electron/) when the app can run here at all. */
import { execFileSync } from 'node:child_process';
import { launchable } from './env';

export default function globalSetup(): void {
  const can = launchable();
  if (!can.ok) {
    console.log(`Desktop app tests skipped: ${can.reason}.`);
    return;
  }
  for (const script of ['scripts/build-renderer-if-stale.mjs', 'scripts/build-electron.mjs']) execFileSync(process.execPath, [script], { stdio: 'inherit' });
}
