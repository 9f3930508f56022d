// `npm start`: the desktop app where Electron is installed; otherwise the hub with its web
// consoles, so that the control room still runs on a machine without the Electron binary.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function electronBinary() {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = join(root, 'node_modules/electron/path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const candidate = override ? join(override, name) : join(root, 'node_modules/electron/dist', name);
  return existsSync(candidate) ? candidate : null;
}

const electron = electronBinary();
const mainBuilt = existsSync(join(root, 'dist-electron/main/index.cjs'));
if (electron && mainBuilt) {
  const child = spawn(electron, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    [
      electron
        ? 'The desktop shell is not built yet (run `npm run build:electron`).'
        : 'The Electron binary is not installed on this machine: the `electron` package downloads it on first use, and this machine cannot reach the download.',
      'To run the desktop app, install it on a machine with internet access (`npx install-electron`), or point ELECTRON_OVERRIDE_DIST_PATH at a folder holding an Electron 45 build, then run `npm start` again.',
      'Meanwhile the hub starts with its web consoles: open the addresses below in Chromium, Chrome, Edge or Firefox on this PC or any PC on the LAN.',
    ].join('\n'),
  );
  const build = spawnSync(process.execPath, [join(root, 'scripts/build-renderer-if-stale.mjs')], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const args = [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'electron/hub/cli.ts'), '--port', process.env.PORT ?? '4950', '--data', process.env.HUB_DATA ?? join(root, '.data/hub'), ...process.argv.slice(2)];
  const hub = spawn(process.execPath, args, { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => hub.kill(signal));
  hub.on('exit', (code) => process.exit(code ?? 0));
}
