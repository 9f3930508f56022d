/**
 * What runs on a timer beside the requests (statistics, housekeeping, scheduled backups): each
 * a service that starts once the hub listens and stops before its connections close. They
 * start in list order and stop in reverse.
 */
export type Service = {
  readonly name: string;
  start(): void;
  /** Stops the timer and waits for a round already running. */
  stop(): Promise<void> | void;
};

export function startAll(services: readonly Service[]): void {
  for (const s of services) s.start();
}

export async function stopAll(services: readonly Service[], logError: (message: string, err?: unknown) => void): Promise<void> {
  for (const s of [...services].reverse()) {
    try {
      await s.stop();
    } catch (err) {
      logError(`stopping ${s.name} failed`, err);
    }
  }
}
