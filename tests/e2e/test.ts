import { test as base, type Page } from '@playwright/test';
import { expect } from '../harness/expect';
import { launchDaylight, type DaylightBrowser } from '../harness/chromium';
import { DaylightPage } from './pages/daylight-page';

interface WorkerFixtures {
  daylight: DaylightBrowser;
}
interface TestFixtures {
  page: Page;
  host: DaylightPage;
  extensionPage: (name: 'popup' | 'options' | 'welcome') => Promise<Page>;
}

/** Tests share one Chromium with Daylight per worker; each test gets fresh tabs and routes. */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  daylight: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
    async ({}, use) => {
      const browser = await launchDaylight();
      await use(browser);
      await browser.close();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  page: async ({ daylight }, use) => {
    const page = await daylight.context.newPage();
    await use(page);
    await page.close();
    await daylight.context.unrouteAll({ behavior: 'ignoreErrors' });
  },
  host: async ({ page }, use) => {
    await use(new DaylightPage(page));
  },
  extensionPage: async ({ daylight }, use) => {
    const opened: Page[] = [];
    await use(async (name) => {
      const page = await daylight.context.newPage();
      opened.push(page);
      await page.goto(`chrome-extension://${daylight.extensionId}/${name}.html`);
      return page;
    });
    await Promise.all(opened.map((p) => p.close()));
  },
});

export { expect };
