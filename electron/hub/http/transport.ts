/**
 * The hub's one port speaks TLS and plain HTTP. Each connection's first byte says which: a TLS
 * handshake starts with 0x16, anything else is plain. TLS is served to everyone; plain HTTP and
 * plain WebSocket only to the hub's own PC (loopback), so that a browser or a test on the hub PC
 * keeps using http://127.0.0.1:PORT. From any other address a plain request is redirected to
 * https://, and a plain Socket.IO connection is refused (`allowPlainSocketIo`): on an office LAN
 * anyone with a laptop can listen, so nothing of the floor crosses it in clear.
 *
 * Loopback is 127.0.0.1 and ::1 only (and 127.0.0.1 mapped into IPv6): other 127.x addresses are
 * treated as the LAN, which is how the tests play a second machine on one PC.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { SECURITY_HEADERS } from './static';

const TLS_HANDSHAKE = 0x16;

/** How long a client may take: slow or idle clients are cut off instead of holding sockets. */
export const HTTP_TIMEOUTS = {
  /** From connecting to the first byte. */
  firstByteMs: 10_000,
  headersMs: 10_000,
  /** The whole request (not the response: exports stream for as long as they need). */
  requestMs: 30_000,
  keepAliveMs: 5_000,
};

export function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

export function isEncrypted(req: IncomingMessage): boolean {
  return (req.socket as TLSSocket).encrypted === true;
}

/** Socket.IO's `allowRequest`: a plain (unencrypted) connection only from the hub's own PC. */
export function allowPlainSocketIo(req: IncomingMessage, callback: (err: string | null | undefined, ok: boolean) => void): void {
  const ok = isEncrypted(req) || isLoopback(req.socket.remoteAddress);
  callback(ok ? null : 'plain connections are refused from the LAN: connect with https', ok);
}

/** Where a plain request from the LAN is sent instead: the same address over https. */
export function httpsLocation(req: IncomingMessage, port: number): string {
  const host = req.headers.host && /^[a-z0-9.\-[\]:]+$/i.test(req.headers.host) ? req.headers.host.replace(/:\d+$/, '') : (req.socket.localAddress ?? 'localhost');
  const path = (req.url ?? '/').startsWith('/') ? (req.url ?? '/') : '/';
  return `https://${host}:${port}${path}`;
}

export type Transport = {
  /** What listens on the port. */
  listener: NetServer;
  /** Plain HTTP, for the hub's own PC (and redirects for the LAN). */
  plain: HttpServer;
  /** TLS, for everyone; null when the hub runs without TLS (tests of the bare contract). */
  secure: HttpsServer | null;
  /** New certificate and key for connections from now on (a renewal). */
  setTls(tls: { key: string; cert: string }): void;
};

export function createTransport(handler: RequestListener, tls: { key: string; cert: string } | null, port: () => number): Transport {
  const plain = createHttpServer((req, res) => {
    if (isLoopback(req.socket.remoteAddress) || tls === null) return handler(req, res);
    redirect(req, res, port());
  });
  const secure = tls ? createHttpsServer({ key: tls.key, cert: tls.cert, minVersion: 'TLSv1.2' }, handler) : null;
  for (const s of [plain, secure]) {
    if (!s) continue;
    s.headersTimeout = HTTP_TIMEOUTS.headersMs;
    s.requestTimeout = HTTP_TIMEOUTS.requestMs;
    s.keepAliveTimeout = HTTP_TIMEOUTS.keepAliveMs;
  }
  const listener = createNetServer((socket: Socket) => {
    socket.setTimeout(HTTP_TIMEOUTS.firstByteMs, () => socket.destroy());
    socket.once('error', () => socket.destroy());
    socket.once('data', (first: Buffer) => {
      socket.setTimeout(0);
      socket.pause();
      socket.unshift(first);
      const to = first[0] === TLS_HANDSHAKE && secure ? secure : plain;
      to.emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  return {
    listener,
    plain,
    secure,
    setTls: (next) => secure?.setSecureContext({ key: next.key, cert: next.cert }),
  };
}

function redirect(req: IncomingMessage, res: ServerResponse, port: number): void {
  // 308 keeps the method; the page itself asks with GET, and nothing of the floor is answered in clear.
  res.writeHead(308, { ...SECURITY_HEADERS, Location: httpsLocation(req, port), 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end('This hub answers the LAN over https only.\n');
}
