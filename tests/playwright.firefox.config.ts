import { defineConfig } from '@playwright/test';
import { POLL_INTERVALS } from './harness/expect';

/**
 * The Firefox suite (tests/firefox/): Playwright runs the tests, Puppeteer drives Debian's Firefox ESR
 * over WebDriver BiDi (tests/harness/firefox.ts), since Playwright's own Firefox is a patched build
 * that would have to be downloaded. One worker: it runs beside the Chromium suite's two.
 */
export default defineConfig({
  testDir: 'firefox',
  workers: 1,
  fullyParallel: false,
  timeout: 30_000,
  // toPass retries as often as expect.poll asks (tests/harness/expect.ts).
  expect: { timeout: 5_000, toPass: { intervals: POLL_INTERVALS } },
  retries: 0,
  reporter: [['list']],
  // Beside Chromium's: Playwright empties its output folder when it starts, and both run at once.
  outputDir: '../test-results-firefox',
});
