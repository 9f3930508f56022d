/**
 * How the app ends, whatever ends it, on one path: the person quits (`before-quit`), Windows
 * ends the session at shutdown, restart or log-off (a window's `session-end`: `before-quit` is
 * not emitted then), Linux or macOS shut down (powerMonitor `shutdown`), or the main process
 * is sent SIGTERM or SIGINT (systemd, Ctrl-C in a terminal). On the hub PC the hub is first
 * asked to commit and close its database, which also removes `hub.lock`; the app quits once
 * it has (HubSupervisor kills it if it takes too long). Electron is injected, so all of this
 * runs under plain Node in the tests; the wiring in shell.ts is exercised only by
 * tests/electron, where an Electron binary is available.
 */

export type ShutdownDeps = {
  /** Starts stopping the hub this PC runs, or returns null when none is running. */
  stopHub: () => Promise<void> | null;
  /** `app.quit()`: emits `before-quit`, which asks `mustWait` again. */
  quit: () => void;
  log: (line: string) => void;
};

export class AppShutdown {
  private state: 'running' | 'stopping-hub' | 'done' = 'running';

  constructor(private readonly deps: ShutdownDeps) {}

  /** True once anything has started ending the app. */
  get ending(): boolean {
    return this.state !== 'running';
  }

  /**
   * For `before-quit`: true while the hub is still closing, and the quit must be held back
   * (it is asked for again when the hub has stopped).
   */
  mustWait(reason: string): boolean {
    if (this.state === 'done') return false;
    if (this.state === 'stopping-hub') return true;
    const stopping = this.deps.stopHub();
    if (!stopping) {
      this.state = 'done';
      return false;
    }
    this.state = 'stopping-hub';
    this.deps.log(`stopping the hub before the app ends (${reason})`);
    void stopping
      .catch((err: unknown) => this.deps.log(`the hub did not stop cleanly: ${err instanceof Error ? err.message : String(err)}`))
      .finally(() => {
        this.state = 'done';
        this.deps.quit();
      });
    return true;
  }

  /** The system or a signal ends the app: the hub is stopped first, then the app quits. */
  request(reason: string): void {
    if (this.state === 'running') this.deps.log(`ending: ${reason}`);
    if (!this.mustWait(reason)) this.deps.quit();
  }
}

export type SignalSource = { on(signal: 'SIGTERM' | 'SIGINT', listener: () => void): unknown };
export type PowerSource = { on(event: 'shutdown', listener: (event?: { preventDefault(): void }) => void): unknown };

/**
 * Sends SIGTERM, SIGINT and the system's shutdown to `shutdown.request`. Windows' `session-end`
 * belongs to each window, so shell.ts adds it where it makes one.
 */
export function endOnSystemShutdown(shutdown: AppShutdown, sources: { process: SignalSource; powerMonitor: PowerSource }): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) sources.process.on(signal, () => shutdown.request(`${signal} received`));
  sources.powerMonitor.on('shutdown', (event) => {
    // Asks the system to wait (Linux: a systemd-logind delay lock) while the hub closes.
    event?.preventDefault();
    shutdown.request('the system is shutting down');
  });
}
