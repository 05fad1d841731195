/**
 * Runs inside the private mount namespace set up by tests/harness/policy.ts (never on its own):
 * Chromium reads the test policy naming a self-hosted instance of the tool given as the first
 * argument, at the origin given second, and the saved page given third is served there (moved from
 * its SaaS host when it was saved there). This script reports, as JSON on stdout, what Daylight did.
 * The spec (self-hosted.spec.ts) asserts on it.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchDaylight } from '../../harness/chromium';
import { fixture } from '../../harness/fixture-catalog';
import { POLICY_DIR } from '../../harness/policy';
import { serveFixtures } from '../../harness/serve-fixtures';
import { markers, poll } from './child-helpers';
import type { ToolId } from '../../../lib/tools/tool-ids';

const [TOOL, ORIGIN, FILE] = process.argv.slice(2) as [ToolId, string, string];

const saved = fixture(TOOL, FILE);
const selfHosted = { ...saved, url: ORIGIN + saved.url.slice(new URL(saved.url).origin.length) };
const result: Record<string, unknown> = {};
const browser = await launchDaylight();
try {
  await serveFixtures(browser.context, [selfHosted], { [`${ORIGIN}/explore`]: '<!doctype html><title>Not the tool</title><p>A wiki page</p>' });
  const extensionPage = await browser.context.newPage();
  await extensionPage.goto(`chrome-extension://${browser.extensionId}/options.html`);
  result.managed = await poll(() => extensionPage.evaluate(() => chrome.storage.managed.get()), (v) => 'selfHosted' in v, 15_000);
  const registered = () => extensionPage.evaluate(() => chrome.scripting.getRegisteredContentScripts());
  result.registered = await poll(registered, (v) => v.length > 0, 15_000);

  const page = await browser.context.newPage();
  await page.goto(selfHosted.url);
  result.selfHostedMarkers = await poll(() => markers(page), (m) => m.place === saved.place, 10_000);
  await page.goto(`${ORIGIN}/explore`);
  // Daylight's script ran there and found no such tool: Options → Tools shows the visit as a mismatch.
  const row = extensionPage.locator(`tr[data-origin="${ORIGIN}"]`);
  result.notToolVisit = await poll(
    async () => {
      await extensionPage.reload();
      return row.getAttribute('data-visit', { timeout: 2_000 }).catch(() => null);
    },
    (visit) => visit === 'mismatch',
    15_000,
  );
  result.notToolMarkers = await markers(page);

  // The admin removes the origin: Chromium reloads the policy and Daylight unregisters it live.
  writeFileSync(path.join(POLICY_DIR, 'daylight-test.json'), JSON.stringify({ DeveloperToolsAvailability: 1 }));
  result.registeredAfterRemoval = await poll(registered, (v) => v.length === 0, 45_000);
} catch (error) {
  result.error = error instanceof Error ? error.stack : String(error);
} finally {
  await browser.close();
}
process.stdout.write(`${JSON.stringify(result)}\n`);
