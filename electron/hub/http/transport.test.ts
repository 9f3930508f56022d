/**
 * One port, TLS for everyone and plain HTTP for the hub's own PC only. The LAN is played by
 * 127.0.0.2 as the client's own address: the hub counts only 127.0.0.1 and ::1 as loopback.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Server } from 'socket.io';
import { io as connectIo } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubTls, type HubTls } from '../tls/certificates';
import { allowPlainSocketIo, createTransport, httpsLocation, isLoopback, type Transport } from './transport';

const LAN = '127.0.0.2';
let dir: string;
let tls: HubTls;
let transport: Transport;
let io: Server;
let port: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hub-transport-'));
  tls = await hubTls(dir, { hostname: 'hubpc', names: ['localhost', '127.0.0.1', LAN] });
  transport = createTransport((req, res) => res.end(`hello ${req.url}`), tls, () => port);
  io = new Server({ serveClient: false, allowRequest: allowPlainSocketIo });
  io.attach(transport.plain);
  io.engine.attach(transport.secure!, { path: '/socket.io/' } as never);
  await new Promise<void>((r) => transport.listener.listen(0, '0.0.0.0', r));
  port = (transport.listener.address() as AddressInfo).port;
});
afterAll(async () => {
  io.close();
  transport.listener.close();
  rmSync(dir, { recursive: true, force: true });
});

function get(secure: boolean, host: string, from: string, path = '/page', ca?: string): Promise<{ status: number; location?: string; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const agent = secure ? new HttpsAgent({ localAddress: from, ...(ca ? { ca } : {}) }) : new HttpAgent({ localAddress: from } as object);
    const req = (secure ? httpsRequest : httpRequest)({ host, port, path, agent, servername: secure ? 'localhost' : undefined } as never, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, ...(res.headers.location ? { location: res.headers.location } : {}), body }));
    });
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message }));
    req.end();
  });
}

function socketIo(url: string, from: string, ca?: string): Promise<string> {
  return new Promise((resolve) => {
    const agent = url.startsWith('https') ? new HttpsAgent({ localAddress: from, ...(ca ? { ca } : {}) }) : new HttpAgent({ localAddress: from } as object);
    const s = connectIo(url, { transports: ['websocket'], reconnection: false, agent: agent as never, ...(ca ? { ca } : {}), rejectUnauthorized: true } as never);
    s.once('connect', () => {
      s.close();
      resolve('connected');
    });
    s.once('connect_error', (err) => {
      s.close();
      resolve(`refused: ${err.message}`);
    });
  });
}

describe('the hub’s one port', () => {
  it('serves plain HTTP to its own PC, and redirects the LAN to https', async () => {
    expect(await get(false, '127.0.0.1', '127.0.0.1')).toMatchObject({ status: 200, body: 'hello /page' });
    expect(await get(false, LAN, LAN, '/wall?x=1')).toMatchObject({ status: 308, location: `https://${LAN}:${port}/wall?x=1` });
  });

  it('serves TLS to everyone, to a client that trusts the hub’s CA, and to no other', async () => {
    expect(await get(true, LAN, LAN, '/page', tls.ca)).toMatchObject({ status: 200, body: 'hello /page' });
    expect(await get(true, LAN, LAN, '/page')).toMatchObject({ error: expect.stringMatching(/UNABLE_TO_VERIFY|SELF_SIGNED/) });
  });

  it('refuses plain Socket.IO from the LAN; accepts it from the hub’s PC and over TLS from anywhere', async () => {
    expect(await socketIo(`http://${LAN}:${port}`, LAN)).toMatch(/^refused/);
    expect(await socketIo(`http://127.0.0.1:${port}`, '127.0.0.1')).toBe('connected');
    expect(await socketIo(`https://${LAN}:${port}`, LAN, tls.ca)).toBe('connected');
  });

  it('knows loopback by address: 127.0.0.1 and ::1 only', () => {
    expect(['127.0.0.1', '::1', '::ffff:127.0.0.1'].map(isLoopback)).toEqual([true, true, true]);
    expect(['127.0.0.2', '10.0.0.5', '::ffff:10.0.0.5', undefined].map(isLoopback)).toEqual([false, false, false, false]);
  });

  it('redirects to the name the browser used, never to a header that is not a host', () => {
    const req = (host: string | undefined, url: string) => ({ headers: host ? { host } : {}, url, socket: { localAddress: '10.0.0.5' } }) as never;
    expect(httpsLocation(req('hubpc.local:4950', '/supervisor'), 4950)).toBe('https://hubpc.local:4950/supervisor');
    expect(httpsLocation(req('evil.example/@x', '/'), 4950)).toBe('https://10.0.0.5:4950/');
    expect(httpsLocation(req(undefined, '//evil.example'), 4950)).toBe('https://10.0.0.5:4950//evil.example');
  });
});
