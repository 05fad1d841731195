import demoDirectory from '../fixtures/directory/demo-directory.json' with { type: 'json' };
import { inContentWorld } from '../harness/content-world';
import { fixture } from '../harness/fixture-catalog';
import { serveFixtures } from '../harness/serve-fixtures';
import { seedDemoDirectory } from './demo-directory';
import { DaylightPage } from './pages/daylight-page';
import type { Page } from '@playwright/test';
import { expect, test } from './test';

/** A Daylight message sent from where `send` runs; the background's answer. */
const sendFrom = (type: string, payload: unknown) =>
  `chrome.runtime.sendMessage({ daylight: 1, type: ${JSON.stringify(type)}, payload: ${JSON.stringify(payload)} })`;

test("the background refuses Options' messages from a tool tab's content script, as Chromium names that sender", async ({ daylight, page, extensionPage }) => {
  await seedDemoDirectory(daylight.context, daylight.extensionId);
  const issue = fixture('github', 'issue-react-public.html');
  await serveFixtures(daylight.context, [issue]);
  await page.goto(issue.url);
  await expect(page.locator('html')).toHaveAttribute('data-daylight-tool', 'github');

  const mallory = { person: { ...demoDirectory.people[0], name: 'Mallory' } };
  expect(await inContentWorld(page, sendFrom('person-save', mallory))).toEqual({
    ok: false,
    error: `Refused "person-save": only Daylight's own pages may send it, not a tool tab.`,
  });
  expect(await inContentWorld(page, sendFrom('directory-replace', { directory: { version: 1, people: [] }, source: 'attack' }))).toMatchObject({
    ok: false,
    error: expect.stringMatching(/^Refused "directory-replace"/),
  });
  // What the content script does send is answered there.
  expect(await inContentWorld(page, sendFrom('person-card', { id: 'priya' }))).toMatchObject({ ok: true, data: { card: { name: 'Priya Raman' } } });

  // Options (a tab of its own) is Daylight's page: the same request applies, and a tab's message is refused from it.
  const options = await extensionPage('options');
  expect(await options.evaluate(() => chrome.runtime.sendMessage({ daylight: 1, type: 'person-card', payload: { id: 'priya' } }))).toMatchObject({
    ok: false,
    error: `Refused "person-card": only a tool tab may send it, not Daylight's own pages.`,
  });
  await expect(options.getByRole('table', { name: 'People' }).getByRole('row', { name: /Priya Raman/ })).toBeVisible();
  expect(await options.evaluate((request) => chrome.runtime.sendMessage({ daylight: 1, type: 'person-save', payload: request }), mallory)).toEqual({
    ok: true,
    data: { ok: true },
  });
});

test.describe('a page cannot switch Daylight off', () => {
  const channel = fixture('slack', 'channel-private.html');
  const warning = (page: Page) => page.locator('[data-daylight="private-warning"]');
  const thankButtons = (page: Page) => page.locator('[data-daylight="thank"]');

  test("WXT's replacement event forged by the page leaves the private warning and the Thank buttons", async ({ daylight, page, extensionPage }) => {
    await seedDemoDirectory(daylight.context, daylight.extensionId);
    await serveFixtures(daylight.context, [channel]);
    await page.goto(channel.url);
    await expect(warning(page)).toHaveCount(channel.composers);
    await expect(thankButtons(page).first()).toBeAttached();
    const buttons = await thankButtons(page).count();
    // What WXT's newer script dispatches (`<extension id>:<entrypoint>:wxt:content-script-started`), from the page's own world.
    await page.evaluate((id) => {
      const type = `${id}:slack:wxt:content-script-started`;
      const detail = { contentScriptName: 'slack', messageId: 'forged' };
      document.dispatchEvent(new CustomEvent(type, { detail }));
      window.dispatchEvent(new CustomEvent(type, { detail }));
      window.postMessage({ type, contentScriptName: 'slack', messageId: 'forged' }, '*');
    }, daylight.extensionId);
    // Still there after the page moved on (a scroll re-reads; a stopped session would not answer).
    await page.mouse.wheel(0, 200);
    await expect(thankButtons(page)).toHaveCount(buttons);
    await expect(warning(page)).toHaveCount(channel.composers);
    // And the tab's Daylight still answers, its features running.
    const running = await new DaylightPage(page).featuresRunning(await extensionPage('welcome'));
    expect(running).toEqual(expect.arrayContaining(['private-warning', 'thank-buttons']));
  });
});
