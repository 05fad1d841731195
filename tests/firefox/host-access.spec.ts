import { fixture } from '../harness/fixture-catalog';
import { launchFirefox, pollPage, type FirefoxDaylight } from '../harness/firefox';
import { test as shared, expect } from './test';

/**
 * Firefox MV3 host permissions are the user's to withdraw per site. Prompts are answered "allow"
 * (extensions.webextOptionalPermissionPrompts off), so the test can press the grant button.
 */
const test = shared.extend<{ ownFirefox: FirefoxDaylight }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  ownFirefox: async ({}, use) => {
    const fresh = await launchFirefox({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
    await use(fresh);
    await fresh.close();
  },
});

const PATTERN = 'https://github.com/*';

test('withdrawn host access: no markers on the site, Options lists it, and its button grants it again', async ({ ownFirefox: firefox }) => {
  const entry = fixture('github', 'issue-react-public.html');
  const reachable = fixture('gitlab', 'issue-legacy-public.html');
  firefox.serve([entry, reachable]);
  const options = await firefox.extensionPage('options');
  // As the user's "withdraw" does on github.com: the broad grants and the site's own (gitlab.com keeps its own).
  expect(await options.evaluate((pattern) => chrome.permissions.remove({ origins: ['https://*/*', 'http://*/*', pattern] }), PATTERN)).toBe(true);
  const listed = () => options.evaluate(() => [...document.querySelectorAll('[data-testid="host-access"] li[data-pattern]')].map((li) => li.getAttribute('data-pattern')));
  await expect.poll(listed).toContain(PATTERN);

  const tab = await firefox.newPage();
  await tab.goto(entry.url);
  // A page Daylight may reach, opened after it, is marked; then, given frames again, this one still is not.
  const other = await firefox.newPage();
  await other.goto(reachable.url);
  await pollPage(other, () => document.documentElement.getAttribute('data-daylight-tool') === 'gitlab', undefined);
  await tab.bringToFront();
  const afterFrames = () =>
    tab.evaluate(
      () =>
        new Promise<string | null>((resolve) =>
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(document.documentElement.getAttribute('data-daylight-tool')))),
        ),
    );
  expect(await afterFrames()).toBeNull();

  await options.bringToFront();
  const button = await options.$(`[data-testid="host-access"] li[data-pattern="${PATTERN}"] button`);
  await button!.click();
  await expect.poll(listed).not.toContain(PATTERN);
  await tab.bringToFront();
  await tab.reload();
  await pollPage(tab, () => document.documentElement.getAttribute('data-daylight-tool') === 'github', undefined);
});
