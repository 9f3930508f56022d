// `npm start`: the desktop app where the Electron binary is installed; otherwise the hub with
// its web consoles, so that the control room still runs on a machine without it.
//   npm start -- --role seat --hub 10.0.0.5:4950     flags go to the app (see docs/install.md)
// Without Electron, the hub's own flags (--port, --data, …) and the app's --hub-port, --hub-data
// and the like are passed to the hub; the other app flags mean nothing there and are dropped.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findElectron } from './electron-binary.mjs';
import { root } from './paths.mjs';

const args = process.argv.slice(2);

function run(script, extra = []) {
  const r = spawnSync(process.execPath, [join(root, script), ...extra], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** Ends the child with the signal this process got, and exits with the child's code. */
function follow(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

const electron = findElectron();
if ('path' in electron) {
  run('scripts/build-renderer-if-stale.mjs');
  run('scripts/build-electron.mjs');
  follow(spawn(electron.path, [root, ...args], { stdio: 'inherit' }));
} else {
  console.log(
    `The desktop app cannot open here: ${electron.missing}, and this machine cannot download it. ` +
      'To run it, install Electron on a machine with internet access (`npx install-electron` in this folder), ' +
      'or point ELECTRON_OVERRIDE_DIST_PATH at a folder holding an Electron 45 build, then run `npm start` again. ' +
      'Meanwhile the hub starts with its web consoles: open the addresses below in Chrome, Edge, Chromium or Firefox, on this PC or any PC on the LAN.\n',
  );
  run('scripts/build-renderer-if-stale.mjs');
  const HUB_FLAGS = new Set(['--port', '--data', '--seats', '--initial-total', '--host', '--tz', '--backup-dir', '--backup-every', '--backup-keep', '--restore', '--help', '-h']);
  const FROM_APP = { '--hub-port': '--port', '--hub-data': '--data', '--hub-seats': '--seats', '--hub-initial-total': '--initial-total', '--hub-host': '--host', '--hub-tz': '--tz', '--hub-backup-dir': '--backup-dir', '--hub-backup-every': '--backup-every', '--hub-backup-keep': '--backup-keep', '--restore-backup': '--restore' };
  const VALUELESS = new Set(['--help', '-h', '--setup', '--no-discovery', '--discovery', '--auto-start', '--no-auto-start', '--dev-tools']);
  const passed = [];
  const dropped = [];
  for (let i = 0; i < args.length; i++) {
    const [name, inline] = args[i].split(/=(.*)/s);
    const value = inline ?? (VALUELESS.has(name) || i + 1 >= args.length ? undefined : args[++i]);
    const hubName = HUB_FLAGS.has(name) ? name : FROM_APP[name];
    const pair = value === undefined ? [hubName ?? name] : [hubName ?? name, value];
    if (hubName) passed.push(...pair);
    else dropped.push(pair.join(' '));
  }
  if (dropped.length) console.log(`(Without the desktop app these flags do nothing and are left out: ${dropped.join(', ')})\n`);
  const dataDir = process.env.HUB_DATA ?? join(root, '.data/hub');
  // The hub keeps its keys in its data folder and expects the folder to be there.
  const givenData = passed.lastIndexOf('--data');
  mkdirSync(resolve(givenData >= 0 && passed[givenData + 1] ? passed[givenData + 1] : dataDir), { recursive: true });
  const cli = [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'electron/hub/cli.ts')];
  follow(spawn(process.execPath, [...cli, '--port', process.env.PORT ?? '4950', '--data', dataDir, ...passed], { stdio: 'inherit' }));
}
