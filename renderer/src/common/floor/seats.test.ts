import { describe, expect, it } from 'vitest';
import { applySnapshot, emptyHubMirror } from '../../hubLink/hubMirror';
import { seatRows, stateCounts } from './seats';

const hub = applySnapshot(emptyHubMirror(), {
  seq: 1,
  counter: { total: 5, today: 5 },
  seats: [
    { seat: 2, state: 'on_call', name: 'Ravi', since: '2026-11-28T10:00:00.000Z', callId: 'c1' },
    { seat: 1, state: 'ready', name: 'Asha', since: '2026-11-28T09:58:00.000Z' },
    { seat: 3, state: 'offline', since: '2026-11-28T08:00:00.000Z' },
  ],
  tickets: [],
});

describe('floor seats', () => {
  it('lists seats in order with time in state and call time', () => {
    const rows = seatRows(hub, new Date('2026-11-28T10:01:30.000Z'));
    expect(rows.map((r) => r.seat)).toEqual([1, 2, 3]);
    expect(rows[0]).toEqual({ seat: 1, name: 'Asha', state: 'ready', inStateMs: 210_000 });
    expect(rows[1]!.callMs).toBe(90_000);
    expect(stateCounts(rows)).toEqual({ offline: 1, ready: 1, on_call: 1, wrap_up: 0, break: 0 });
  });
});
