/**
 * The build and start scripts run from a checkout whose path has spaces in it (as under
 * `C:\Users\First Last\…` on Windows): they must find the project's files there, not a
 * `%20`-encoded twin that does not exist.
 *
 * The scripts are copied into a small project in such a folder. Its node_modules links to the
 * real packages, except two stand-ins the scripts call out to: `vite` (records where it was run
 * and writes a page) and an Electron binary (records its arguments). The sources are a few
 * lines each, so the test depends on the scripts alone, not on the state of the consoles or
 * the shell.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/child';

let base: string;
let project: string;

function write(rel: string, text: string, mode?: number): void {
  const file = join(project, rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  if (mode !== undefined) chmodSync(file, mode);
}

function copy(rel: string): void {
  mkdirSync(dirname(join(project, rel)), { recursive: true });
  copyFileSync(join(REPO_ROOT, rel), join(project, rel));
}

/** Runs a script of the copied project with Node, from another working directory. */
function runScript(script: string, args: string[] = []) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.ELECTRON_OVERRIDE_DIST_PATH;
  const r = spawnSync(process.execPath, [join(project, script), ...args], { cwd: tmpdir(), env, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

const viteRuns = () => (existsSync(join(project, 'vite-runs.txt')) ? readFileSync(join(project, 'vite-runs.txt'), 'utf8').trim().split('\n') : []);
const samePath = (a: string, b: string) => resolve(a) === resolve(b);

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'hcr scripts '));
  project = join(base, 'Control Room');
  mkdirSync(project);

  for (const name of readdirSync(join(REPO_ROOT, 'scripts'))) if (name.endsWith('.mjs')) copy(`scripts/${name}`);
  for (const rel of ['package.json', 'electron-builder.yml', 'build/icon.png']) copy(rel);

  // Sources: enough for the staleness check, the bundler and the configuration check.
  const appId = /^appId:\s*(\S+)/m.exec(readFileSync(join(REPO_ROOT, 'electron-builder.yml'), 'utf8'))?.[1];
  write('electron/main/index.ts', `export const appUserModelId = '${appId}';\nconsole.log(appUserModelId);\n`);
  write('electron/main/hubProcess.ts', "console.log('hub');\n");
  write('electron/preload/index.ts', "console.log('preload');\n");
  write('renderer/src/main.ts', "console.log('console');\n");
  write('shared/index.ts', 'export {};\n');
  write('vite.config.ts', 'export default {};\n');
  // The harness of check-builder-config.mjs inserts these two macros.
  write('build/installer.nsh', '!macro customInstall\n  DetailPrint "install"\n!macroend\n!macro customUnInstall\n  DetailPrint "uninstall"\n!macroend\n');

  const modules = join(project, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(join(REPO_ROOT, 'node_modules'))) {
    const target = join(REPO_ROOT, 'node_modules', entry);
    if (['electron', 'vite'].includes(entry) || entry.startsWith('.') || !statSync(target).isDirectory()) continue;
    symlinkSync(target, join(modules, entry), 'junction');
  }
  copy('node_modules/electron/package.json');
  write('node_modules/electron/path.txt', 'electron');
  write('node_modules/electron/dist/electron', '#!/bin/sh\nprintf \'%s\\n\' "$@" > "$(dirname "$0")/launched-with.txt"\n', 0o755);
  write('node_modules/vite/package.json', '{ "type": "module" }\n');
  write(
    'node_modules/vite/bin/vite.js',
    [
      "import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';",
      "import { join } from 'node:path';",
      "const outDir = process.argv[process.argv.indexOf('--outDir') + 1];",
      'mkdirSync(outDir, { recursive: true });',
      "writeFileSync(join(outDir, 'index.html'), '<!doctype html>');",
      "appendFileSync(join(process.cwd(), 'vite-runs.txt'), process.cwd() + '\\n');",
      '',
    ].join('\n'),
  );
});

afterAll(() => {
  if (base) rmSync(base, { recursive: true, force: true });
});

describe('the scripts, from a folder whose path has spaces', () => {
  it('electron-binary.mjs finds the Electron binary inside it', () => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', 'const { findElectron } = await import(process.env.MODULE); console.log(JSON.stringify(findElectron({})));'], {
      env: { ...process.env, MODULE: pathToFileURL(join(project, 'scripts/electron-binary.mjs')).href },
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    const found = JSON.parse(r.stdout) as { path?: string; missing?: string };
    expect(found.missing).toBeUndefined();
    expect(samePath(found.path!, join(project, 'node_modules/electron/dist/electron'))).toBe(true);
  });

  it('build-renderer-if-stale.mjs builds the missing consoles in place, then finds them fresh', () => {
    rmSync(join(project, 'dist'), { recursive: true, force: true });
    rmSync(join(project, 'vite-runs.txt'), { force: true });
    const first = runScript('scripts/build-renderer-if-stale.mjs');
    expect(first.status, first.output).toBe(0);
    expect(existsSync(join(project, 'dist/renderer/index.html'))).toBe(true);
    expect(viteRuns()).toHaveLength(1);
    expect(samePath(viteRuns()[0]!, project)).toBe(true);

    const second = runScript('scripts/build-renderer-if-stale.mjs');
    expect(second.status, second.output).toBe(0);
    expect(viteRuns()).toHaveLength(1);
  });

  it('check-builder-config.mjs reads the configuration, the icon and the installer script there', () => {
    const r = runScript('scripts/check-builder-config.mjs');
    expect(r.output).toContain('Packaging check passed');
    expect(r.status, r.output).toBe(0);
  });

  it('start.mjs builds the shell there and opens Electron on that folder', () => {
    rmSync(join(project, 'dist-electron'), { recursive: true, force: true });
    const launched = join(project, 'node_modules/electron/dist/launched-with.txt');
    rmSync(launched, { force: true });
    const r = runScript('scripts/start.mjs', ['--role', 'seat']);
    expect(r.status, r.output).toBe(0);
    for (const bundle of ['main', 'preload', 'hub']) expect(existsSync(join(project, `dist-electron/${bundle}/index.cjs`)), bundle).toBe(true);
    const [appDir, ...rest] = readFileSync(launched, 'utf8').trim().split('\n');
    expect(samePath(appDir!, project)).toBe(true);
    expect(rest).toEqual(['--role', 'seat']);
  });
});
