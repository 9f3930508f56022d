/**
 * The one path by which the app ends. The Electron events that lead here (`before-quit`, a
 * window's `session-end` on Windows, powerMonitor `shutdown`) are wired in shell.ts and
 * exercised only by tests/electron, where an Electron binary is available; here they are
 * stand-in emitters, as is the hub's stop.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { AppShutdown, endOnSystemShutdown } from './shutdown';

/** The app as far as shutting down goes: `quit` emits before-quit, which may hold it back. */
function fakeApp(hubRunning: boolean) {
  let finishStop: () => void = () => undefined;
  const stopHub = vi.fn(() => (hubRunning ? new Promise<void>((r) => (finishStop = r)) : null));
  let quitted = false;
  const shutdown: AppShutdown = new AppShutdown({
    stopHub,
    quit: () => {
      if (!shutdown.mustWait('quit')) quitted = true;
    },
    log: () => undefined,
  });
  return { shutdown, stopHub, finishStop: () => finishStop(), quitted: () => quitted };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('AppShutdown', () => {
  it('a quit on the hub PC waits for the hub to close, then goes ahead', async () => {
    const a = fakeApp(true);
    expect(a.shutdown.mustWait('quit')).toBe(true);
    // Asked again while the hub closes (a second click, a signal): still waiting, one stop only.
    expect(a.shutdown.mustWait('quit')).toBe(true);
    expect(a.stopHub).toHaveBeenCalledTimes(1);
    a.finishStop();
    await tick();
    expect(a.quitted()).toBe(true);
    expect(a.shutdown.mustWait('quit')).toBe(false);
  });

  it('with no hub to stop, nothing holds the quit back', () => {
    const a = fakeApp(false);
    a.shutdown.request('SIGTERM received');
    expect(a.quitted()).toBe(true);
  });

  it('a hub that fails to stop cleanly does not keep the app from ending', async () => {
    let quits = 0;
    const s: AppShutdown = new AppShutdown({
      stopHub: () => Promise.reject(new Error('stuck')),
      quit: () => {
        if (!s.mustWait('quit')) quits++;
      },
      log: () => undefined,
    });
    s.request('SIGTERM received');
    await tick();
    expect(quits).toBe(1);
  });
});

describe('endOnSystemShutdown', () => {
  it('SIGTERM and SIGINT take the same path as quitting: the hub is stopped first', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const a = fakeApp(true);
      const proc = new EventEmitter();
      endOnSystemShutdown(a.shutdown, { process: proc, powerMonitor: new EventEmitter() });
      proc.emit(signal);
      expect(a.stopHub).toHaveBeenCalledTimes(1);
      expect(a.quitted()).toBe(false);
      a.finishStop();
      await tick();
      expect(a.quitted()).toBe(true);
    }
  });

  it("the system's shutdown is delayed while the hub closes", async () => {
    const a = fakeApp(true);
    const power = new EventEmitter();
    endOnSystemShutdown(a.shutdown, { process: new EventEmitter(), powerMonitor: power });
    const event = { preventDefault: vi.fn() };
    power.emit('shutdown', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(a.stopHub).toHaveBeenCalledTimes(1);
    a.finishStop();
    await tick();
    expect(a.quitted()).toBe(true);
  });
});
