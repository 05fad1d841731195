import type { Page } from 'puppeteer-core';
import { TOOL_IDS, type ToolId } from '../../lib/tools/tool-ids';
import { storedRecords } from '../e2e/pages/stored-records';
import { loadFixtureCatalog } from '../harness/fixture-catalog';
import { launchFirefox, pollPage, type FirefoxDaylight } from '../harness/firefox';
import { liveOrigin, startLiveServers, type LiveServers } from '../harness/live/browser';
import { SESSION_COOKIES, VISITED_GITLAB_ISSUE } from '../harness/live/corpus';
import { startSaasProxy } from '../harness/live/firefox-proxy';
import { seedDemoDirectory, useSettings } from './seed';
import { expect, test as shared } from './test';

/**
 * Live search in Firefox, against the loopback servers of tests/harness/live/ (as
 * tests/e2e/live-search.spec.ts in Chromium): Mattermost, Phabricator and Slack configured on their
 * loopback origins, GitHub, GitLab and Asana asked on their real hosts, which a TLS proxy passes to
 * theirs (tests/harness/live/firefox-proxy.ts). The background's credentialed fetch is Firefox's
 * own: its cookie jar, its host permissions, its SameSite rules.
 */
const test = shared.extend<{ ownFirefox: FirefoxDaylight; servers: LiveServers }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  servers: async ({}, use) => {
    const servers = await startLiveServers();
    await use(servers);
    await Promise.all(Object.values(servers).map((s) => s.close()));
  },
  ownFirefox: async ({ servers }, use) => {
    const proxy = await startSaasProxy(servers);
    const fresh = await launchFirefox({ prefs: proxy.prefs, acceptInsecureCerts: true });
    await use(fresh);
    await fresh.close();
    await proxy.close();
  },
});

/** As a signed-in user has them: each tool's session cookie (HttpOnly, SameSite=Lax), and Mattermost's CSRF cookie. */
async function signIn(firefox: FirefoxDaylight, servers: LiveServers): Promise<void> {
  const context = firefox.browser.defaultBrowserContext();
  await context.setCookie(
    ...(['github', 'gitlab', 'asana', 'gitea'] as const).map((tool) => ({ name: SESSION_COOKIES[tool], value: `session-${tool}`, domain: new URL(liveOrigin(tool, servers)).hostname, path: '/', secure: true, httpOnly: true, sameSite: 'Lax' as const })),
    { name: SESSION_COOKIES.gitea, value: 'session-gitea', domain: 'codeberg.org', path: '/', secure: true, httpOnly: true, sameSite: 'Lax' as const },
    ...(['mattermost', 'phabricator', 'slack'] as const).map((tool) => ({ name: SESSION_COOKIES[tool], value: `session-${tool}`, domain: '127.0.0.1', path: '/', httpOnly: true, sameSite: 'Lax' as const })),
    { name: 'MMCSRF', value: 'mm-csrf', domain: '127.0.0.1', path: '/' },
  );
}

type Status = { state: string | null; text: string; signIn: string | null };
const statuses = (popup: Page) =>
  popup.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('[data-daylight-live-status]')].map((li) => [
        li.getAttribute('data-tool'),
        { state: li.getAttribute('data-state'), text: li.textContent ?? '', signIn: li.querySelector('a[href]')?.getAttribute('href') ?? null },
      ]),
    ) as Record<string, Status>,
  );
/** Each result option: its link, where it came from, and its text. */
const results = (popup: Page) =>
  popup.evaluate(() =>
    [...document.querySelectorAll('[role="listbox"][aria-label="Results"] [role="option"]')].map((option) => ({
      href: option.querySelector('a[href]')?.getAttribute('href') ?? '',
      source: option.getAttribute('data-daylight-source'),
      text: option.textContent ?? '',
    })),
  );

async function type(popup: Page, text: string): Promise<void> {
  await popup.evaluate(() => (document.querySelector('input[type="search"][aria-label="Search"]') as HTMLInputElement).select());
  await popup.keyboard.type(text);
  await pollPage(popup, (text) => (document.querySelector('input[type="search"]') as HTMLInputElement).value === text, text);
}

test('an item never visited is found live on every tool, one found live and locally shows once, and a signed-out tool says so while the others answer', async ({
  ownFirefox: firefox,
  servers,
}) => {
  test.setTimeout(90_000);
  await seedDemoDirectory(firefox);
  await useSettings(firefox, { liveSearch: { slack: true }, selfHosted: { mattermost: [servers.mattermost.origin], phabricator: [servers.phabricator.origin], slack: [servers.slack.origin] } });
  await signIn(firefox, servers);
  // Mattermost behind a Fetch-Metadata CSRF check (POSTs only with Sec-Fetch-Site: same-origin): Chromium's
  // background sends `none` and is refused (the content-script relay then asks through an open tab,
  // tests/e2e/live-search.spec.ts); Firefox's background sends `same-origin` for an origin it has host access
  // to, and is answered directly.
  servers.mattermost.sameOriginPostsOnly = true;

  const gitlabPage = loadFixtureCatalog(['gitlab']).find((p) => p.url === VISITED_GITLAB_ISSUE)!;
  firefox.serve([gitlabPage]);
  const options = await firefox.extensionPage('options');
  const tab = await firefox.newPage();
  await tab.goto(VISITED_GITLAB_ISSUE);
  // The popup reads the index when it opens: the visited page is stored first.
  await expect.poll(async () => (await storedRecords(options)).map((r) => r.key), { timeout: 15_000 }).toContain(VISITED_GITLAB_ISSUE);

  const popup = await firefox.extensionPage('popup');
  await type(popup, 'terraform');
  const done = (tools: readonly ToolId[]) => Object.fromEntries(tools.map((tool) => [tool, expect.objectContaining({ state: 'done' })]));
  // The whole status list is compared, so that a failure shows what each tool said.
  await expect.poll(() => statuses(popup), { timeout: 10_000 }).toMatchObject(done(TOOL_IDS));
  const found = await results(popup);
  for (const tool of TOOL_IDS) {
    expect(found.some((r) => r.source === 'live' && r.href.startsWith(`${liveOrigin(tool, servers)}/`)), `${tool} live result`).toBe(true);
  }
  expect(servers.mattermost.searches.filter((s) => s.path === '/api/v4/posts/search').map((s) => s.fetchSite)).toEqual(['same-origin']);
  const visited = found.filter((r) => r.href === VISITED_GITLAB_ISSUE);
  expect(visited).toHaveLength(1);
  expect(visited[0]).toMatchObject({ source: 'local', text: expect.stringContaining('also found live') });
  // Live results are shown, not stored.
  const stored = (await storedRecords(options)).map((r) => r.key);
  expect(stored).toContain(VISITED_GITLAB_ISSUE);
  expect(stored.some((key) => key.includes('9001') || key.includes('merge_requests/77'))).toBe(false);

  // Signed out of GitLab (its session cookie gone, no GitLab tab open to ask through): GitLab says so,
  // with where to sign in; the others answer.
  await tab.close();
  const context = firefox.browser.defaultBrowserContext();
  await context.deleteCookie(...(await context.cookies()).filter((c) => c.name === SESSION_COOKIES.gitlab));
  await type(popup, 'monitoring');
  await expect.poll(async () => (await statuses(popup)).gitlab?.state, { timeout: 10_000 }).toBe('signed-out');
  expect((await statuses(popup)).gitlab?.signIn).toBe('https://gitlab.com/users/sign_in');
  await expect.poll(() => statuses(popup)).toMatchObject(done(TOOL_IDS.filter((t) => t !== 'gitlab')));
  const live = await results(popup);
  for (const tool of TOOL_IDS.filter((t) => t !== 'gitlab')) {
    expect(live.some((r) => r.source === 'live' && r.href.startsWith(`${liveOrigin(tool, servers)}/`)), `${tool} live result`).toBe(true);
  }
  expect(live.some((r) => r.source === 'live' && r.href.startsWith('https://gitlab.com/'))).toBe(false);
});
