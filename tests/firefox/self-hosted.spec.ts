import type { ElementHandle, Page } from 'puppeteer-core';
import { fixture } from '../harness/fixture-catalog';
import { launchFirefox, pollPage, type FirefoxDaylight } from '../harness/firefox';
import { DaylightPage } from '../e2e/pages/daylight-page';
import { expect, test as shared } from './test';

/**
 * A self-hosted GitLab added in Options → Tools, in a Firefox whose user took away Daylight's access
 * to all sites: adding the origin asks Firefox for that origin in the click (prompts answered
 * "allow": extensions.webextOptionalPermissionPrompts off), and its pages then get Daylight.
 */
const test = shared.extend<{ ownFirefox: FirefoxDaylight }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  ownFirefox: async ({}, use) => {
    const fresh = await launchFirefox({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
    await use(fresh);
    await fresh.close();
  },
});

const ORIGIN = 'https://code.acme.internal';

const rowState = (options: Page) =>
  options.evaluate((origin) => {
    const row = document.querySelector(`#tools tr[data-origin="${origin}"]`);
    return row && { source: row.getAttribute('data-source'), registration: row.getAttribute('data-registration'), visit: row.getAttribute('data-visit'), text: row.textContent };
  }, ORIGIN);

/** Type into the add-origin form's Origin box and press its button, as a person does. */
async function addOrigin(options: Page, tool: string, origin: string): Promise<string | null> {
  await options.select('#tools form[aria-label="Add a self-hosted instance"] select', tool);
  const box = (await options.$('#tools form[aria-label="Add a self-hosted instance"] input'))!;
  await box.evaluate((input) => ((input as HTMLInputElement).value = ''));
  await box.type(origin);
  const button = (await options.$('#tools form[aria-label="Add a self-hosted instance"] button[type="submit"]')) as ElementHandle<Element>;
  await button.click();
  // The form either shows its alert or clears its box once the origin is saved.
  await pollPage(options, () => {
    const form = document.querySelector('#tools form[aria-label="Add a self-hosted instance"]')!;
    return form.querySelector('[role="alert"]') !== null || (form.querySelector('input') as HTMLInputElement).value === '';
  }, undefined);
  return options.evaluate(() => document.querySelector('#tools form[aria-label="Add a self-hosted instance"] [role="alert"]')?.textContent ?? null);
}

test('Options → Tools: a self-hosted GitLab added there is granted access in the click, registered, marked, detected, and removed', async ({ ownFirefox: firefox }) => {
  test.setTimeout(60_000);
  const options = await firefox.extensionPage('options');
  // As a user does who switched off "Access your data for all websites" in about:addons.
  expect(await options.evaluate(() => chrome.permissions.remove({ origins: ['https://*/*', 'http://*/*'] }))).toBe(true);
  expect(await options.evaluate((o) => chrome.permissions.contains({ origins: [`${o}/*`] }), ORIGIN)).toBe(false);

  expect(await addOrigin(options, 'gitlab', `${ORIGIN}/acme/handbook`)).toBe(`Only the origin, without a path: did you mean ${ORIGIN}?`);
  expect(await addOrigin(options, 'gitlab', ORIGIN)).toBeNull();
  await expect.poll(() => rowState(options)).toMatchObject({ source: 'user', registration: 'registered', visit: 'none' });
  // The click that added it asked Firefox for the origin: granted, so Options lists nothing to allow.
  expect(await options.evaluate((o) => chrome.permissions.contains({ origins: [`${o}/*`] }), ORIGIN)).toBe(true);
  expect(await options.$(`[data-testid="host-access"] li[data-pattern="${ORIGIN}/*"]`)).toBeNull();

  const saas = fixture('gitlab', 'issue-legacy-public.html');
  const gitlab = { ...saas, url: saas.url.replace('https://gitlab.com', ORIGIN) };
  firefox.serve([gitlab], { [`${ORIGIN}/wiki`]: '<!doctype html><title>Wiki</title><p>Not GitLab</p>' });
  const tab = await firefox.newPage();
  await tab.goto(gitlab.url);
  const host = new DaylightPage(tab);
  await expect.poll(() => host.markers()).toEqual({ tool: 'gitlab', kind: gitlab.kind, place: 'public' });
  await expect.poll(() => host.deepAttributes('[data-daylight-handle]', 'data-daylight-handle')).toEqual(gitlab.mentions);

  // Options is read in the background: the tab stays selected, since Firefox runs only that one and
  // the page reports its visit once it has settled there.
  const afterReload = async () => {
    // Puppeteer's reload waits for a load event BiDi never reports on extension pages.
    // The old document is marked, so that only the new one's row is read.
    await options.evaluate(() => {
      (window as unknown as { stale: boolean }).stale = true;
      location.reload();
    }).catch(() => undefined);
    await pollPage(options, (origin) => !('stale' in window) && document.querySelector(`#tools tr[data-origin="${origin}"]`) !== null, ORIGIN);
    return (await rowState(options))?.visit;
  };
  await expect.poll(afterReload, { timeout: 15_000 }).toBe('detected');
  expect((await rowState(options))?.text).toContain('Detected as GitLab on the last visit');

  // A page there that is not GitLab is shown as a mismatch, not silently ignored.
  await tab.goto(`${ORIGIN}/wiki`);
  await expect.poll(afterReload, { timeout: 15_000 }).toBe('mismatch');

  await options.bringToFront();
  const remove = (await options.$(`#tools tr[data-origin="${ORIGIN}"] button[aria-label="Remove ${ORIGIN} (GitLab)"]`)) as ElementHandle<Element>;
  await remove.click();
  await expect.poll(() => rowState(options)).toBeNull();
  await expect.poll(() => options.evaluate(() => chrome.scripting.getRegisteredContentScripts().then((s) => s.map((x) => x.id)))).toEqual([]);
});
