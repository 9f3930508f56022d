// Checks the packaging of the desktop app without Electron (building the installers needs
// Electron's download, which CI may not have):
//   1. electron-builder.yml loads and fits electron-builder's own schema;
//   2. the rules that keep the app secure and its data safe hold (listed below, each with why);
//   3. build/installer.nsh compiles, warnings as errors, where makensis is installed;
//   4. with --electronegativity: Electronegativity scans electron/ (fetched with npx into a
//      temporary folder, never into the app's dependencies); any high or medium finding fails;
//   5. with --pack: builds the consoles and the bundles where needed, packs the app with
//      electron-builder around a stand-in Electron (offline, no fuses) and checks what app.asar
//      holds (scripts/package-contents.mjs).
// Usage: node scripts/check-builder-config.mjs [--electronegativity] [--pack]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packAndCheck } from './package-contents.mjs';
import { root } from './paths.mjs';

const require = createRequire(join(root, 'package.json'));
const ELECTRONEGATIVITY = '@doyensec/electronegativity@1.10.3';

const failures = [];
const notes = [];
const check = (ok, message) => {
  if (!ok) failures.push(message);
};

// 1. Load and validate with electron-builder itself.
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config');
const { DebugLogger } = require('builder-util');
const config = await getConfig(root, null, null);
try {
  await validateConfiguration(config, new DebugLogger(false));
} catch (err) {
  failures.push(`electron-builder.yml does not fit electron-builder's schema:\n${err.message}`);
}

// 2. The rules.
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const electronPkg = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8'));
const asList = (v) => (v == null ? [] : Array.isArray(v) ? v : [v]);
// electron-builder normalises `files` into { filter: [...] } sets; the patterns are what matter.
const files = asList(config.files).flatMap((f) => (typeof f === 'string' ? [f] : asList(f.filter)));

check(pkg.main === 'dist-electron/main/index.cjs', `package.json "main" must be dist-electron/main/index.cjs (scripts/build-electron.mjs writes it), not ${pkg.main}`);
check(files.includes('dist-electron/**'), 'files must include dist-electron/** (main, preload, the hub process)');
check(files.includes('dist/renderer/**'), 'files must include dist/renderer/** (the consoles the hub serves)');
check(files.includes('package.json'), 'files must include package.json');
check(!files.some((f) => /^(\*\*\/\*|electron\/|renderer\/|tests\/|shared\/|\.data)/.test(f)), 'files must not ship sources, tests or local data (only the bundles and the built consoles)');
check(config.asar !== false, 'asar must stay on: the fuses only load the app from app.asar');
check(asList(config.asarUnpack).includes('node_modules/sqlite3/**'), 'asarUnpack must include node_modules/sqlite3/** (a native addon cannot load from inside the archive)');
check(config.npmRebuild === false, 'npmRebuild must be false: sqlite3 is Node-API and needs no rebuild, and a rebuild would download');
check(config.electronVersion === electronPkg.version, `electronVersion (${config.electronVersion}) must match the installed electron (${electronPkg.version})`);

const fuses = config.electronFuses ?? {};
const wantFuses = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  onlyLoadAppFromAsar: true,
  enableEmbeddedAsarIntegrityValidation: true,
  grantFileProtocolExtraPrivileges: false,
  enableCookieEncryption: true,
};
for (const [fuse, value] of Object.entries(wantFuses)) check(fuses[fuse] === value, `electronFuses.${fuse} must be ${value}`);

const winTargets = asList(config.win?.target).map((t) => (typeof t === 'string' ? t : t.target));
check(winTargets.includes('nsis'), 'win.target must include nsis');
const nsis = config.nsis ?? {};
check(nsis.perMachine === true, 'nsis.perMachine must be true (one install per PC, in Program Files, for every user)');
check(nsis.oneClick === false, 'nsis.oneClick must be false (per-machine installs with a choice of folder)');
check(nsis.deleteAppDataOnUninstall !== true, 'nsis.deleteAppDataOnUninstall must not be true: uninstalling must never delete the hub database');
check(nsis.include === 'build/installer.nsh' && existsSync(join(root, 'build/installer.nsh')), 'nsis.include must be build/installer.nsh (it writes the machine configuration)');
const linuxTargets = asList(config.linux?.target).map((t) => (typeof t === 'string' ? t : t.target));
check(linuxTargets.includes('AppImage') && linuxTargets.includes('deb'), 'linux.target must include AppImage and deb');

// Windows shows notifications only when the app's id matches its shortcut's (the appId).
const mainSource = readFileSync(join(root, 'electron/main/index.ts'), 'utf8');
check(mainSource.includes(`'${config.appId}'`), `electron/main/index.ts must set the AppUserModelId to the appId (${config.appId})`);

for (const icon of new Set([config.win?.icon, config.linux?.icon].filter(Boolean))) {
  const path = join(root, icon);
  if (!existsSync(path)) {
    failures.push(`${icon} does not exist`);
    continue;
  }
  const png = readFileSync(path);
  const isPng = png.subarray(1, 4).toString() === 'PNG';
  const [w, h] = isPng ? [png.readUInt32BE(16), png.readUInt32BE(20)] : [0, 0];
  check(isPng && w >= 256 && h >= 256, `${icon} must be a PNG of at least 256×256 (electron-builder makes the .ico and Linux sizes from it)`);
}

// 3. The installer script compiles (the way electron-builder compiles it: warnings are errors).
if (spawnSync('makensis', ['-VERSION']).status === 0) {
  const dir = mkdtempSync(join(tmpdir(), 'hcr-nsis-'));
  try {
    for (const uninstaller of [false, true]) {
      const harness = join(dir, 'harness.nsi');
      writeFileSync(
        harness,
        [
          'Unicode true',
          '!include LogicLib.nsh',
          // electron-builder defines ${isUpdated} from the --updated flag; here it is never set.
          '!macro _isUpdated _a _b _t _f',
          '  StrCmp "0" "1" `${_t}` `${_f}`',
          '!macroend',
          '!define isUpdated `"" isUpdated ""`',
          '!define APP_EXECUTABLE_FILENAME "HelplineControlRoom.exe"',
          `!include "${join(root, 'build/installer.nsh')}"`,
          'Name "check"',
          `OutFile "${join(dir, 'check.exe')}"`,
          'RequestExecutionLevel admin',
          'Section',
          uninstaller ? '  !insertmacro customUnInstall' : '  !insertmacro customInstall',
          'SectionEnd',
          '',
        ].join('\n'),
      );
      const r = spawnSync('makensis', ['-WX', '-V2', ...(uninstaller ? ['-DBUILD_UNINSTALLER'] : []), harness], { encoding: 'utf8' });
      check(r.status === 0, `build/installer.nsh does not compile for the ${uninstaller ? 'uninstaller' : 'installer'}:\n${r.stdout}${r.stderr}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else {
  notes.push('build/installer.nsh not compiled: makensis is not installed here (apt-get install nsis)');
}

// 4. Electronegativity, from a temporary folder so that it never touches the app's dependencies.
if (process.argv.includes('--electronegativity')) {
  const dir = mkdtempSync(join(tmpdir(), 'hcr-electronegativity-'));
  const out = join(dir, 'findings.sarif');
  try {
    execFileSync('npx', ['--yes', ELECTRONEGATIVITY, '-i', join(root, 'electron'), '-e', electronPkg.version, '-r', '-o', out], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
    const results = JSON.parse(readFileSync(out, 'utf8')).runs.flatMap((r) => r.results ?? []);
    for (const r of results) {
      const where = r.locations?.[0]?.physicalLocation;
      const line = `${r.ruleId} (${r.level === 'error' ? 'high' : r.level === 'warning' ? 'medium' : 'low'}) electron/${where?.artifactLocation?.uri ?? '?'}:${where?.region?.startLine ?? '?'}: ${r.message?.text ?? ''}`;
      // High and medium findings fail; low ones are printed and explained in docs/security.md.
      if (r.level === 'error' || r.level === 'warning') failures.push(`Electronegativity: ${line}`);
      else notes.push(`Electronegativity: ${line}`);
    }
    notes.push(`Electronegativity ${ELECTRONEGATIVITY.split('@')[2]}: ${results.length} finding(s), ${results.filter((r) => r.level === 'error' || r.level === 'warning').length} high or medium`);
  } catch (err) {
    failures.push(`Electronegativity could not run (${err.message.split('\n')[0]}); it is fetched from the npm registry with npx`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// 5. A real package, made without Electron: what the installers would carry.
if (process.argv.includes('--pack')) {
  const started = Date.now();
  // The consoles only when their sources changed; the bundles always (half a second), so that
  // the package is made from the sources as they are.
  const built = ['scripts/build-renderer-if-stale.mjs', 'scripts/build-electron.mjs'].every((script) => {
    const r = spawnSync(process.execPath, [join(root, script)], { stdio: 'inherit' });
    if (r.status !== 0) failures.push(`package: ${script} failed (exit ${r.status}), so the app was not packed`);
    return r.status === 0;
  });
  if (built) {
    try {
      const { problems, summary } = await packAndCheck(root);
      for (const p of problems) failures.push(`package: ${p}`);
      notes.push(`package (electron-builder --linux dir, stand-in Electron, ${((Date.now() - started) / 1000).toFixed(1)} s): ${summary}`);
    } catch (err) {
      failures.push(`package: electron-builder could not pack the app: ${err.message.split('\n')[0]}`);
    }
  }
}

for (const n of notes) console.log(`note: ${n}`);
if (failures.length) {
  console.error(`Packaging check failed:\n${failures.map((f) => `  ✗ ${f}`).join('\n')}`);
  process.exit(1);
}
const extras = [process.argv.includes('--electronegativity') && 'Electronegativity', process.argv.includes('--pack') && 'package contents'].filter(Boolean);
console.log(`Packaging check passed: electron-builder.yml, fuses, installer script${extras.map((e) => `, ${e}`).join('')}`);
