/**
 * Runs inside the private mount namespace set up by tests/harness/policy.ts (never on its own):
 * Chromium reads the test policy naming a self-hosted GitLab, and this script reports, as JSON on
 * stdout, what Daylight did. The spec (self-hosted.spec.ts) asserts on it.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchDaylight } from '../../harness/chromium';
import { fixture } from '../../harness/fixture-catalog';
import { POLICY_DIR } from '../../harness/policy';
import { serveFixtures } from '../../harness/serve-fixtures';
import { markers, poll } from './child-helpers';

const ORIGIN = 'https://gitlab.example.com';

const saas = fixture('gitlab', 'issue-legacy-public.html');
const selfHosted = { ...saas, url: saas.url.replace('https://gitlab.com', ORIGIN) };
const result: Record<string, unknown> = {};
const browser = await launchDaylight();
try {
  await serveFixtures(browser.context, [selfHosted], { [`${ORIGIN}/explore`]: '<!doctype html><title>Not GitLab</title><p>A wiki page</p>' });
  const extensionPage = await browser.context.newPage();
  await extensionPage.goto(`chrome-extension://${browser.extensionId}/options.html`);
  result.managed = await poll(() => extensionPage.evaluate(() => chrome.storage.managed.get()), (v) => 'selfHosted' in v, 15_000);
  const registered = () => extensionPage.evaluate(() => chrome.scripting.getRegisteredContentScripts());
  result.registered = await poll(registered, (v) => v.length > 0, 15_000);

  const page = await browser.context.newPage();
  await page.goto(selfHosted.url);
  result.selfHostedMarkers = await poll(() => markers(page), (m) => m.place === 'public', 10_000);
  await page.goto(`${ORIGIN}/explore`);
  // Daylight's script ran there and found no GitLab: Options → Tools shows the visit as a mismatch.
  const row = extensionPage.locator(`tr[data-origin="${ORIGIN}"]`);
  result.notGitLabVisit = await poll(
    async () => {
      await extensionPage.reload();
      return row.getAttribute('data-visit', { timeout: 2_000 }).catch(() => null);
    },
    (visit) => visit === 'mismatch',
    15_000,
  );
  result.notGitLabMarkers = await markers(page);

  // The admin removes the origin: Chromium reloads the policy and Daylight unregisters it live.
  writeFileSync(path.join(POLICY_DIR, 'daylight-test.json'), JSON.stringify({ DeveloperToolsAvailability: 1 }));
  result.registeredAfterRemoval = await poll(registered, (v) => v.length === 0, 45_000);
} catch (error) {
  result.error = error instanceof Error ? error.stack : String(error);
} finally {
  await browser.close();
}
process.stdout.write(`${JSON.stringify(result)}\n`);
