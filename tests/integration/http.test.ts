/** The hub's HTTP side: health, the pages with their security headers, and hostile requests. */
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startHub } from '../../electron/hub/index';
import { TEST_KEYS } from '../helpers/keys';
import { healthz, Resources } from '../helpers/resources';

const res = new Resources();
afterEach(() => res.cleanup());

/** A raw request, so that malformed paths reach the hub exactly as written. */
function raw(port: number, method: string, path: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const r = request({ host: '127.0.0.1', port, method, path }, (response) => {
      let body = '';
      response.on('data', (d) => (body += d));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    r.on('error', reject);
    r.end();
  });
}

it('serves the pages with a strict policy and survives hostile requests', async () => {
  const dataDir = await res.dataDir();
  const rendererDir = join(dataDir, 'pages');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>console</title>');
  writeFileSync(join(rendererDir, 'favicon.ico'), 'icon');
  writeFileSync(join(dataDir, 'secret.txt'), 'outside the pages');
  const hub = await startHub({ port: 0, host: '127.0.0.1', dataDir, rendererDir, keys: { ...TEST_KEYS }, log: () => undefined });
  res.defer(() => hub.close());

  const home = await raw(hub.port, 'GET', '/');
  expect(home.status).toBe(200);
  expect(home.body).toContain('console');
  expect(String(home.headers['content-security-policy'])).toContain("default-src 'self'");
  expect(home.headers['x-content-type-options']).toBe('nosniff');
  // One page for every console: it loads the console its path names.
  for (const page of ['/wall?key=x', '/supervisor', '/report?date=2026-11-28']) expect((await raw(hub.port, 'GET', page)).body).toContain('console');
  const icon = await raw(hub.port, 'GET', '/favicon.ico');
  expect([icon.status, icon.headers['content-type']]).toEqual([200, 'image/x-icon']);

  for (const path of ['/%E0%A4%A', '/../secret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt', '/nope']) {
    const r = await raw(hub.port, 'GET', path);
    expect([400, 404]).toContain(r.status);
    expect(r.body).not.toContain('outside the pages');
  }
  expect((await raw(hub.port, 'POST', '/')).status).toBe(405);
  expect((await raw(hub.port, 'GET', '/export/tickets.csv?token=guess')).status).toBe(403);
  expect(await healthz(hub.url)).toEqual({ ok: true, seq: 0 });
});
