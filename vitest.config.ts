import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code; integration and fault tests under tests/ start real hubs
// on free loopback ports. End-to-end tests (tests/e2e) belong to Playwright.
export default defineConfig({
  test: {
    include: ['eslint/**/*.test.ts', 'shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/src/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.ts', 'tests/fault/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
