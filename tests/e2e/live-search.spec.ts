import { LIVE_SETTLE_MS } from '../../components/useLiveSearch';
import type { Page } from '@playwright/test';
import { TOOL_IDS, type ToolId } from '../../lib/tools/tool-ids';
import { launchDaylight, type DaylightBrowser } from '../harness/chromium';
import { loadFixtureCatalog } from '../harness/fixture-catalog';
import { liveOrigin as originOf, setUpLiveSearch, startLiveServers, type LiveServers } from '../harness/live/browser';
import { SESSION_COOKIES, VISITED_GITLAB_ISSUE } from '../harness/live/corpus';
import { serveFixtures } from '../harness/serve-fixtures';
import { seedDemoDirectory } from './demo-directory';
import { expect, test as shared } from './test';

/**
 * Live search end to end: each tool's own search stands on a loopback server (tests/harness/live/).
 * Mattermost, Phabricator and Slack are configured on their loopback origins (the browser sends
 * their cookies itself); GitHub, GitLab and Asana are asked on their real hosts, which Playwright
 * routes to the loopback servers with the cookies the browser holds for those hosts.
 */
const test = shared.extend<{ ownBrowser: DaylightBrowser; servers: LiveServers }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  ownBrowser: async ({}, use) => {
    const fresh = await launchDaylight();
    await use(fresh);
    await fresh.close();
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  servers: async ({}, use) => {
    const servers = await startLiveServers();
    await use(servers);
    await Promise.all(Object.values(servers).map((s) => s.close()));
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

const status = (popup: Page, tool: ToolId) => popup.locator(`[data-daylight-live-status][data-tool="${tool}"]`);
/** The keys of every record stored, read from the extension's own database (lib/search/record-store.ts). */
function storedKeys(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const open = indexedDB.open('daylight');
    const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
    if (!db.objectStoreNames.contains('searchChunks')) return [];
    const chunks = await new Promise<Array<{ records: string[] }>>((resolve) => {
      const request = db.transaction('searchChunks').objectStore('searchChunks').getAll();
      request.onsuccess = () => resolve(request.result as Array<{ records: string[] }>);
    });
    db.close();
    return chunks.flatMap((c) => c.records.map((r) => (JSON.parse(r) as { key: string }).key));
  });
}
const liveOptions = (popup: Page, origin: string) => popup.locator(`[role=option][data-daylight-source="live"]:has(a[href^="${origin}/"])`);
const clearSearches = (servers: LiveServers) => Object.values(servers).forEach((s) => (s.searches.length = 0));

test('on every tool an item never visited is found live; one found live and locally shows once', async ({ ownBrowser: browser, servers, page, extensionPage }) => {
  test.setTimeout(90_000);
  await seedDemoDirectory(browser.context, browser.extensionId);
  const gitlabPage = loadFixtureCatalog(['gitlab']).find((p) => p.url === VISITED_GITLAB_ISSUE)!;
  await serveFixtures(browser.context, [gitlabPage]);
  await setUpLiveSearch(browser, servers);
  await page.goto(VISITED_GITLAB_ISSUE);
  await expect(page.locator('html')).toHaveAttribute('data-daylight-tool', 'gitlab');
  // The visited page is stored before the popup opens (the popup reads the index when it opens).
  const optionsPage = await extensionPage('options');
  await expect.poll(() => storedKeys(optionsPage), { timeout: 15_000 }).toContain(VISITED_GITLAB_ISSUE);

  const popup = await extensionPage('popup');
  const box = popup.getByRole('searchbox', { name: 'Search' });
  await box.fill('terraform');
  for (const tool of TOOL_IDS) {
    await expect(status(popup, tool), tool).toHaveAttribute('data-state', 'done');
    await expect(liveOptions(popup, originOf(tool, servers)).first(), `${tool} live result`).toBeVisible();
  }
  await expect(popup.locator(`[role=option] a[href="${VISITED_GITLAB_ISSUE}"]`)).toHaveCount(1);
  const both = popup.locator(`[role=option]:has(a[href="${VISITED_GITLAB_ISSUE}"])`);
  await expect(both).toHaveAttribute('data-daylight-source', 'local');
  await expect(both).toContainText('also found live');
  // Keyboard as before: the first result is selected, ↓ moves on through live ones too.
  const options = popup.getByRole('option');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await popup.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  // Live results are shown, not stored: nothing of them is in the database.
  const stored = await storedKeys(popup);
  expect(stored).toContain(VISITED_GITLAB_ISSUE);
  expect(stored.some((key) => key.includes('9001') || key.includes('merge_requests/77'))).toBe(false);
});

test('a signed-out tool says so while the others answer; key-by-key typing sends one search per tool; tool:, from: and a changed answer', async ({ ownBrowser: browser, servers, extensionPage }) => {
  test.setTimeout(90_000);
  await seedDemoDirectory(browser.context, browser.extensionId);
  await setUpLiveSearch(browser, servers);
  await browser.context.clearCookies({ name: SESSION_COOKIES.gitlab });
  const popup = await extensionPage('popup');
  const box = popup.getByRole('searchbox', { name: 'Search' });

  // The gaps between keystrokes as the popup saw them: on a busy machine one can exceed the settle time,
  // and then the word typed so far has settled and is rightly searched.
  await popup.evaluate(() => {
    const gaps: number[] = [];
    let last: number | undefined;
    document.addEventListener('input', () => {
      const now = performance.now();
      if (last !== undefined) gaps.push(now - last);
      last = now;
    }, true);
    (window as unknown as { keystrokeGaps: number[] }).keystrokeGaps = gaps;
  });
  await box.pressSequentially('monitoring', { delay: 60 });
  const pauses = (await popup.evaluate(() => (window as unknown as { keystrokeGaps: number[] }).keystrokeGaps)).filter((gap) => gap >= LIVE_SETTLE_MS).length;
  await expect(status(popup, 'gitlab')).toHaveAttribute('data-state', 'signed-out');
  await expect(status(popup, 'gitlab').getByRole('link', { name: 'Sign in to GitLab' })).toHaveAttribute('href', 'https://gitlab.com/users/sign_in');
  for (const tool of TOOL_IDS.filter((t) => t !== 'gitlab')) {
    await expect(status(popup, tool), tool).toHaveAttribute('data-state', 'done');
    await expect(liveOptions(popup, originOf(tool, servers)).first(), `${tool} live result`).toBeVisible();
  }
  for (const tool of TOOL_IDS) {
    const paths = servers[tool].searches.map((s) => s.path);
    const described = servers[tool].searches.map((s) => `${s.path} ${s.query}`).join(', ');
    expect(paths.length, `${tool} searched`).toBeGreaterThan(0);
    if (pauses === 0) {
      // One search per tool for the ten keystrokes: no endpoint asked twice (Phabricator has two, Asana tries two).
      expect(new Set(paths).size, `${tool}: ${described}`).toBe(paths.length);
      // …and for the whole word: nothing was sent while it was being typed.
      expect(servers[tool].searches.every((s) => s.query.includes('monitoring')), described).toBe(true);
    } else {
      // Typing paused past the settle time `pauses` times: at most one more search per endpoint for each pause.
      for (const path of new Set(paths)) expect(paths.filter((p) => p === path).length, `${tool}: ${described}`).toBeLessThanOrEqual(1 + pauses);
      expect(servers[tool].searches.at(-1)?.query, described).toContain('monitoring');
    }
  }

  clearSearches(servers);
  await box.fill('tool:github monitoring alerts');
  await expect(status(popup, 'github')).toHaveAttribute('data-state', 'done');
  for (const tool of TOOL_IDS.filter((t) => t !== 'github')) await expect(status(popup, tool)).toHaveAttribute('data-state', 'off');
  expect(TOOL_IDS.filter((t) => servers[t].searches.length > 0)).toEqual(['github']);

  clearSearches(servers);
  await box.fill('from:kit monitoring');
  await expect(status(popup, 'github')).toHaveAttribute('data-state', 'done');
  await expect(status(popup, 'mattermost')).toHaveAttribute('data-state', 'done');
  for (const tool of TOOL_IDS.filter((t) => t !== 'github' && t !== 'mattermost')) await expect(status(popup, tool)).toHaveAttribute('data-state', 'off');
  expect(TOOL_IDS.filter((t) => servers[t].searches.length > 0)).toEqual(['github', 'mattermost']);
  expect(decodeURIComponent(servers.github.searches[0]!.query.replace(/\+/g, ' '))).toContain('author:kit-gh');
  expect(servers.mattermost.searches[0]!.query).toContain('from:kit.mm');

  // GitHub's answer changes shape: that source says so and goes quiet; the others still answer.
  servers.github.mode = 'changed';
  await box.fill('terraform monitoring');
  await expect(status(popup, 'github')).toHaveAttribute('data-state', 'error');
  await expect(status(popup, 'github')).toContainText('changed shape');
  await expect(status(popup, 'mattermost')).toHaveAttribute('data-state', 'done');
  servers.github.mode = 'ok';
  const before = servers.github.searches.length;
  await box.fill('terraform monitoring dashboards');
  await expect(status(popup, 'github')).toContainText('paused');
  expect(servers.github.searches.length).toBe(before);
});

test('where the background is refused as signed out, an open signed-in tab of the origin makes the request; Daylight opens none', async ({ ownBrowser: browser, servers, extensionPage }) => {
  test.setTimeout(60_000);
  await setUpLiveSearch(browser, servers);
  // Mattermost on a host of its own (localhost): on 127.0.0.1 the Slack and Phabricator scripts share its tabs.
  const origin = servers.mattermost.origin.replace('127.0.0.1', 'localhost');
  const settingsPage = await extensionPage('welcome');
  await settingsPage.evaluate(async (mattermost) => {
    const { settings } = (await chrome.storage.local.get('settings')) as { settings: { selfHosted: Record<string, string[]> } };
    await chrome.storage.local.set({ settings: { ...settings, selfHosted: { ...settings.selfHosted, mattermost: [mattermost] } } });
  }, origin);
  await settingsPage.close();
  await browser.context.addCookies([
    { name: SESSION_COOKIES.mattermost, value: 'session-mattermost', url: origin, httpOnly: true, sameSite: 'Lax' },
    { name: 'MMCSRF', value: 'mm-csrf', url: origin },
  ]);
  // Mattermost behind Fetch-Metadata CSRF: the background's POST (Sec-Fetch-Site: none) is refused.
  servers.mattermost.sameOriginPostsOnly = true;
  const popup = await extensionPage('popup');
  const box = popup.getByRole('searchbox', { name: 'Search' });
  await box.fill('tool:mattermost terraform');
  await expect(status(popup, 'mattermost')).toHaveAttribute('data-state', 'signed-out');
  await expect(status(popup, 'mattermost')).toContainText('keep a Mattermost tab open');
  const onMattermost = () => browser.context.pages().filter((p) => p.url().startsWith(origin));
  expect(onMattermost()).toHaveLength(0);

  // The user has Mattermost open, signed in: the same search now goes through that tab.
  const tab = await browser.context.newPage();
  await tab.goto(`${origin}/acme/channels/town-square`);
  await expect(tab.locator('html')).toHaveAttribute('data-daylight-tool', 'mattermost');
  clearSearches(servers);
  await box.fill('tool:mattermost terraform handover');
  await expect(status(popup, 'mattermost')).toHaveAttribute('data-state', 'done');
  await expect(liveOptions(popup, origin).first()).toContainText('Terraform monitoring handover notes');
  const posts = servers.mattermost.searches.filter((s) => s.path === '/api/v4/posts/search');
  // The background's own request was refused, then the tab's went as the page's own.
  expect(posts.map((s) => s.fetchSite)).toEqual(['none', 'same-origin']);
  expect(onMattermost()).toHaveLength(1);

  // The next search goes through the tab at once.
  clearSearches(servers);
  await box.fill('tool:mattermost terraform notes');
  await expect(status(popup, 'mattermost')).toHaveAttribute('data-state', 'done');
  expect(servers.mattermost.searches.filter((s) => s.path === '/api/v4/posts/search').map((s) => s.fetchSite)).toEqual(['same-origin']);
});

test('a tool with more answers offers the next page, asked of that tool alone', async ({ ownBrowser: browser, servers, extensionPage }) => {
  test.setTimeout(60_000);
  await setUpLiveSearch(browser, servers);
  const popup = await extensionPage('popup');
  await popup.getByRole('searchbox', { name: 'Search' }).fill('incident archive');
  const mattermost = liveOptions(popup, servers.mattermost.origin);
  await expect(status(popup, 'mattermost')).toHaveAttribute('data-state', 'done');
  await expect(mattermost).toHaveCount(10);
  for (const tool of TOOL_IDS) await expect(status(popup, tool), tool).not.toHaveAttribute('data-state', 'searching');
  clearSearches(servers);
  const more = status(popup, 'mattermost').getByRole('button', { name: 'More from Mattermost' });
  await more.focus();
  await popup.keyboard.press('Enter');
  await expect(mattermost).toHaveCount(12);
  await expect(status(popup, 'mattermost')).toContainText('2 more found');
  await expect(more).toHaveCount(0);
  expect(TOOL_IDS.filter((t) => servers[t].searches.length > 0)).toEqual(['mattermost']);
  expect((JSON.parse(servers.mattermost.searches[0]!.query) as { page: number }).page).toBe(1);
  // The other tools kept their answers.
  await expect(status(popup, 'gitlab')).toHaveAttribute('data-state', 'done');
});
