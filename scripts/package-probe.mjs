// Loads, from an unpacked copy of app.asar, every package the bundles require, the way they
// would at run time, and prints which node_modules got loaded and what failed, as JSON.
//   node scripts/package-probe.mjs APP_DIR BUNDLE...
// scripts/package-contents.mjs runs it in a Node of its own, so that the native addon it loads is
// not held by the checking process (Windows could not delete the folder) and the module cache
// holds only what the bundles loaded.
import { readFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { join } from 'node:path';

// 'electron' is Electron's own. ws requires bufferutil and utf-8-validate inside try/catch, and
// scripts/build-electron.mjs leaves them out on purpose.
const NOT_PACKED = new Set(['electron', 'bufferutil', 'utf-8-validate']);

const [appDir, ...bundles] = process.argv.slice(2);
const loadFailures = [];
for (const bundle of bundles) {
  const file = join(appDir, bundle);
  const load = createRequire(file);
  // esbuild writes every require of a package left outside the bundle as require("name").
  const names = new Set([...readFileSync(file, 'utf8').matchAll(/\brequire\("([^"./][^"]*)"\)/g)].map((m) => m[1]));
  for (const name of names) {
    if (isBuiltin(name) || NOT_PACKED.has(name)) continue;
    try {
      load(name);
    } catch (err) {
      loadFailures.push(`${bundle} requires ${name}: ${String(err.message).split('\n')[0]}`);
    }
  }
}
// Every require function shares one module cache; this process put nothing else in it.
const loadedModules = new Set();
for (const file of Object.keys(createRequire(import.meta.url).cache)) {
  const m = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file);
  if (m) loadedModules.add(m[1].replace(/\\/g, '/'));
}
console.log(JSON.stringify({ loadedModules: [...loadedModules], loadFailures }));
