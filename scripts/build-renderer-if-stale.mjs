// Builds the consoles (dist/renderer) when they are missing or older than their sources, so
// that `npm run hub` right after `npm ci` serves working pages.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'dist/renderer/index.html');

function newest(dir) {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const sources = Math.max(newest(join(root, 'renderer')), newest(join(root, 'shared')), existsSync(join(root, 'vite.config.ts')) ? statSync(join(root, 'vite.config.ts')).mtimeMs : 0);
if (!existsSync(join(root, 'renderer'))) process.exit(0);
if (existsSync(out) && statSync(out).mtimeMs >= sources) process.exit(0);

console.error('Building the consoles (vite build)…');
const r = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
