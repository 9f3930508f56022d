/**
 * Serving the built renderer (dist/renderer) to browsers on the LAN: `/` the operator console,
 * `/wall` the wall display, `/supervisor` the supervisor's console, `/report` the daily
 * situation report, and their hashed assets. Every response carries a strict CSP.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/csp';

export { CONTENT_SECURITY_POLICY };

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.webmanifest': 'application/manifest+json',
};

/** Every console is the one page; it loads the console its path names (renderer/src/pages). */
const PAGES: Record<string, string> = Object.fromEntries(
  ['/', '/index.html', '/wall', '/wall/', '/wall.html', '/supervisor', '/supervisor/', '/supervisor.html', '/report', '/report/', '/report.html'].map((path) => [path, 'index.html']),
);

export function serveStatic(rendererDir: string, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://hub');
  const page = PAGES[url.pathname];
  const rel = page ?? decodeURIComponent(url.pathname).replace(/^\/+/, '');
  const file = normalize(join(rendererDir, rel));
  if (!file.startsWith(normalize(rendererDir) + sep) || !existsSync(file) || !statSync(file).isFile()) {
    if (page && !existsSync(file)) {
      send(res, 503, 'text/plain; charset=utf-8', 'The consoles are not built yet. Run `npm run build` (or start the hub with `npm run hub`, which builds them).\n');
    } else {
      send(res, 404, 'text/plain; charset=utf-8', 'Not found\n');
    }
    return;
  }
  const hashed = rel.startsWith('assets/');
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  // The file may vanish between the check and the read (a rebuild renames the folder).
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

export function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}
