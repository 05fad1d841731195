import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'e2e',
  // Each worker owns one Chromium with the extension; two cores, two workers (on a developer's machine
  // too: Playwright's default, half the cores, would be one). `--workers=1` runs one spec alone.
  workers: 2,
  fullyParallel: false,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  retries: 0,
  reporter: [['list']],
  outputDir: '../test-results',
});
