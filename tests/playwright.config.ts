import { defineConfig } from '@playwright/test';
import { POLL_INTERVALS } from './harness/expect';

export default defineConfig({
  testDir: 'e2e',
  // Each worker owns one Chromium with the extension; two cores, two workers (on a developer's machine
  // too: Playwright's default, half the cores, would be one). `--workers=1` runs one spec alone.
  workers: 2,
  fullyParallel: false,
  timeout: 30_000,
  // toPass retries as often as expect.poll asks (tests/harness/expect.ts).
  expect: { timeout: 5_000, toPass: { intervals: POLL_INTERVALS } },
  retries: 0,
  reporter: [['list']],
  outputDir: '../test-results',
});
