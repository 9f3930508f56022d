import { describe, expect, it } from 'vitest';
import { MUTATIONS, REQUEST_SCHEMAS, type RequestName } from '../../../shared/protocol/events';
import { requireAccess } from './access';
import type { Caller } from './context';

const person = { session: 'a-session', mustChangePin: false, address: '10.0.0.7' };
const operator: Caller = { role: 'operator', clientId: 'c1', seat: 3, name: 'Asha', username: 'asha', ...person };
const supervisor: Caller = { role: 'supervisor', clientId: 'c2', name: 'Supervisor', username: 'sup', ...person };
const wall: Caller = { role: 'wall', clientId: 'c3', name: 'Wall' };
const names = Object.keys(REQUEST_SCHEMAS) as RequestName[];

function refusal(name: RequestName, caller: Caller): string | null {
  try {
    requireAccess(name, caller);
    return null;
  } catch (err) {
    expect(err).toMatchObject({ code: 'forbidden' });
    return (err as Error).message;
  }
}

describe('requireAccess', () => {
  it('refuses the wall every mutation, saying it is read-only', () => {
    for (const name of MUTATIONS) expect(refusal(name, wall), name).toBe('the wall display is read-only');
  });

  it('lets the wall search, and nothing else it could read callers with', () => {
    expect(names.filter((n) => refusal(n, wall) === null)).toEqual(['tickets:search']);
  });

  it('keeps calls and seat presence to an operator at a seat', () => {
    expect(refusal('call:start', supervisor)).toBe('only an operator at a seat can do this');
    expect(refusal('seat:set', supervisor)).toBe('only an operator at a seat can do this');
    expect(refusal('call:start', operator)).toBeNull();
  });

  it('keeps configuration, reports and backups to supervisors', () => {
    for (const name of ['config:update', 'broadcast:send', 'export:start', 'report:daily', 'backup:now'] as const) {
      expect(refusal(name, operator), name).not.toBeNull();
      expect(refusal(name, supervisor), name).toBeNull();
    }
  });
});
