import type { Page } from 'puppeteer-core';
import demoDirectory from '../fixtures/directory/demo-directory.json' with { type: 'json' };
import type { Settings } from '../../lib/settings';
import type { FirefoxDaylight } from '../harness/firefox';

/** Give Daylight the demo directory as the options page's Apply does (tests/e2e/demo-directory.ts). */
export async function seedDemoDirectory(firefox: FirefoxDaylight): Promise<void> {
  const page = await firefox.extensionPage('welcome');
  try {
    const answer = await page.evaluate(
      (directory) => chrome.runtime.sendMessage({ daylight: 1, type: 'directory-replace', payload: { directory, source: 'e2e' } }),
      demoDirectory,
    );
    if ((answer as { ok?: boolean } | undefined)?.ok !== true) throw new Error(`directory-replace answered ${JSON.stringify(answer)}`);
  } finally {
    await page.close();
  }
}

/** The user's own settings, as the options page stores them (replacing any earlier test's). */
export async function useSettings(firefox: FirefoxDaylight, settings: Partial<Settings>): Promise<void> {
  const page: Page = await firefox.extensionPage('welcome');
  await page.evaluate((value) => chrome.storage.local.set({ settings: value }), settings);
  await page.close();
}
