/**
 * Runs inside the private mount namespace set up by tests/harness/policy.ts's runWithFirefoxPolicy
 * (never on its own): Firefox ESR starts with a policies.json that force-installs Daylight from a
 * local .xpi and configures it, and this script reports, as JSON on stdout, what Firefox and
 * Daylight did. The spec (tests/firefox/org-install.spec.ts) asserts on the report.
 *
 *   org-install.child.ts <self-hosted GitLab origin>
 */
import type { Page } from 'puppeteer-core';
import { GECKO_ID } from '../../../lib/extension-ids';
import { fixture } from '../../harness/fixture-catalog';
import { EXTENSION_ORIGIN, launchFirefox, pollPage } from '../../harness/firefox';
import { poll } from '../../e2e/policy/child-helpers';

const [gitlabOrigin = ''] = process.argv.slice(2);

/** How the options page shows one setting: locked, its control disabled, and the value it shows. */
const settingView = (options: Page, key: string) =>
  options.evaluate((key) => {
    const field = document.querySelector(`[data-setting="${key}"]`);
    const control = field?.querySelector<HTMLInputElement | HTMLSelectElement>('input, select, textarea');
    return {
      locked: field?.getAttribute('data-locked') ?? null,
      note: field?.querySelector('.locked')?.textContent ?? null,
      disabled: control?.disabled ?? null,
      value: control?.value ?? null,
    };
  }, key);

const github = fixture('github', 'issue-react-public.html');
const saasGitlab = fixture('gitlab', 'issue-legacy-public.html');
const selfHostedGitlab = { ...saasGitlab, url: saasGitlab.url.replace('https://gitlab.com', gitlabOrigin) };
const result: Record<string, unknown> = {};
// Unsigned: ESR installs it only with signatures not required.
const firefox = await launchFirefox({ install: false, prefs: { 'xpinstall.signatures.required': false } });
try {
  firefox.serve([github, selfHostedGitlab]);
  const probe = await firefox.newPage();
  // The policy installs the add-on shortly after start-up: its pages answer once it has.
  const installedAt = Date.now();
  result.installed = await poll(
    async () => {
      void probe.goto(`${EXTENSION_ORIGIN}/welcome.html`, { timeout: 0 }).catch(() => undefined);
      return pollPage(probe, () => location.protocol === 'moz-extension:' && document.readyState === 'complete', undefined, 2_000).then(
        () => true,
        () => false,
      );
    },
    Boolean,
    30_000,
  );
  result.installSeconds = (Date.now() - installedAt) / 1000;
  result.addon = await probe.evaluate(() => ({ id: chrome.runtime.id, version: chrome.runtime.getManifest().version })).catch(() => null);
  result.geckoId = GECKO_ID;
  await probe.close();

  const options = await firefox.extensionPage('options');
  result.managed = await poll(() => options.evaluate(() => chrome.storage.managed.get()), (v) => 'helpdeskUrl' in v, 10_000);
  await pollPage(options, () => document.querySelector('[data-setting="helpdeskUrl"][data-locked="true"]') !== null, undefined, 10_000).catch(() => undefined);
  result.settings = Object.fromEntries(await Promise.all(['privateWarning', 'helpdeskUrl', 'directoryUrl', 'archiveNudge'].map(async (key) => [key, await settingView(options, key)])));
  result.toolsRow = await poll(
    () =>
      options.evaluate((origin) => {
        const row = document.querySelector(`#tools tr[data-origin="${origin}"]`);
        return row && { source: row.getAttribute('data-source'), registration: row.getAttribute('data-registration'), text: row.textContent, removable: row.querySelector('button') !== null };
      }, gitlabOrigin),
    (row) => row?.registration === 'registered',
    15_000,
  );
  // The directory named by policy is fetched on install.
  const afterReload = async () => {
    // Puppeteer's reload waits for a load event BiDi never reports on extension pages; the old document is marked.
    await options.evaluate(() => {
      (window as unknown as { stale: boolean }).stale = true;
      location.reload();
    }).catch(() => undefined);
    await pollPage(options, () => !('stale' in window) && document.querySelector('[data-testid="people-count"]') !== null, undefined);
    return options.evaluate(() => document.querySelector('[data-testid="people-count"]')?.textContent ?? null);
  };
  result.peopleCount = await poll(afterReload, (text) => text?.startsWith('30 ') === true, 20_000);

  const page = await firefox.newPage();
  await page.goto(github.url);
  result.githubPeople = await poll(
    () => page.evaluate(() => [...document.querySelectorAll('[data-daylight-handle]')].map((e) => [e.getAttribute('data-daylight-handle'), e.getAttribute('data-daylight-person')])),
    (pairs) => pairs.some(([, person]) => person !== null),
    15_000,
  );
  await page.goto(selfHostedGitlab.url);
  // Evaluated functions declare no inner functions: tsx, which runs this script, would name them with a helper the page lacks.
  result.selfHostedMarkers = await poll(
    () =>
      page.evaluate(() => ({
        tool: document.documentElement.getAttribute('data-daylight-tool'),
        kind: document.documentElement.getAttribute('data-daylight-kind'),
        place: document.documentElement.getAttribute('data-daylight-place'),
        handles: [...document.querySelectorAll('[data-daylight-handle]')].map((e) => e.getAttribute('data-daylight-handle')),
      })),
    (m) => m.place === 'public',
    15_000,
  );
} catch (error) {
  result.error = error instanceof Error ? error.stack : String(error);
} finally {
  await firefox.close();
}
process.stdout.write(`${JSON.stringify(result)}\n`);
