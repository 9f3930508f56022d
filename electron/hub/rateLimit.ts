/**
 * Per-socket limits, so that one runaway client cannot starve the 39 other seats.
 * A person at a seat makes a few requests a minute, and a client that waits for each ack is
 * paced by the hub itself; what hurts is a client that fires requests without waiting. So the
 * main limit is on requests in flight (sent, not yet answered), with a token bucket behind it
 * that is deep enough for an outbox flushing a shift's offline work after a network drop.
 */
export type RateLimit = { burst: number; perSecond: number; inFlight: number };

export const DEFAULT_RATE_LIMIT: RateLimit = { burst: 2000, perSecond: 1000, inFlight: 128 };

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly limit: Pick<RateLimit, 'burst' | 'perSecond'>,
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
