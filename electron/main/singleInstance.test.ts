/**
 * The single-instance rule with a stand-in app and window; index.ts's wiring is exercised
 * only by tests/electron ("one copy per PC"), where an Electron binary is available.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { bringForward, type Focusable, holdSingleInstance } from './singleInstance';

function fakeApp(lock: boolean) {
  return Object.assign(new EventEmitter(), { requestSingleInstanceLock: () => lock });
}

function fakeWindow(minimized: boolean): Focusable & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    isDestroyed: () => false,
    isMinimized: () => minimized,
    restore: () => calls.push('restore'),
    show: () => calls.push('show'),
    focus: () => calls.push('focus'),
  };
}

describe('holdSingleInstance', () => {
  it('listens for a second start as soon as the lock is taken, before anything else has run', () => {
    const app = fakeApp(true);
    const onSecond = vi.fn();
    expect(holdSingleInstance(app, onSecond)).toBe(true);
    // Nothing else has happened yet (no configuration read): a second start is already heard.
    expect(app.listenerCount('second-instance')).toBe(1);
    app.emit('second-instance');
    expect(onSecond).toHaveBeenCalledTimes(1);
  });

  it('the second copy does not take the lock and listens for nothing', () => {
    const app = fakeApp(false);
    expect(holdSingleInstance(app, () => undefined)).toBe(false);
    expect(app.listenerCount('second-instance')).toBe(0);
  });
});

describe('bringForward', () => {
  it('restores a minimised window, then shows and focuses it', () => {
    const minimised = fakeWindow(true);
    bringForward(minimised);
    expect(minimised.calls).toEqual(['restore', 'show', 'focus']);
    const open = fakeWindow(false);
    bringForward(open);
    expect(open.calls).toEqual(['show', 'focus']);
  });

  it('no window yet, or one already closed: nothing to do', () => {
    expect(() => bringForward(null)).not.toThrow();
    const closed = { ...fakeWindow(false), isDestroyed: () => true };
    bringForward(closed);
    expect(closed.calls).toEqual([]);
  });
});
