import demoDirectory from '../fixtures/directory/demo-directory.json' with { type: 'json' };
import { inContentWorld } from '../harness/content-world';
import { fixture } from '../harness/fixture-catalog';
import { serveFixtures } from '../harness/serve-fixtures';
import { seedDemoDirectory } from './demo-directory';
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
