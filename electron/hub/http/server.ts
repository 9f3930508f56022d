/**
 * The hub's HTTP server: health, CSV exports and the consoles' pages. Whatever a request
 * looks like, it gets an answer and never takes the hub down.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { LogError } from '../options';
import { send, serveStatic } from './static';

export type Routes = {
  /** The last committed change's seq, for `GET /healthz`. */
  seq: () => number;
  /** Streams `/export/{tickets,calls}.csv?token=…`. */
  exportCsv: (url: URL, res: ServerResponse) => Promise<void>;
  /** The built renderer; without it the hub serves no consoles. */
  rendererDir?: string;
};

export function createHttpServer(routes: Routes, logError: LogError): Server {
  return createServer((req, res) => {
    try {
      route(routes, req, res, logError);
    } catch (err) {
      logError('bad HTTP request', err);
      if (!res.headersSent) send(res, 400, 'text/plain; charset=utf-8', 'Bad request\n');
      else res.destroy();
    }
  });
}

function route(routes: Routes, req: IncomingMessage, res: ServerResponse, logError: LogError): void {
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/healthz') {
    send(res, 200, 'application/json', JSON.stringify({ ok: true, seq: routes.seq() }));
    return;
  }
  if (path === '/export/tickets.csv' || path === '/export/calls.csv') {
    routes.exportCsv(new URL(req.url ?? '/', 'http://hub'), res).catch((err) => logError('export failed', err));
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed\n');
    return;
  }
  if (!routes.rendererDir) {
    send(res, 404, 'text/plain; charset=utf-8', 'This hub serves no consoles.\n');
    return;
  }
  serveStatic(routes.rendererDir, req, res);
}

/** Listens, retrying a port still held by a hub that is shutting down for a few seconds. */
export async function listen(http: Server, port: number, host: string, waitMs = 5_000): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      await new Promise<void>((resolve, reject) => {
        http.once('error', reject);
        http.listen(port, host, () => {
          http.off('error', reject);
          resolve();
        });
      });
      return;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EADDRINUSE' || port === 0 || Date.now() > deadline) {
        if (code === 'EADDRINUSE') throw new Error(`port ${port} is already in use on ${host}: is another hub running? Stop it or choose another --port`, { cause: err });
        throw err;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
