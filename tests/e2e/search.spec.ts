import type { Page } from '@playwright/test';
import { TOOL_IDS } from '../../lib/tools/tool-ids';
import { loadFixtureCatalog } from '../harness/fixture-catalog';
import { launchDaylight, type DaylightBrowser } from '../harness/chromium';
import { serveFixtures } from '../harness/serve-fixtures';
import { seedDemoDirectory } from './demo-directory';
import { githubIssue } from '../bench/synthetic-pages';
import { DaylightPage } from './pages/daylight-page';
import { FINDS, storedRecords, storedTools } from './pages/stored-records';
import { expect, test as shared } from './test';

/**
 * Search results depend on everything captured before, so each test here gets a browser of its
 * own: pages other specs visited in a shared browser would change what ranks first.
 */
const test = shared.extend<{ ownBrowser: DaylightBrowser }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  ownBrowser: async ({}, use) => {
    const fresh = await launchDaylight();
    await use(fresh);
    await fresh.close();
  },
  page: async ({ ownBrowser: browser }, use) => {
    await use(await browser.context.newPage());
  },
  extensionPage: async ({ ownBrowser: browser }, use) => {
    await use(async (name) => {
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/${name}.html`);
      return page;
    });
  },
});

const pages = TOOL_IDS.map((tool) => loadFixtureCatalog([tool]).find((p) => p.place === 'public')!);

async function search(popup: Page, text: string) {
  const box = popup.getByRole('searchbox', { name: 'Search' });
  await box.fill(text);
  const results = popup.getByRole('listbox', { name: 'Results' });
  await expect(results).toHaveAttribute('aria-busy', 'false');
  return results;
}

test('pages and messages of every tool are found by misspelled words, filtered by tool and person, and opened by keyboard', async ({ ownBrowser: browser, page, extensionPage }) => {
  test.setTimeout(120_000);
  await seedDemoDirectory(browser.context, browser.extensionId);
  const options = await extensionPage('options');

  await serveFixtures(browser.context, pages);
  for (const entry of pages) {
    await page.goto(entry.url);
    await expect(page.locator('html')).toHaveAttribute('data-daylight-place', entry.place);
    await expect.poll(() => storedTools(options), { timeout: 10_000 }).toContain(entry.tool);
    // Messages are captured once they have been on screen: read the page through.
    await new DaylightPage(page).readThrough();
    await expect.poll(async () => (await storedRecords(options)).map((r) => r.key), { timeout: 10_000 }).toContain(FINDS[entry.tool].permalink);
  }

  const popup = await extensionPage('popup');
  // The search box has focus on open, and recent items show before anything is typed.
  await expect(popup.getByRole('searchbox', { name: 'Search' })).toBeFocused();
  await expect(popup.getByRole('listbox', { name: 'Recently seen' }).getByRole('option').first()).toBeVisible();

  for (const entry of pages) {
    const find = FINDS[entry.tool];
    const pageResults = await search(popup, find.page);
    await expect(pageResults.locator(`[role=option] a[href="${entry.url}"]`), `${entry.tool} page by "${find.page}"`).toHaveCount(1);
    const messageResults = await search(popup, find.message);
    const message = messageResults.getByRole('option').filter({ has: popup.locator(`a[href="${find.permalink}"]`) });
    await expect(message, `${entry.tool} message by "${find.message}"`).toHaveCount(1);
    // The matched (corrected) word is highlighted in the snippet.
    await expect(message.locator('mark').first()).toBeVisible();
  }

  // Priya is priya-r on GitHub and praman on GitLab: from: finds her on both, tool: narrows.
  for (const [tool, handle] of [['github', 'priya-r'], ['gitlab', 'praman']] as const) {
    const results = await search(popup, `from:priya tool:${tool}`);
    const options = results.getByRole('option');
    await expect(options.first()).toBeVisible();
    for (const option of await options.all()) {
      await expect(option).toContainText(tool === 'github' ? 'GitHub' : 'GitLab');
      await expect(option).toContainText('Priya Raman');
    }
    const byHandle = await search(popup, `from:${handle} tool:${tool}`);
    await expect(byHandle.getByRole('option')).toHaveCount(await options.count());
  }
  const everywhere = await search(popup, 'from:"Priya Raman" ');
  await expect(everywhere.getByRole('option').first()).toBeVisible();
  const tools = await everywhere.locator('.tool').allTextContents();
  expect(new Set(tools).size).toBeGreaterThanOrEqual(4);

  // Unknown operators are searched as words and explained.
  await search(popup, 'color:terraform');
  await expect(popup.getByRole('list', { name: 'How your query was read' })).toContainText('"color:" is not an operator');

  // Keyboard: ↓ moves to the second result, Enter opens it in the current tab.
  const results = await search(popup, 'handbook');
  await expect(results.getByRole('option').nth(1)).toBeVisible();
  await popup.keyboard.press('ArrowDown');
  await expect(results.getByRole('option').nth(1)).toHaveAttribute('aria-selected', 'true');
  const [first, second] = await Promise.all([0, 1].map((i) => results.getByRole('option').nth(i).locator('a').getAttribute('href')));
  // Ctrl+Enter opens the selected result in a new tab (in the background), and the popup stays.
  const tabUrls = () => popup.evaluate(async () => (await chrome.tabs.query({})).filter((t) => !t.active).map((t) => t.url));
  await popup.keyboard.press('Control+Enter');
  await expect.poll(tabUrls).toContain(second);
  await popup.keyboard.press('ArrowUp');
  await popup.keyboard.press('Enter');
  // Enter opens it in the current tab (here the popup's own tab, since a test opens the popup as a page).
  await expect(popup).toHaveURL(first!);
});

test('an archived record leaves the results and can be restored', async ({ ownBrowser: browser, page, extensionPage }) => {
  const github = pages.find((p) => p.tool === 'github')!;
  await serveFixtures(browser.context, [github]);
  await page.goto(github.url);
  const options = await extensionPage('options');
  await expect.poll(() => storedTools(options), { timeout: 20_000 }).toContain('github');

  const popup = await extensionPage('popup');
  const results = await search(popup, 'checklist handoff');
  const pageResult = results.getByRole('option').filter({ has: popup.locator(`a[href="${github.url}"]`) });
  await expect(pageResult).toHaveCount(1);
  await pageResult.getByRole('button', { name: /^Archive/ }).click();
  await expect(pageResult).toHaveCount(0);
  await expect(popup.getByRole('status').filter({ hasText: 'Archived' })).toBeVisible();

  // Gone from a fresh popup too; restored from the options page.
  const again = await extensionPage('popup');
  await expect((await search(again, 'checklist handoff')).locator(`a[href="${github.url}"]`)).toHaveCount(0);
  await options.reload();
  const restore = options.getByRole('list', { name: 'Archived records' }).getByRole('button', { name: /^Restore Document the on-call handoff/ });
  await restore.click();
  await expect(options.getByText('Nothing archived.')).toBeVisible();
  const restored = await extensionPage('popup');
  await expect((await search(restored, 'checklist handoff')).locator(`a[href="${github.url}"]`)).toHaveCount(1);
});

test('a post is captured once it has been on screen, not before', async ({ ownBrowser: browser, page, extensionPage }) => {
  const url = 'https://github.com/acme/open-handbook/issues/2';
  await serveFixtures(browser.context, [], { [url]: githubIssue(40, 1) });
  await page.goto(url);
  const options = await extensionPage('options');
  const keys = async () => (await storedRecords(options)).map((r) => r.key);
  const first = `${url}#issuecomment-1000`;
  const last = `${url}#issuecomment-1039`;
  await expect.poll(keys, { timeout: 10_000 }).toContain(first);
  // The page and the posts in view are stored; the last comment, far below, is not read at all.
  expect(await keys()).toContain(url);
  expect(await keys()).not.toContain(last);
  await page.locator('#issuecomment-1039').scrollIntoViewIfNeeded();
  await expect.poll(keys, { timeout: 10_000 }).toContain(last);
});
