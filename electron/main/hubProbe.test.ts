import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { probeHub } from './hubProbe';

const servers: ReturnType<typeof createServer>[] = [];
afterEach(() => Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r)))));

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const s = createServer(handler);
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

describe('probeHub', () => {
  it('a hub answers { ok: true } at /healthz', async () => {
    const origin = await serve((req, res) => res.end(req.url === '/healthz' ? '{"ok":true,"seq":3}' : 'no'));
    expect(await probeHub(origin, fetch)).toEqual({ ok: true });
  });
  it('something else on that port is not a hub', async () => {
    const origin = await serve((_req, res) => res.end('{"status":"fine"}'));
    expect(await probeHub(origin, fetch)).toEqual({ ok: false, reason: 'something answered there, but it is not a helpline hub' });
    const html = await serve((_req, res) => res.end('<html>router login</html>'));
    expect((await probeHub(html, fetch)).ok).toBe(false);
  });
  it('nothing listening', async () => {
    const origin = await serve(() => undefined);
    const closed = origin;
    await new Promise((r) => servers.pop()!.close(r));
    expect(await probeHub(closed, fetch)).toEqual({ ok: false, reason: 'nothing is listening there (is the hub running?)' });
  });
  it('no answer in time', async () => {
    const origin = await serve(() => undefined);
    expect(await probeHub(origin, fetch, 200)).toEqual({ ok: false, reason: 'it did not answer in time' });
  });
});
