#!/usr/bin/env node
/**
 * Finds a Chromium for the end-to-end tests and screenshots, without downloading one:
 * CHROMIUM_PATH, then the system's, then the one Playwright may have downloaded before.
 * Run directly it prints the path, or one line saying how to get a Chromium.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const HOW_TO_GET_ONE = 'No Chromium found: install one with `apt-get install -y chromium` (or `npx playwright install chromium`), or set CHROMIUM_PATH.';

function playwrightsOwn() {
  try {
    const require = createRequire(import.meta.url);
    const path = require('playwright-core').chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which does not exist. ${HOW_TO_GET_ONE}`);
  }
  for (const p of SYSTEM_PATHS) if (existsSync(p)) return p;
  const own = playwrightsOwn();
  if (own) return own;
  throw new Error(HOW_TO_GET_ONE);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    console.log(findChromium());
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
}
