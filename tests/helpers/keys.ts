/** Role keys and accounts used by every test hub; fixed so that a child-process hub and its clients agree. */
import type { UsersFileEntry } from '../../shared/protocol/accounts';

export const TEST_KEYS = {
  operator: 'test-operator-key-5b1e0c',
  supervisor: 'test-supervisor-key-a27d94',
  wall: 'test-wall-key-3fc861',
} as const;

/** The PIN of every seeded test account. */
export const TEST_PIN = '482915';

/** The operator signed in at `seat` by `operatorAuth(seat)`. */
export function operatorUser(seat: number): string {
  return `op${seat}`;
}

/** Operators a test names (`operatorAuth(3, { user: 'kavita' })`), by username. */
export const NAMED_OPERATORS = { kavita: 'Kavita', seema: 'Seema', anil: 'Anil', sunita: 'Sunita', imran: 'Imran' } as const;

/**
 * The accounts every test hub starts with: an operator per seat (`op1` … `op60`, "Operator N"),
 * so that a test's seat N is always the same person, a few operators by name, and two
 * supervisors (`sup1` "Supervisor", `sup2` "Second supervisor"); none asked to change the PIN.
 */
export const TEST_USERS: UsersFileEntry[] = [
  ...Array.from({ length: 60 }, (_, i) => ({ username: operatorUser(i + 1), name: `Operator ${i + 1}`, role: 'operator' as const, pin: TEST_PIN })),
  ...Object.entries(NAMED_OPERATORS).map(([username, name]) => ({ username, name, role: 'operator' as const, pin: TEST_PIN })),
  { username: 'sup1', name: 'Supervisor', role: 'supervisor', pin: TEST_PIN },
  { username: 'sup2', name: 'Second supervisor', role: 'supervisor', pin: TEST_PIN },
];

/**
 * A light PIN hash for the seeded accounts, so that sixty of them cost milliseconds at each test
 * hub's start; the parameters are stored with each hash, so a hub checks them as they were made.
 * The hub's own parameters are tested where they matter (tests/integration/accounts*.test.ts).
 */
export const TEST_PIN_HASHING = { N: 1024, r: 8, p: 1 };
