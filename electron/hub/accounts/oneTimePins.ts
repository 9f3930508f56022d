/**
 * One-time PINs a supervisor was just given (`user:create`, `user:resetPin`), kept in memory
 * only, for a few minutes: a request retried because its answer was lost gets the same PIN
 * again, while the op log, which is on disk, records the answer without it. Past that, or after
 * a restart, the PIN cannot be shown again; a supervisor resets it instead.
 */
const KEPT_MS = 10 * 60_000;

export class OneTimePins {
  private readonly pins = new Map<string, { pin: string; at: number }>();

  keep(op: string, pin: string): void {
    const now = Date.now();
    for (const [k, v] of this.pins) if (now - v.at > KEPT_MS) this.pins.delete(k);
    this.pins.set(op, { pin, at: now });
  }

  get(op: string): string | undefined {
    const kept = this.pins.get(op);
    return kept && Date.now() - kept.at <= KEPT_MS ? kept.pin : undefined;
  }
}
