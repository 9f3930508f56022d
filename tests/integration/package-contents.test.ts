/**
 * The verdict of the packaging check (`check-builder-config.mjs --pack`) on listings of
 * app.asar: the right package passes, and each way a package can be wrong is caught. Also the
 * probe that loads, from an unpacked package, what the bundles require.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type PackageListing, type PackedFile, packageProblems } from '../../scripts/package-contents.mjs';
import { REPO_ROOT } from '../helpers/child';

const packed = (...paths: string[]): PackedFile[] => paths.map((path) => ({ path, unpacked: false }));
const unpacked = (...paths: string[]): PackedFile[] => paths.map((path) => ({ path, unpacked: true }));

const CONSOLES = ['dist/renderer/index.html', 'dist/renderer/wall.html', 'dist/renderer/assets/index-a1b2.js'];

/** A package as it should be: the bundles, the consoles, sqlite3 unpacked and what it loads. */
function good(): PackageListing {
  return {
    files: [
      ...packed('package.json', 'dist-electron/main/index.cjs', 'dist-electron/preload/index.cjs', 'dist-electron/hub/index.cjs', 'build/icon.png', ...CONSOLES),
      ...unpacked('node_modules/sqlite3/package.json', 'node_modules/sqlite3/lib/sqlite3.js', 'node_modules/sqlite3/build/Release/node_sqlite3.node'),
      ...packed('node_modules/bindings/package.json', 'node_modules/bindings/bindings.js'),
    ],
    consoles: CONSOLES,
    loadedModules: ['sqlite3', 'bindings'],
    loadFailures: [],
  };
}

function without(pkg: PackageListing, path: string): PackageListing {
  return { ...pkg, files: pkg.files.filter((f) => f.path !== path) };
}

function withFiles(pkg: PackageListing, ...files: PackedFile[]): PackageListing {
  return { ...pkg, files: [...pkg.files, ...files] };
}

describe('packageProblems', () => {
  it('passes the package as it should be', () => {
    expect(packageProblems(good())).toEqual([]);
  });

  it.each([
    ['the preload bundle is missing', without(good(), 'dist-electron/preload/index.cjs'), 'dist-electron/preload/index.cjs is missing'],
    ['the hub bundle is missing', without(good(), 'dist-electron/hub/index.cjs'), 'dist-electron/hub/index.cjs is missing'],
    ['package.json is missing', without(good(), 'package.json'), 'package.json is missing'],
    ['a console page is missing', without(good(), 'dist/renderer/wall.html'), 'dist/renderer/wall.html missing'],
    ['a source map ships', withFiles(good(), ...packed('dist-electron/main/index.cjs.map')), 'source maps ship: dist-electron/main/index.cjs.map'],
    ['a test ships inside a module', withFiles(good(), ...packed('node_modules/bindings/test/index.js')), 'tests ship: node_modules/bindings/test/index.js'],
    ['a test file ships beside a bundle', withFiles(good(), ...packed('dist-electron/main/config.test.cjs')), 'tests ship: dist-electron/main/config.test.cjs'],
    ['a benchmark ships', withFiles(good(), ...packed('bench/run.ts')), 'benchmarks ship: bench/run.ts'],
    ['a TypeScript source ships', withFiles(good(), ...packed('node_modules/bindings/index.d.ts')), 'TypeScript sources ship'],
    ['the sources folder ships', withFiles(good(), ...packed('electron/main/index.js')), 'not part of the desktop app ship: electron/main/index.js'],
    ["sqlite3's addon is packed inside the archive", { ...good(), files: good().files.map((f) => (f.path.endsWith('.node') ? { ...f, unpacked: false } : f)) }, "sqlite3's native addon (.node) is not in app.asar.unpacked"],
    ['sqlite3 is left out', { ...good(), files: good().files.filter((f) => !f.path.startsWith('node_modules/sqlite3/')) }, 'node_modules/sqlite3 is not unpacked'],
    [
      'tsx and esbuild ship, which only `npm run hub` uses',
      withFiles(good(), ...packed('node_modules/tsx/dist/cli.mjs', 'node_modules/esbuild/lib/main.js'), ...unpacked('node_modules/@esbuild/linux-x64/bin/esbuild')),
      'node_modules the desktop app never loads ship: tsx, esbuild, @esbuild/linux-x64',
    ],
    ['a module the bundles require does not load', { ...good(), loadFailures: ["dist-electron/hub/index.cjs requires sqlite3: Cannot find module 'bindings'"] }, 'cannot load a module: dist-electron/hub/index.cjs requires sqlite3'],
  ])('fails when %s', (_name, pkg, expected) => {
    const problems = packageProblems(pkg);
    expect(problems).toContainEqual(expect.stringContaining(expected));
  });

  it('does not call a module unused when loading failed, since what it needed is unknown', () => {
    const problems = packageProblems({ ...good(), loadedModules: [], loadFailures: ['dist-electron/hub/index.cjs requires sqlite3: boom'] });
    expect(problems).toEqual(['the packed app cannot load a module: dist-electron/hub/index.cjs requires sqlite3: boom']);
  });
});

describe('package-probe.mjs', () => {
  it('loads what a bundle requires from the package and reports what loaded and what did not', () => {
    const app = mkdtempSync(join(tmpdir(), 'hcr-probe-'));
    try {
      const write = (rel: string, text: string) => {
        mkdirSync(dirname(join(app, rel)), { recursive: true });
        writeFileSync(join(app, rel), text);
      };
      write('dist-electron/hub/index.cjs', 'require("node:fs"); require("electron"); require("bufferutil"); require("./local.cjs"); require("addon"); require("absent");\n');
      write('node_modules/addon/index.js', "module.exports = require('@scope/helper');\n");
      write('node_modules/@scope/helper/index.js', 'module.exports = 1;\n');
      write('node_modules/unused/index.js', 'module.exports = 2;\n');
      const r = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts/package-probe.mjs'), app, 'dist-electron/hub/index.cjs'], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout) as { loadedModules: string[]; loadFailures: string[] };
      expect(out.loadedModules.sort()).toEqual(['@scope/helper', 'addon']);
      expect(out.loadFailures).toEqual([expect.stringMatching(/^dist-electron\/hub\/index\.cjs requires absent: Cannot find module 'absent'/)]);
    } finally {
      rmSync(app, { recursive: true, force: true });
    }
  });
});
