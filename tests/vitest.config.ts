import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  root: new URL('..', import.meta.url).pathname,
  // WxtVitest wires WXT's in-memory fake browser behind `wxt/browser`, and the `@/` alias.
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    // Node by default: a file that needs a DOM says so on its first line (`// @vitest-environment jsdom`).
    environment: 'node',
    setupFiles: ['tests/unit/setup.ts'],
    // Files in one worker share loaded modules (importing them again for every file was most of the
    // unit step's time). So a file leaves no state behind: setup.ts resets the fake browser before each
    // test and real timers after it, spies are restored, and modules are never mocked (lint forbids
    // vi.mock): pass fakes in instead.
    pool: 'threads',
    isolate: false,
    restoreMocks: true,
  },
});
