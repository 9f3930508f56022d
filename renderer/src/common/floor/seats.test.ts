import { describe, expect, it } from 'vitest';
import type { SeatState } from '../../../../shared/protocol/vocabulary';
import { applySnapshot, emptyHubMirror } from '../../hubLink/hubMirror';
import { activeFirst, nameOfUser, seatRows, type SeatRow, seatRuns, stateCounts } from './seats';

const hub = applySnapshot(emptyHubMirror(), {
  seq: 1,
  counter: { total: 5, today: 5 },
  seats: [
    { seat: 2, state: 'on_call', name: 'Ravi', since: '2026-11-28T10:00:00.000Z', callId: 'c1' },
    { seat: 1, state: 'ready', name: 'Asha', user: 'asha', since: '2026-11-28T09:58:00.000Z' },
    { seat: 3, state: 'offline', since: '2026-11-28T08:00:00.000Z' },
  ],
  tickets: [],
});

describe('floor seats', () => {
  it('lists seats in order with time in state and call time', () => {
    const rows = seatRows(hub, new Date('2026-11-28T10:01:30.000Z'));
    expect(rows.map((r) => r.seat)).toEqual([1, 2, 3]);
    expect(rows[0]).toEqual({ seat: 1, name: 'Asha', user: 'asha', state: 'ready', inStateMs: 210_000 });
    expect(rows[1]!.callMs).toBe(90_000);
    expect(stateCounts(rows)).toEqual({ offline: 1, ready: 1, on_call: 1, wrap_up: 0, break: 0 });
  });
});

describe('who took a call', () => {
  it('is named as the seat they hold names them, else by their username; a call from before accounts names nobody', () => {
    expect(nameOfUser(hub, 'asha')).toBe('Asha');
    expect(nameOfUser(hub, 'ravi')).toBe('ravi');
    expect(nameOfUser(hub, undefined)).toBeUndefined();
  });
});

describe('the supervisor’s floor', () => {
  const row = (seat: number, state: SeatState): SeatRow => ({ seat, state, inStateMs: 0 });
  // 40 seats, 8 staffed, scattered as a shift leaves them.
  const staffed: [number, SeatState][] = [
    [3, 'ready'],
    [7, 'on_call'],
    [8, 'break'],
    [12, 'wrap_up'],
    [15, 'on_call'],
    [21, 'ready'],
    [30, 'on_call'],
    [38, 'break'],
  ];
  const rows = Array.from({ length: 40 }, (_, i) => row(i + 1, staffed.find(([s]) => s === i + 1)?.[1] ?? 'offline'));

  it('puts the staffed seats first: on a call, wrap-up, ready, break, each by number', () => {
    const { active, offline } = activeFirst(rows);
    expect(active.map((r) => [r.seat, r.state])).toEqual([
      [7, 'on_call'],
      [15, 'on_call'],
      [30, 'on_call'],
      [12, 'wrap_up'],
      [3, 'ready'],
      [21, 'ready'],
      [8, 'break'],
      [38, 'break'],
    ]);
    expect(offline).toHaveLength(32);
    expect(offline[0]).toBe(1);
  });

  it('names the empty seats in short runs', () => {
    expect(seatRuns(activeFirst(rows).offline)).toBe('1, 2, 4–6, 9–11, 13, 14, 16–20, 22–29, 31–37, 39, 40');
    expect(seatRuns([])).toBe('');
    expect(seatRuns([5])).toBe('5');
  });
});
