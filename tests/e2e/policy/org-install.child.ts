/**
 * Runs inside the private mount namespace set up by tests/harness/policy.ts (never on its own):
 * Chromium reads a policy that force-installs Daylight from a local update server and configures
 * it, and this script reports, as JSON on stdout, what the browser and Daylight did. The spec
 * (org-install.spec.ts) serves the packages and asserts on the report.
 *
 *   org-install.child.ts <extension id> <self-hosted GitLab origin>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { launchDaylight } from '../../harness/chromium';
import { fixture } from '../../harness/fixture-catalog';
import { POLICY_DIR } from '../../harness/policy';
import { serveFixtures } from '../../harness/serve-fixtures';
import { DaylightPage } from '../pages/daylight-page';
import { markers, poll } from './child-helpers';

const [extensionId = '', gitlabOrigin = ''] = process.argv.slice(2);

/** How the options page shows one setting: locked, its control disabled, and the value it shows. */
const settingView = (options: Page, key: string) =>
  options.locator(`[data-setting="${key}"]`).evaluate((field) => {
    const control = field.querySelector<HTMLInputElement | HTMLSelectElement>('input, select, textarea');
    return {
      locked: field.getAttribute('data-locked'),
      note: field.querySelector('.locked')?.textContent ?? null,
      disabled: control?.disabled ?? null,
      value: control?.value ?? null,
    };
  });

const github = fixture('github', 'issue-react-public.html');
const saasGitlab = fixture('gitlab', 'issue-legacy-public.html');
const selfHostedGitlab = { ...saasGitlab, url: saasGitlab.url.replace('https://gitlab.com', gitlabOrigin) };
const result: Record<string, unknown> = {};
const browser = await launchDaylight({ policyInstalledId: extensionId });
try {
  result.installedId = browser.extensionId;
  await serveFixtures(browser.context, [github, selfHostedGitlab]);
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  result.version = await options.evaluate(() => chrome.runtime.getManifest().version);
  // Chromium publishes managed storage about a second after the install.
  result.managed = await poll(() => options.evaluate(() => chrome.storage.managed.get()), (v) => 'helpdeskUrl' in v, 20_000);
  result.welcomeOpened = browser.context.pages().some((p) => p.url() === `chrome-extension://${extensionId}/welcome.html`);

  await options.reload();
  await options.locator('[data-setting="helpdeskUrl"][data-locked="true"]').waitFor({ timeout: 10_000 });
  result.settings = Object.fromEntries(
    await Promise.all(['privateWarning', 'helpdeskUrl', 'directoryUrl', 'archiveNudge'].map(async (key) => [key, await settingView(options, key)])),
  );
  result.helpLink = await options.getByRole('link', { name: 'Get help' }).getAttribute('href');
  const row = options.locator(`#tools tr[data-origin="${gitlabOrigin}"]`);
  await options.locator(`#tools tr[data-origin="${gitlabOrigin}"][data-registration="registered"]`).waitFor({ timeout: 15_000 });
  result.toolsRow = {
    source: await row.getAttribute('data-source'),
    registration: await row.getAttribute('data-registration'),
    text: await row.innerText(),
    removable: (await row.getByRole('button').count()) > 0,
  };
  // The directory named by policy is fetched on install.
  result.peopleCount = await poll(
    () => options.reload().then(() => options.getByTestId('people-count').innerText({ timeout: 5_000 })),
    (text) => text.startsWith('30 '),
    20_000,
  );

  const page = await browser.context.newPage();
  await page.goto(github.url);
  result.githubPeople = await poll(
    () => page.evaluate(() => [...document.querySelectorAll('[data-daylight-handle]')].map((e) => [e.getAttribute('data-daylight-handle'), e.getAttribute('data-daylight-person')])),
    (pairs) => pairs.some(([, person]) => person !== null),
    10_000,
  );

  // A policy change reaches the open tab live: the admin switches person cards off.
  const mention = page.locator('a[data-daylight-person]').first();
  const card = page.locator('[data-daylight="person-card"]');
  const cardOnFocus = async () => {
    await mention.evaluate((el: HTMLElement) => el.blur());
    await mention.focus();
    return card.count();
  };
  await mention.focus();
  await card.waitFor({ state: 'attached', timeout: 5_000 }).catch(() => undefined);
  result.cardBeforePolicyChange = await card.count();
  await mention.evaluate((el: HTMLElement) => el.blur());
  const file = path.join(POLICY_DIR, 'daylight-test.json');
  const policy = JSON.parse(readFileSync(file, 'utf8')) as { '3rdparty': { extensions: Record<string, Record<string, unknown>> } };
  policy['3rdparty'].extensions[extensionId]!.disabledFeatures = ['person-cards'];
  writeFileSync(file, JSON.stringify(policy));
  result.managedAfterChange = await poll(() => options.evaluate(() => chrome.storage.managed.get()), (v) => 'disabledFeatures' in v, 45_000);
  // The open tab restarts its features without person cards (a positive sign it heard the change).
  const running = () => new DaylightPage(page).featuresRunning(options);
  result.runningAfterPolicyChange = await poll(running, (ids) => ids.length > 0 && !ids.includes('person-cards'), 10_000);
  result.cardAfterPolicyChange = await cardOnFocus();
  await options.reload();
  result.featureToggle = await options
    .locator('[data-feature="person-cards"] input')
    .evaluate((box: HTMLInputElement) => ({ checked: box.checked, disabled: box.disabled }));

  await page.goto(selfHostedGitlab.url);
  result.selfHostedMarkers = await poll(() => markers(page), (m) => m.place === 'public', 15_000);
  // The page reports what it found once it has settled; Options → Tools shows it for the origin.
  result.toolsVisit = await poll(
    () => options.reload().then(() => row.getAttribute('data-visit', { timeout: 5_000 })),
    (visit) => visit !== 'none',
    15_000,
  );
} catch (error) {
  result.error = error instanceof Error ? error.stack : String(error);
} finally {
  await browser.close();
}
process.stdout.write(`${JSON.stringify(result)}\n`);
