import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'e2e',
  // Each worker owns one Chromium with the extension; two cores, two workers.
  workers: process.env.CI ? 2 : undefined,
  fullyParallel: false,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  retries: 0,
  reporter: [['list']],
  outputDir: '../test-results',
});
