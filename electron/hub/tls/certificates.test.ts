import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, get } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { coveredBy, hubTls, ownTls, RENEW_BEFORE_DAYS } from './certificates';

const dirs: string[] = [];
function dataDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'hub-tls-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const NAMES = ['localhost', '127.0.0.1', '::1', 'hubpc', 'hubpc.local', '10.0.0.5'];

/** Fetches https://127.0.0.1:port/ from a server with `tls`, trusting `ca` (or nothing): the body or the error code. */
async function fetchWith(tls: { key: string; cert: string }, ca: string | undefined, servername = 'localhost'): Promise<string> {
  const server = createServer({ key: tls.key, cert: tls.cert }, (_req, res) => res.end('ok'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    return await new Promise<string>((resolve) => {
      get({ host: '127.0.0.1', servername, port: (server.address() as AddressInfo).port, path: '/', ...(ca ? { ca } : {}) }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve(body));
      }).on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
    });
  } finally {
    server.close();
  }
}

describe('the hub’s own certificates', () => {
  it('a CA and a server certificate for every name and address, which a client that pins the CA trusts and no other', async () => {
    const dir = dataDir();
    const tls = await hubTls(dir, { hostname: 'hubpc', names: NAMES });
    expect(coveredBy(tls.cert).sort()).toEqual([...NAMES].map((n) => n.toLowerCase()).sort());
    expect(tls.fingerprint).toBe(new X509Certificate(tls.ca).fingerprint256);
    expect(tls.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(await fetchWith(tls, tls.ca)).toBe('ok');
    expect(await fetchWith(tls, tls.ca, 'hubpc.local')).toBe('ok');
    expect(await fetchWith(tls, undefined)).toMatch(/UNABLE_TO_VERIFY|SELF_SIGNED/);
    // A name the certificate does not cover is refused even with the CA trusted.
    expect(await fetchWith(tls, tls.ca, 'elsewhere.example')).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
  });

  it('keeps its keys to the hub’s account: the folder 0700, the keys 0600', async () => {
    const dir = dataDir();
    await hubTls(dir, { hostname: 'hubpc', names: NAMES });
    expect(statSync(join(dir, 'tls')).mode & 0o777).toBe(0o700);
    for (const f of ['ca.key', 'server.key']) expect(statSync(join(dir, 'tls', f)).mode & 0o777).toBe(0o600);
  });

  it('keeps the CA across starts, renews the server certificate before it ends and when the PC gets a new address', async () => {
    const dir = dataDir();
    const now = new Date('2026-11-29T00:00:00Z');
    const first = await hubTls(dir, { hostname: 'hubpc', names: NAMES, now });
    const again = await hubTls(dir, { hostname: 'hubpc', names: NAMES, now: new Date(now.getTime() + 86_400_000) });
    expect(again.cert).toBe(first.cert);
    const moved = await hubTls(dir, { hostname: 'hubpc', names: [...NAMES, '10.0.0.77'], now });
    expect(moved.fingerprint).toBe(first.fingerprint);
    expect(moved.covers).toContain('10.0.0.77');
    const late = new Date(first.serverNotAfter.getTime() - (RENEW_BEFORE_DAYS - 1) * 86_400_000);
    const renewed = await hubTls(dir, { hostname: 'hubpc', names: [...NAMES, '10.0.0.77'], now: late });
    expect(renewed.fingerprint).toBe(first.fingerprint);
    expect(renewed.serverNotAfter.getTime()).toBeGreaterThan(first.serverNotAfter.getTime());
    // Still signed by the CA the seats pinned (checked without a clock: it is dated a year ahead).
    expect(new X509Certificate(renewed.cert).verify(new X509Certificate(first.ca).publicKey)).toBe(true);
  });

  it('IT’s own certificate: the chain is served, the root is pinned, a key of another certificate is refused', async () => {
    const dir = dataDir();
    const made = await hubTls(dir, { hostname: 'hubpc', names: NAMES });
    const certFile = join(dir, 'it.crt');
    const keyFile = join(dir, 'it.key');
    writeFileSync(certFile, made.cert);
    writeFileSync(keyFile, made.key);
    const own = ownTls(certFile, keyFile);
    expect(own.own).toBe(true);
    expect(own.fingerprint).toBe(made.fingerprint);
    writeFileSync(keyFile, readFileSync(join(dir, 'tls', 'ca.key'), 'utf8'));
    expect(() => ownTls(certFile, keyFile)).toThrow(/does not belong to the certificate/);
  });

  it('openssl reads what it makes as a CA and a server certificate', async () => {
    const dir = dataDir();
    await hubTls(dir, { hostname: 'hubpc', names: NAMES });
    let text: string;
    try {
      text = execFileSync('openssl', ['verify', '-CAfile', join(dir, 'tls', 'ca.crt'), join(dir, 'tls', 'server.crt')], { encoding: 'utf8' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return; // no openssl on this machine
      throw err;
    }
    expect(text.trim()).toMatch(/server\.crt: OK$/);
  });
});
