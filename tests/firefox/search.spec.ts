import type { Page } from 'puppeteer-core';
import { TOOL_IDS } from '../../lib/tools/tool-ids';
import { loadFixtureCatalog } from '../harness/fixture-catalog';
import { launchFirefox, pollPage, type FirefoxDaylight } from '../harness/firefox';
import { DaylightPage } from '../e2e/pages/daylight-page';
import { FINDS, storedRecords, storedTools } from '../e2e/pages/stored-records';
import { expect, test as shared } from './test';

/** What ranks first depends on everything captured before: this test gets a Firefox of its own. */
const test = shared.extend<{ ownFirefox: FirefoxDaylight }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  ownFirefox: async ({}, use) => {
    const fresh = await launchFirefox();
    await use(fresh);
    await fresh.close();
  },
});

const pages = TOOL_IDS.map((tool) => loadFixtureCatalog([tool]).find((p) => p.place === 'public')!);

/** Type a query into the popup's search box; the hrefs of the results, once the search settled. */
async function search(popup: Page, text: string): Promise<string[]> {
  // Typed as a person does (Puppeteer's locators poll with Function(), which the popup's CSP forbids).
  await popup.evaluate(() => (document.querySelector('input[type="search"][aria-label="Search"]') as HTMLInputElement).select());
  await popup.keyboard.type(text);
  await pollPage(
    popup,
    (text) => (document.querySelector('input[type="search"]') as HTMLInputElement).value === text && document.querySelector('[role="listbox"][aria-label="Results"][aria-busy="false"]') !== null,
    text,
  );
  return popup.$$eval('[role="listbox"][aria-label="Results"] [role="option"] a[href]', (links) => links.map((a) => a.getAttribute('href')!));
}

test('pages and messages of every tool are captured in Firefox and found by misspelled words', async ({ ownFirefox: firefox }) => {
  test.setTimeout(90_000);
  const options = await firefox.extensionPage('options');
  // Opened last, the tab is the selected one: Firefox hides the others (no frames, nothing on screen).
  const tab = await firefox.newPage();
  firefox.serve(pages);
  for (const entry of pages) {
    await tab.goto(entry.url);
    await expect.poll(() => new DaylightPage(tab).markers()).toMatchObject({ tool: entry.tool, place: entry.place });
    await expect.poll(() => storedTools(options), { timeout: 10_000 }).toContain(entry.tool);
    await new DaylightPage(tab).readThrough();
    await expect.poll(async () => (await storedRecords(options)).map((r) => r.key), { timeout: 10_000 }).toContain(FINDS[entry.tool].permalink);
  }

  const popup = await firefox.extensionPage('popup');
  for (const entry of pages) {
    const find = FINDS[entry.tool];
    expect(await search(popup, find.page), `${entry.tool} page by "${find.page}"`).toContain(entry.url);
    expect(await search(popup, find.message), `${entry.tool} message by "${find.message}"`).toContain(find.permalink);
  }
});
