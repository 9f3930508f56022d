// What the installers carry, checked on a real package without Electron: electron-builder packs
// the app for Linux as a plain folder (`--linux dir`) around a stand-in for the Electron binary,
// offline and in seconds, and the resulting app.asar is listed, unpacked into a temporary folder
// and probed. The installers put the same app.asar in every format (NSIS, deb, AppImage).
// Used by `node scripts/check-builder-config.mjs --pack`; packageProblems is the verdict, kept
// free of I/O so that a test can feed it listings that must fail.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';

/** The three bundles of scripts/build-electron.mjs; package.json's "main" is the first. */
export const BUNDLES = ['dist-electron/main/index.cjs', 'dist-electron/preload/index.cjs', 'dist-electron/hub/index.cjs'];

// What may sit at the top of app.asar: the bundles, the built consoles, the window icon, the
// package file, and the node_modules the bundles load.
const TOP_LEVEL = ['package.json', 'dist-electron/', 'dist/renderer/', 'build/icon.png', 'node_modules/'];

const SHIPS_NOT = [
  { what: 'source maps', test: (p) => p.endsWith('.map') },
  { what: 'tests', test: (p) => /(^|\/)(tests?|__tests__|e2e)\//.test(p) || /\.(test|spec)\.[cm]?[jt]sx?$/.test(p) },
  { what: 'benchmarks', test: (p) => /(^|\/)bench\//.test(p) || /\.bench\.[cm]?[jt]sx?$/.test(p) },
  { what: 'TypeScript sources', test: (p) => /\.[cm]?tsx?$/.test(p) },
];

/** `node_modules/@scope/name/…` → `@scope/name`; null outside node_modules. */
function moduleOf(path) {
  const m = /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
  return m ? m[1] : null;
}

const some = (paths) => (paths.length > 3 ? `${paths.slice(0, 3).join(', ')} and ${paths.length - 3} more` : paths.join(', '));

/**
 * What is wrong with a packed app, one sentence each; none when it is right.
 * @param {{ files: { path: string, unpacked: boolean }[], consoles: string[], loadedModules: string[], loadFailures: string[] }} pkg
 *   files: every file of app.asar ('/'-separated, relative); consoles: the files of the built
 *   consoles (dist/renderer/…) that must all be there; loadedModules: the node_modules the
 *   bundles loaded when run from the unpacked package; loadFailures: what they could not load.
 */
export function packageProblems({ files, consoles, loadedModules, loadFailures }) {
  const problems = [];
  const byPath = new Map(files.map((f) => [f.path, f]));

  for (const path of ['package.json', ...BUNDLES]) if (!byPath.has(path)) problems.push(`${path} is missing`);
  const missingConsoles = [...new Set(['dist/renderer/index.html', ...consoles])].filter((p) => !byPath.has(p));
  if (missingConsoles.length) problems.push(`the built consoles are incomplete: ${some(missingConsoles)} missing`);

  // A native addon is loaded by the OS from a real file: it cannot be inside the archive.
  if (!byPath.get('node_modules/sqlite3/package.json')?.unpacked) problems.push('node_modules/sqlite3 is not unpacked from app.asar (asarUnpack)');
  if (!files.some((f) => f.path.startsWith('node_modules/sqlite3/') && f.path.endsWith('.node') && f.unpacked)) problems.push("sqlite3's native addon (.node) is not in app.asar.unpacked");
  const packedAddons = files.filter((f) => f.path.endsWith('.node') && !f.unpacked).map((f) => f.path);
  if (packedAddons.length) problems.push(`native addons packed inside app.asar, where they cannot load: ${some(packedAddons)}`);

  for (const { what, test } of SHIPS_NOT) {
    const found = files.map((f) => f.path).filter(test);
    if (found.length) problems.push(`${what} ship: ${some(found)}`);
  }
  const stray = files.map((f) => f.path).filter((p) => !TOP_LEVEL.some((t) => p === t || (t.endsWith('/') && p.startsWith(t))));
  if (stray.length) problems.push(`files that are not part of the desktop app ship: ${some(stray)}`);

  // What a failed load would have needed is unknown, so unused modules are told only when all loaded.
  const unused = [...new Set(files.map((f) => moduleOf(f.path)).filter((m) => m !== null && !loadedModules.includes(m)))];
  if (unused.length && loadFailures.length === 0) problems.push(`node_modules the desktop app never loads ship: ${unused.join(', ')} (the bundles carry their dependencies; leave these out with a "!node_modules/…" pattern in electron-builder.yml's files)`);
  for (const failure of loadFailures) problems.push(`the packed app cannot load a module: ${failure}`);
  return problems;
}

/** Every file of an asar archive, with whether it lives in app.asar.unpacked. */
export function listArchive(asar, archive) {
  const files = [];
  const walk = (dir, prefix) => {
    for (const [name, entry] of Object.entries(dir.files ?? {})) {
      if ('files' in entry) walk(entry, `${prefix}${name}/`);
      else files.push({ path: `${prefix}${name}`, unpacked: entry.unpacked === true });
    }
  };
  walk(asar.getRawHeader(archive).header, '');
  return files;
}

/** Files under `dir`, relative to `base`, '/'-separated. */
function filesUnder(dir, base) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, base) : [relative(base, path).split(sep).join('/')];
  });
}

/**
 * Packs the app around a stand-in Electron into a temporary folder and checks it.
 * Expects dist/renderer and dist-electron to be built. Needs no network.
 * @returns {Promise<{ problems: string[], summary: string }>}
 */
export async function packAndCheck(root) {
  const require = createRequire(join(root, 'package.json'));
  const { build, Platform } = require('electron-builder');
  const asar = require('@electron/asar');
  const work = mkdtempSync(join(tmpdir(), 'hcr-pack-'));
  try {
    // electron-builder copies the Electron folder and renames its `electron` executable; this
    // placeholder stands in for it and says what it is if anyone runs it.
    const standIn = join(work, 'electron');
    mkdirSync(standIn);
    writeFileSync(join(standIn, 'electron'), '#!/bin/sh\necho "A stand-in for Electron, made to check the packaging: not a working app." >&2\nexit 1\n');
    chmodSync(join(standIn, 'electron'), 0o755);
    await build({
      projectDir: root,
      targets: Platform.LINUX.createTarget('dir'),
      publish: 'never',
      config: {
        electronDist: standIn,
        // A rebuild would download headers; sqlite3 is Node-API and needs none.
        npmRebuild: false,
        // The fuses patch the real Electron binary, which this placeholder is not; they are
        // checked in electron-builder.yml by check-builder-config.mjs instead.
        electronFuses: null,
        directories: { output: join(work, 'release') },
      },
    });
    const unpackedDir = readdirSync(join(work, 'release')).find((d) => d.endsWith('-unpacked'));
    if (!unpackedDir) return { problems: ['electron-builder made no linux-unpacked folder'], summary: '' };
    const archive = join(work, 'release', unpackedDir, 'resources', 'app.asar');
    const files = listArchive(asar, archive);
    const consoles = filesUnder(join(root, 'dist/renderer'), root);

    const appDir = join(work, 'app');
    asar.extractAll(archive, appDir);
    const probe = spawnSync(process.execPath, [join(root, 'scripts/package-probe.mjs'), appDir, ...BUNDLES.filter((b) => files.some((f) => f.path === b))], { encoding: 'utf8' });
    const loaded = probe.status === 0 ? JSON.parse(probe.stdout) : { loadedModules: [], loadFailures: [`the bundles could not be probed: ${probe.stderr.trim().split('\n')[0]}`] };

    const unpackedCount = files.filter((f) => f.unpacked).length;
    const modules = [...new Set(files.map((f) => moduleOf(f.path)).filter(Boolean))];
    const summary = `app.asar holds ${files.length} files, ${unpackedCount} of them unpacked: package.json, ${BUNDLES.length} bundles, ${consoles.length} files of the consoles; node_modules: ${modules.join(', ') || 'none'}, loaded by the bundles from the package`;
    return { problems: packageProblems({ files, consoles, ...loaded }), summary };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
