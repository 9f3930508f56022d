import { describe, expect, it } from 'vitest';
import type { Account, PersonFigures, SecurityEvent } from '../../../../shared/protocol';
import { joinLog, sessionsInOrder, sortAccounts, sortFigures } from './people';

const account = (username: string, extra: Partial<Account> = {}): Account => ({
  username,
  name: username[0]!.toUpperCase() + username.slice(1),
  role: 'operator',
  disabled: false,
  mustChangePin: false,
  createdAt: '2026-11-28T08:00:00.000Z',
  sessions: [],
  ...extra,
});

describe('the People tab', () => {
  it('lists accounts signed in first, then by name, disabled ones last', () => {
    const list = [account('ravi'), account('zoya', { sessions: [{ seat: 3, address: '10.0.0.13', since: '2026-11-28T09:00:00.000Z' }] }), account('asha', { disabled: true }), account('imran')];
    expect(sortAccounts(list).map((a) => a.username)).toEqual(['zoya', 'imran', 'ravi', 'asha']);
  });

  it('lists operators at a seat first, by seat, then the others by name', () => {
    const p = (username: string, seat?: number): PersonFigures => ({
      username,
      name: username,
      ...(seat ? { seat } : {}),
      callsToday: 0,
      avgHandleSeconds: null,
      ticketsToday: 0,
      dispositions: {},
      breakSecondsToday: 0,
    });
    expect(sortFigures([p('neha'), p('ravi', 12), p('asha', 3), p('imran')]).map((x) => x.username)).toEqual(['asha', 'ravi', 'imran', 'neha']);
  });

  it('lists a person’s sessions with a window connected first, then the newest', () => {
    const s = (since: string, connected?: boolean) => ({ address: '10.0.0.13', since, ...(connected !== undefined ? { connected } : {}) });
    const list = [s('2026-11-28T08:00:00.000Z', false), s('2026-11-28T07:00:00.000Z', true), s('2026-11-28T09:00:00.000Z', false)];
    expect(sessionsInOrder(list).map((x) => x.since)).toEqual(['2026-11-28T07:00:00.000Z', '2026-11-28T09:00:00.000Z', '2026-11-28T08:00:00.000Z']);
  });

  it('joins pages of the sign-in log newest first, each event once (a refresh may overlap an older page)', () => {
    const e = (id: number): SecurityEvent => ({ id, at: '2026-11-28T09:00:00.000Z', kind: 'signed_in' });
    expect(joinLog([e(12), e(11), e(10)], [e(10), e(9)]).map((x) => x.id)).toEqual([12, 11, 10, 9]);
  });
});
