/** Role keys used by every test hub; fixed so that a child-process hub and its clients agree. */
export const TEST_KEYS = {
  operator: 'test-operator-key-5b1e0c',
  supervisor: 'test-supervisor-key-a27d94',
  wall: 'test-wall-key-3fc861',
} as const;
