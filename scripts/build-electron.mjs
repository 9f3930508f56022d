// Bundles the desktop shell into dist-electron/ with esbuild: the main process, the preload
// script and the hub's own process, one CommonJS file each (package.json is "type": "module";
// .cjs keeps Electron loading them as CommonJS, which a sandboxed preload requires).
//   dist-electron/main/index.cjs     main process (package.json "main")
//   dist-electron/preload/index.cjs  preload: runs sandboxed, may require only 'electron'
//   dist-electron/hub/index.cjs      entry of utilityProcess.fork: the hub, mDNS, backups
// sqlite3 stays outside the bundles: it is a native addon, loaded from node_modules (unpacked
// from the asar archive by electron-builder). bonjour-service (LAN discovery) is bundled; should
// it be missing, the bundles are built without it, and the app runs with typed addresses only.
import { createRequire } from 'node:module';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { root } from './paths.mjs';

const require = createRequire(join(root, 'package.json'));
const outDir = join(root, 'dist-electron');

function installed(name) {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
}

const hasBonjour = installed('bonjour-service');
if (!hasBonjour) {
  console.warn('build-electron: bonjour-service is not installed (run `npm ci`); this build cannot find the hub on the LAN and seats will need a typed address.');
}

// Conservative targets: Electron's own Node and Chromium are newer than both.
const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  // Function names stay in stack traces, which end up in the log files IT sends back.
  keepNames: true,
  define: { 'process.env.NODE_ENV': '"production"' },
};

const targets = [
  { entryPoints: [join(root, 'electron/main/index.ts')], outfile: join(outDir, 'main/index.cjs'), external: ['electron', 'sqlite3', ...(hasBonjour ? [] : ['bonjour-service'])] },
  // A sandboxed preload runs in the renderer: no Node built-ins, only 'electron' may be required.
  { entryPoints: [join(root, 'electron/preload/index.ts')], outfile: join(outDir, 'preload/index.cjs'), external: ['electron'], platform: 'browser', target: 'es2022' },
  // Optional native helpers of ws (Socket.IO) are required inside try/catch and left out.
  { entryPoints: [join(root, 'electron/main/hubProcess.ts')], outfile: join(outDir, 'hub/index.cjs'), external: ['electron', 'sqlite3', 'bufferutil', 'utf-8-validate', ...(hasBonjour ? [] : ['bonjour-service'])] },
];

rmSync(outDir, { recursive: true, force: true });
const started = Date.now();
await Promise.all(targets.map((t) => build({ ...common, ...t })));
console.log(`build-electron: dist-electron/ built in ${Date.now() - started} ms${hasBonjour ? '' : ' (without LAN discovery)'}`);
