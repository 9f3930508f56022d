/**
 * A token bucket per socket. A person at a seat makes a few requests a minute; the bucket is
 * deep enough for an outbox flushing a shift's worth of offline work after a network drop, and
 * stops one runaway client from starving the 39 other seats.
 */
export type RateLimit = { burst: number; perSecond: number };

export const DEFAULT_RATE_LIMIT: RateLimit = { burst: 600, perSecond: 200 };

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly limit: RateLimit,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.tokens = limit.burst;
    this.last = clock();
  }

  take(): boolean {
    const now = this.clock();
    this.tokens = Math.min(this.limit.burst, this.tokens + ((now - this.last) / 1000) * this.limit.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
