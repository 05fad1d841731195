import 'fake-indexeddb/auto';
import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getMessage, setTestLocale, testLocale } from './i18n/locale-messages';

beforeEach(() => {
  fakeBrowser.reset();
  // Daylight's words through the real locale files (the fake browser has no i18n).
  setTestLocale('en');
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => (testLocale() === 'pseudo' ? 'en' : testLocale());
});

// Test files share a worker (tests/vitest.config.ts): fake timers never outlive the test that set them.
afterEach(() => {
  vi.useRealTimers();
});
