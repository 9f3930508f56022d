import { describe, expect, it, vi } from 'vitest';
import type { HubStartOptions, ToHub } from './hubMessages';
import { type HubChild, HubSupervisor, type SupervisorDeps } from './hubSupervisor';

const OPTIONS: HubStartOptions = {
  dataDir: '/data/hub',
  port: 4950,
  host: '0.0.0.0',
  rendererDir: '/app/dist/renderer',
  keys: {},
  advertiseAs: 'Floor A',
  backup: {},
};
const READY = { type: 'ready', url: 'http://127.0.0.1:4950', port: 4950, keys: { operator: 'o', supervisor: 's', wall: 'w' }, generated: [] };

class FakeChild implements HubChild {
  sent: ToHub[] = [];
  killed = false;
  private onMsg: (m: unknown) => void = () => undefined;
  private onEnd: (code: number | null) => void = () => undefined;
  postMessage(m: ToHub) {
    this.sent.push(m);
  }
  kill() {
    this.killed = true;
    this.exit(null);
  }
  onMessage(l: (m: unknown) => void) {
    this.onMsg = l;
  }
  onExit(l: (code: number | null) => void) {
    this.onEnd = l;
  }
  say(m: unknown) {
    this.onMsg(m);
  }
  exit(code: number | null) {
    this.onEnd(code);
  }
}

function setup(over: Partial<SupervisorDeps> = {}) {
  vi.useFakeTimers();
  const children: FakeChild[] = [];
  let now = 0;
  const deps: SupervisorDeps = {
    fork: () => {
      const c = new FakeChild();
      children.push(c);
      return c;
    },
    options: () => OPTIONS,
    log: vi.fn(),
    onReady: vi.fn(),
    onDown: vi.fn(),
    now: () => now,
    ...over,
  };
  const s = new HubSupervisor(deps);
  return { s, deps, children, advance: (ms: number) => ((now += ms), vi.advanceTimersByTime(ms)) };
}

describe('HubSupervisor', () => {
  it('starts the hub with its options and reports it ready', () => {
    const { s, deps, children } = setup();
    s.start();
    expect(children[0]!.sent).toEqual([{ type: 'start', options: OPTIONS }]);
    children[0]!.say(READY);
    expect(s.state).toBe('running');
    expect(deps.onReady).toHaveBeenCalledWith(READY);
    vi.useRealTimers();
  });

  it('restarts a hub that died, waiting longer after each failure in a row', () => {
    const { s, deps, children, advance } = setup();
    s.start();
    children[0]!.exit(1);
    expect(s.state).toBe('waiting');
    expect(deps.onDown).toHaveBeenLastCalledWith('the hub stopped unexpectedly (exit code 1)', 1000);
    advance(999);
    expect(children).toHaveLength(1);
    advance(1);
    expect(children).toHaveLength(2);
    children[1]!.say({ type: 'failed', message: 'port 4950 is already in use on 0.0.0.0' });
    children[1]!.exit(1);
    expect(deps.onDown).toHaveBeenLastCalledWith('port 4950 is already in use on 0.0.0.0', 2000);
    advance(2000);
    children[2]!.exit(1);
    expect(deps.onDown).toHaveBeenLastCalledWith(expect.any(String), 4000);
    vi.useRealTimers();
  });

  it('a run that lasted a while resets the wait', () => {
    const { s, deps, children, advance } = setup();
    s.start();
    children[0]!.exit(1);
    advance(1000);
    children[1]!.say(READY);
    advance(120_000);
    children[1]!.exit(null);
    expect(deps.onDown).toHaveBeenLastCalledWith('the hub stopped unexpectedly', 1000);
    vi.useRealTimers();
  });

  it('kills and restarts a hub that never becomes ready', () => {
    const { s, children, advance } = setup({ readyTimeoutMs: 5000 });
    s.start();
    advance(5000);
    expect(children[0]!.killed).toBe(true);
    advance(1000);
    expect(children).toHaveLength(2);
    vi.useRealTimers();
  });

  it('stops cleanly: asks the hub to close and does not restart it', async () => {
    const { s, children, advance } = setup();
    s.start();
    children[0]!.say(READY);
    const stopped = s.stop();
    expect(children[0]!.sent.at(-1)).toEqual({ type: 'stop' });
    children[0]!.exit(0);
    await stopped;
    expect(s.state).toBe('stopped');
    advance(60_000);
    expect(children).toHaveLength(1);
    vi.useRealTimers();
  });

  it('kills a hub that does not stop in time', async () => {
    const { s, children, advance } = setup({ stopTimeoutMs: 3000 });
    s.start();
    const stopped = s.stop();
    advance(3000);
    await stopped;
    expect(children[0]!.killed).toBe(true);
    expect(s.state).toBe('stopped');
    vi.useRealTimers();
  });

  it('ignores messages that do not fit, and messages from a replaced process', () => {
    const { s, deps, children, advance } = setup();
    s.start();
    children[0]!.say({ type: 'ready', url: 42 });
    expect(deps.onReady).not.toHaveBeenCalled();
    expect(deps.log).toHaveBeenCalledWith('hub: ignored a message that does not fit the protocol');
    children[0]!.exit(1);
    advance(1000);
    children[0]!.say(READY);
    expect(deps.onReady).not.toHaveBeenCalled();
    vi.useRealTimers();
  });
});
