import 'fake-indexeddb/auto';
import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  fakeBrowser.reset();
});

// Test files share a worker (tests/vitest.config.ts): fake timers never outlive the test that set them.
afterEach(() => {
  vi.useRealTimers();
});
