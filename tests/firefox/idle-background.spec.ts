import { loadFixtureCatalog, type FixtureEntry } from '../harness/fixture-catalog';
import { launchFirefox, pollPage, type FirefoxDaylight } from '../harness/firefox';
import { FINDS, storedRecords } from '../e2e/pages/stored-records';
import { test as shared, expect } from './test';

/** Firefox runs the background as an event page: with a short idle timeout it is unloaded between messages. */
const test = shared.extend<{ idleFirefox: FirefoxDaylight }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  idleFirefox: async ({}, use) => {
    const fresh = await launchFirefox({ prefs: { 'extensions.background.idle.timeout': 1000 } });
    await use(fresh);
    await fresh.close();
  },
});

test('the background is unloaded when idle and woken by a page, with nothing captured lost', async ({ idleFirefox: firefox }) => {
  test.setTimeout(60_000);
  const [github, gitlab] = (['github', 'gitlab'] as const).map((tool) => loadFixtureCatalog([tool]).find((p) => p.place === 'public')!) as [FixtureEntry, FixtureEntry];
  firefox.serve([github, gitlab]);
  const extension = await firefox.extensionPage('welcome');
  // Whether the event page is loaded, asked without waking it: getViews lists only loaded pages, and
  // Firefox generates the event page's document for `background.scripts`.
  const backgroundLoaded = () =>
    extension.evaluate(() => chrome.extension.getViews().some((view) => view.location.pathname === '/_generated_background_page.html'));
  const keys = async () => (await storedRecords(extension)).map((r) => r.key);

  const tab = await firefox.newPage();
  await tab.goto(github.url);
  await expect.poll(keys, { timeout: 10_000 }).toContain(github.url);
  await expect.poll(backgroundLoaded, { timeout: 15_000, message: 'the background was never unloaded' }).toBe(false);

  // A page's content script wakes it: its capture is stored beside the earlier one.
  await tab.goto(gitlab.url);
  await pollPage(tab, () => document.documentElement.getAttribute('data-daylight-place') === 'public', undefined);
  await expect.poll(keys, { timeout: 10_000 }).toContain(gitlab.url);
  expect(await keys()).toContain(github.url);
  await expect.poll(backgroundLoaded, { timeout: 15_000 }).toBe(false);

  // Woken again by the popup's search, which finds both.
  const popup = await firefox.extensionPage('popup');
  await popup.evaluate(() => (document.querySelector('input[type="search"][aria-label="Search"]') as HTMLInputElement).focus());
  for (const [query, url] of [[FINDS.github.page, github.url], [FINDS.gitlab.page, gitlab.url]] as const) {
    await popup.evaluate(() => (document.querySelector('input[type="search"]') as HTMLInputElement).select());
    await popup.keyboard.type(query);
    await expect
      .poll(() => popup.evaluate(() => [...document.querySelectorAll('[role="listbox"][aria-label="Results"] [role="option"] a[href]')].map((a) => a.getAttribute('href'))))
      .toContain(url);
  }
});
