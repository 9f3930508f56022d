import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/find-chromium.mjs';
import { HOST_RESOLVER_RULES } from './tests/e2e/env';

// End-to-end tests: the built consoles in a real Chromium against a real hub that the global
// setup starts on a free loopback port with a throwaway data folder.
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  timeout: 45_000,
  expect: { timeout: 8_000 },
  fullyParallel: false,
  // Two cores: one browser per core, the hub shares them.
  workers: 2,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results/e2e',
  use: {
    browserName: 'chromium',
    viewport: { width: 1366, height: 768 },
    // Pages reach the hub by a LAN name, as seats on the floor do (tests/e2e/env.ts).
    launchOptions: chromiumLaunchOptions([HOST_RESOLVER_RULES]),
    timezoneId: 'Europe/London',
    locale: 'en-GB',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
