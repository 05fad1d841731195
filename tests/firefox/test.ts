import { test as base } from '@playwright/test';
import { expect } from '../harness/expect';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type ExtensionPageName, type FirefoxDaylight } from '../harness/firefox';
import { DaylightPage } from '../e2e/pages/daylight-page';

interface WorkerFixtures {
  firefox: FirefoxDaylight;
}
interface TestFixtures {
  tab: Page;
  host: DaylightPage;
  extensionPage: (name: ExtensionPageName) => Promise<Page>;
}

/** Tests share one Firefox with Daylight per worker; each test gets fresh tabs. */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  firefox: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
    async ({}, use) => {
      const firefox = await launchFirefox();
      await use(firefox);
      await firefox.close();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  tab: async ({ firefox }, use) => {
    const tab = await firefox.newPage();
    await use(tab);
    await tab.close();
    firefox.serve([]);
  },
  host: async ({ tab }, use) => {
    await use(new DaylightPage(tab));
  },
  extensionPage: async ({ firefox }, use) => {
    const opened: Page[] = [];
    await use(async (name) => {
      const page = await firefox.extensionPage(name);
      opened.push(page);
      return page;
    });
    await Promise.all(opened.map((p) => p.close()));
  },
});

export { expect };
