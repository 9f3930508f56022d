/**
 * Waiting between attempts: doubling from `baseMs` up to `maxMs`. Jitter spreads 40 seats that
 * lost the same hub over a few seconds instead of having them all knock at once.
 */
export type Backoff = { baseMs: number; maxMs: number; jitter: number };

export const HUB_RESTART_BACKOFF: Backoff = { baseMs: 1000, maxMs: 30_000, jitter: 0 };
export const RECONNECT_BACKOFF: Backoff = { baseMs: 1000, maxMs: 15_000, jitter: 0.3 };

/** `attempt` counts from 0; `random` is in [0, 1). */
export function backoffDelay(attempt: number, b: Backoff, random: () => number = Math.random): number {
  const raw = Math.min(b.maxMs, b.baseMs * 2 ** Math.max(0, Math.min(attempt, 30)));
  const spread = raw * b.jitter * (2 * random() - 1);
  return Math.max(0, Math.round(Math.min(b.maxMs, raw + spread)));
}
