// Builds the consoles (dist/renderer) when they are missing or older than their sources, so
// that `npm run hub` right after `npm ci` serves working pages. Several hubs may start at once
// on a fresh clone: one builds (under a lock) into a temporary folder that is then renamed
// into place, and the others wait for it, so nobody ever serves a half-written folder.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './paths.mjs';

const outDir = join(root, 'dist/renderer');
const lock = join(root, 'dist/.renderer-build.lock');

function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let t = 0;
  for (const e of readdirSync(path)) t = Math.max(t, newest(join(path, e)));
  return t;
}

const fresh = () => {
  const built = join(outDir, 'index.html');
  if (!existsSync(built)) return false;
  const sources = Math.max(newest(join(root, 'renderer')), newest(join(root, 'shared')), newest(join(root, 'vite.config.ts')));
  return statSync(built).mtimeMs >= sources;
};

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

if (!existsSync(join(root, 'renderer')) || fresh()) process.exit(0);
mkdirSync(join(root, 'dist'), { recursive: true });

for (let waited = 0; ; waited += 250) {
  try {
    mkdirSync(lock);
    break;
  } catch {
    // Another process is building; a lock older than three minutes was left by a killed build.
    if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 180_000) rmSync(lock, { recursive: true, force: true });
    sleep(250);
    if (fresh()) process.exit(0);
    if (waited > 240_000) {
      console.error('Timed out waiting for another build of the consoles.');
      process.exit(process.argv.includes('--soft') ? 0 : 1);
    }
  }
}

let status = 0;
try {
  if (!fresh()) status = build();
} finally {
  rmSync(lock, { recursive: true, force: true });
}
// With --soft (before `npm run hub`), a failed build is reported but does not stop the hub:
// the data and the protocol matter more than the pages, which then answer 503.
if (status !== 0 && process.argv.includes('--soft')) {
  console.error('The consoles could not be built; the hub starts without them.');
  status = 0;
}
process.exit(status);

function build() {
  console.error('Building the consoles (vite build)…');
  const tmp = join(root, `dist/.renderer-${process.pid}`);
  const r = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '--outDir', tmp, '--emptyOutDir'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    return r.status ?? 1;
  }
  rmSync(outDir, { recursive: true, force: true });
  renameSync(tmp, outDir);
  return 0;
}
