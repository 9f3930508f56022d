#!/usr/bin/env node
/**
 * Finds a Chromium for the end-to-end tests, benchmarks and screenshots, without downloading
 * anything: CHROMIUM_PATH, then the system's, then one Playwright may have downloaded before,
 * and last the one that `npm ci` brought inside the @sparticuz/chromium package (a
 * brotli-compressed Chromium with its own fonts and, for machines without them, its own NSS
 * libraries). That one is unpacked once into node_modules/.cache by `--prepare`, which
 * `npm run test:e2e` runs first; a fresh machine needs nothing installed by hand.
 *
 * `node scripts/find-chromium.mjs --prepare` unpacks if needed and prints the path.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createBrotliDecompress } from 'node:zlib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The flags every launch uses: no sandbox (tests run as root in CI), no GPU, no calls home. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking'];

export const HOW_TO_GET_ONE =
  'No Chromium found: run `npm ci` (it brings one in @sparticuz/chromium, unpacked by `node scripts/find-chromium.mjs --prepare`), install the system one (`apt-get install -y chromium`), or set CHROMIUM_PATH.';

function playwrightsOwn() {
  try {
    const path = require('playwright-core').chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function bundledPackage() {
  try {
    // Its exports hide package.json from require.resolve: find the folder by its entry.
    const dir = dirname(dirname(require.resolve('@sparticuz/chromium')));
    const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    return { dir, bin: join(dir, 'bin'), version };
  } catch {
    return null;
  }
}

/** Where the bundled Chromium is unpacked: inside node_modules, so `npm ci` starts it afresh. */
function unpackDir(version) {
  return join(ROOT, 'node_modules', '.cache', 'helpline-chromium', version);
}

/** The launch of an unpacked bundled Chromium, written by `prepareChromium`. */
function bundledLaunch() {
  const pkg = bundledPackage();
  if (!pkg) return null;
  const manifest = join(unpackDir(pkg.version), 'launch.json');
  if (!existsSync(manifest)) return null;
  try {
    const launch = JSON.parse(readFileSync(manifest, 'utf8'));
    return existsSync(launch.executablePath) ? launch : null;
  } catch {
    return null;
  }
}

/**
 * How to launch a Chromium: `{ executablePath, env }`, where `env` holds what the bundled one
 * needs (its fonts, and its own libraries where the system lacks them). Synchronous, for
 * playwright.config.ts; throws with how to get one when there is none.
 */
export function chromiumLaunch() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return { executablePath: fromEnv, env: {}, source: 'CHROMIUM_PATH' };
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which does not exist. ${HOW_TO_GET_ONE}`);
  }
  for (const p of SYSTEM_PATHS) if (existsSync(p)) return { executablePath: p, env: {}, source: 'system' };
  const own = playwrightsOwn();
  if (own) return { executablePath: own, env: {}, source: 'playwright' };
  const bundled = bundledLaunch();
  if (bundled) return { ...bundled, source: 'npm' };
  throw new Error(HOW_TO_GET_ONE);
}

export function findChromium() {
  return chromiumLaunch().executablePath;
}

/** Launch options for Playwright: the browser, the project's flags and the browser's environment. */
export function chromiumLaunchOptions(extraArgs = []) {
  const { executablePath, env } = chromiumLaunch();
  const withEnv = Object.keys(env).length > 0 ? { env: { ...process.env, ...env } } : {};
  return { executablePath, args: [...CHROMIUM_ARGS, ...extraArgs], ...withEnv };
}

async function unbrotli(from, to, mode) {
  await pipeline(createReadStream(from), createBrotliDecompress(), createWriteStream(to, { mode }));
}

async function untar(from, to) {
  // The tar reader the package itself depends on, whatever else node_modules holds.
  const { extract } = createRequire(join(bundledPackage().dir, 'package.json'))('tar-fs');
  mkdirSync(to, { recursive: true });
  await pipeline(createReadStream(from), createBrotliDecompress(), extract(to));
}

/** Which shared libraries the binary cannot find on this system (empty when it runs as is). */
function missingLibraries(executable, env) {
  try {
    execFileSync(executable, ['--version'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 });
    return [];
  } catch (err) {
    const text = String(err.stderr ?? '') + String(err.message ?? '');
    const libs = [...text.matchAll(/error while loading shared libraries: ([^:]+)/g)].map((m) => m[1]);
    if (libs.length > 0) return libs;
    throw new Error(`the bundled Chromium does not start: ${text.trim().split('\n')[0]}`, { cause: err });
  }
}

/**
 * Unpacks the bundled Chromium when no other is found. Idempotent and safe to run twice at
 * once: the folder is built beside the final one and renamed into place.
 */
export async function prepareChromium() {
  try {
    return chromiumLaunch();
  } catch (err) {
    if (process.env.CHROMIUM_PATH) throw err;
  }
  const pkg = bundledPackage();
  if (!pkg) throw new Error(HOW_TO_GET_ONE);
  const dir = unpackDir(pkg.version);
  const work = `${dir}.part-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const executablePath = join(dir, 'chromium');
  await unbrotli(join(pkg.bin, 'chromium.br'), join(work, 'chromium'), 0o755);
  await untar(join(pkg.bin, 'fonts.tar.br'), work);
  await untar(join(pkg.bin, 'swiftshader.tar.br'), join(work, 'swiftshader'));
  // The fonts it ships, then the system's; the cache stays inside the unpacked folder.
  writeFileSync(
    join(work, 'fonts.conf'),
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${join(dir, 'fonts')}</dir>\n  <dir>/usr/share/fonts</dir>\n  <dir>/usr/local/share/fonts</dir>\n  <cachedir>${join(dir, 'fonts-cache')}</cachedir>\n</fontconfig>\n`,
  );
  const env = { FONTCONFIG_PATH: dir, FONTCONFIG_FILE: join(dir, 'fonts.conf') };
  // NSS and friends come from the system where it has them (they get its security updates);
  // on a machine without them, from the package's own copies.
  const missing = missingLibraries(join(work, 'chromium'), {});
  if (missing.length > 0) {
    await untar(join(pkg.bin, 'al2023.tar.br'), join(work, 'libs'));
    const libDir = join(work, 'libs', 'lib');
    const still = missingLibraries(join(work, 'chromium'), { LD_LIBRARY_PATH: libDir });
    if (still.length > 0) throw new Error(`the bundled Chromium needs libraries this system lacks: ${still.join(', ')}`);
    env.LD_LIBRARY_PATH = [join(dir, 'libs', 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
  }
  writeFileSync(join(work, 'launch.json'), JSON.stringify({ executablePath, env }, null, 2));
  try {
    renameSync(work, dir);
  } catch (err) {
    // Another run unpacked it first: use that one.
    rmSync(work, { recursive: true, force: true });
    if (!bundledLaunch()) throw err;
  }
  return { ...bundledLaunch(), source: 'npm' };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const launch = process.argv.includes('--prepare') ? await prepareChromium() : chromiumLaunch();
    console.log(`${launch.executablePath} (${launch.source})`);
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
}
