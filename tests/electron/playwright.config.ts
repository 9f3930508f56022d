import { defineConfig } from '@playwright/test';

// The desktop app itself, driven through Playwright's Electron support. These tests need the
// Electron binary (ELECTRON_OVERRIDE_DIST_PATH, or node_modules/electron/dist) and, on Linux,
// a display (run under `xvfb-run -a` on a headless machine); without them every test is
// reported as skipped, with the reason, and the global setup says so in one line.
//   npx playwright test -c tests/electron/playwright.config.ts
export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  globalSetup: './global-setup.ts',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: '../../test-results/electron',
});
