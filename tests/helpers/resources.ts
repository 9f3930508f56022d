/**
 * Everything a test opens (data directories, hubs, sockets, child processes) is registered
 * here and released in reverse order by `cleanup()`, also when the test failed half-way.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Auth, type ClientOptions, TestClient } from './client';
import { waitUntil } from './wait';

export class Resources {
  private closers: (() => Promise<void> | void)[] = [];

  /** Registers a release step; steps run last-in, first-out. */
  defer(close: () => Promise<void> | void): void {
    this.closers.push(close);
  }

  /** A fresh data directory under the OS temp dir, removed on cleanup. */
  async dataDir(): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'helpline-hub-test-'));
    this.defer(() => rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }));
    return dir;
  }

  /** Opens a client (not yet waited for). */
  client(url: string, auth: Auth, options?: ClientOptions): TestClient {
    const c = new TestClient(url, auth, options);
    this.defer(() => c.close());
    return c;
  }

  /** Opens a client and waits for its snapshot. */
  async ready(url: string, auth: Auth, options?: ClientOptions): Promise<TestClient> {
    return this.client(url, auth, options).ready();
  }

  async cleanup(): Promise<void> {
    const errors: unknown[] = [];
    while (this.closers.length > 0) {
      const close = this.closers.pop()!;
      try {
        await close();
      } catch (err) {
        errors.push(err);
      }
    }
    if (errors.length > 0) throw new AggregateError(errors, 'cleanup failed');
  }
}

export type Health = { ok: boolean; seq: number };

/** `GET /healthz`: the hub's last change seq, the reference for "nothing changed". */
export async function healthz(url: string): Promise<Health> {
  const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) });
  if (res.status !== 200) throw new Error(`/healthz answered ${res.status}`);
  return (await res.json()) as Health;
}

/**
 * Waits until the hub is quiet and every client has applied every change the hub has made:
 * reads the hub's seq, waits for the clients, and repeats until the seq stops moving.
 */
export async function settle(url: string, clients: TestClient[], timeoutMs = 15_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let seq = (await healthz(url)).seq;
  for (;;) {
    await waitUntil(
      () => clients.every((c) => c.seq >= seq),
      `every client to reach seq ${seq}`,
      Math.max(1, deadline - Date.now()),
      () => clients.map((c) => c.seq).join(','),
    );
    await new Promise((r) => setTimeout(r, 30));
    const again = (await healthz(url)).seq;
    if (again === seq) return seq;
    seq = again;
  }
}

/**
 * Waits until `watcher` sees each seat offline: a closed socket's disconnect reaches the hub a
 * moment later, and its change must not land in the next test's "nothing changed" window.
 */
export async function waitSeatsOffline(watcher: TestClient, seats: Iterable<number>, timeoutMs = 5_000): Promise<void> {
  const list = [...seats];
  await waitUntil(
    () => list.every((n) => watcher.mirror?.seats.get(n)?.state === 'offline'),
    `seats ${list.join(',')} to go offline`,
    timeoutMs,
    () => list.map((n) => `${n}:${watcher.mirror?.seats.get(n)?.state}`).join(' '),
  );
}
