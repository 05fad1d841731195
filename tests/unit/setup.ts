import 'fake-indexeddb/auto';
import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getMessage, setTestLocale, testLocale } from './i18n/locale-messages';

/** Daylight's words through the real locale files (the fake browser has no i18n). */
function fakeI18n(): void {
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => (testLocale() === 'pseudo' ? 'en' : testLocale());
}
// Also while a test file is collected: some build their cases from fixtures, words included.
fakeI18n();

beforeEach(() => {
  fakeBrowser.reset();
  setTestLocale('en');
  fakeI18n();
});

// Test files share a worker (tests/vitest.config.ts): fake timers never outlive the test that set them.
afterEach(() => {
  vi.useRealTimers();
});
