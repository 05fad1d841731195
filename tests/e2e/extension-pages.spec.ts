import { fixture } from '../harness/fixture-catalog';
import { serveFixtures } from '../harness/serve-fixtures';
import demoDirectory from '../fixtures/directory/demo-directory.json' with { type: 'json' };
import { expect, test } from './test';

test('the welcome page opens on first install and says what stays on the device', async ({ daylight }) => {
  const welcome = daylight.context.pages().find((p) => p.url().endsWith('/welcome.html'))
    ?? (await daylight.context.waitForEvent('page', { predicate: (p) => p.url().endsWith('/welcome.html'), timeout: 10_000 }));
  await expect(welcome.getByRole('heading', { name: 'What stays on this device' })).toBeVisible();
});

test('the options page imports a directory through the background and lists the people', async ({ extensionPage }) => {
  const options = await extensionPage('options');
  const change = await options.evaluate(
    (directory) =>
      chrome.runtime.sendMessage({ daylight: 1, type: 'directory-replace', payload: { directory, source: 'e2e' } }),
    demoDirectory,
  );
  expect(change).toEqual({ ok: true, data: expect.objectContaining({ archived: 0 }) });
  await options.reload();
  await expect(options.getByTestId('people-count')).toHaveText('30 people in the directory.');
  await expect(options.getByRole('table', { name: 'People' }).getByRole('row', { name: /Priya Raman/ })).toContainText('U0PRIYA001');
});

test('the background refuses an invalid directory and keeps the previous one', async ({ extensionPage }) => {
  const options = await extensionPage('options');
  const answer = await options.evaluate(() =>
    chrome.runtime.sendMessage({ daylight: 1, type: 'directory-replace', payload: { directory: { version: 1, people: [{ id: '' }] }, source: 'e2e' } }),
  );
  expect(answer).toMatchObject({ ok: false, error: expect.stringMatching(/Invalid "directory-replace" request/) });
});

test('a setting saved in options applies, and is used by the popup', async ({ extensionPage }) => {
  const options = await extensionPage('options');
  const helpdesk = options.getByLabel('Help desk link');
  await helpdesk.fill('https://help.acme.example/daylight');
  await helpdesk.press('Enter');
  const popup = await extensionPage('popup');
  await expect(popup.getByRole('link', { name: 'Get help' })).toHaveAttribute('href', 'https://help.acme.example/daylight');
  await helpdesk.fill('not a url');
  await helpdesk.press('Enter');
  await expect(options.getByRole('alert')).toContainText('helpdeskUrl');
});

test('the popup reports what Daylight sees on the active tab', async ({ daylight, page, extensionPage }) => {
  const issue = fixture('slack', 'channel-public.html');
  await serveFixtures(daylight.context, [issue]);
  await page.goto(issue.url);
  await expect(page.locator('html')).toHaveAttribute('data-daylight-tool', 'slack');
  // The popup asks the active tab; opened as a tab itself, it reports on itself unless we target the host tab.
  const popup = await extensionPage('popup');
  // Without the tabs permission no tab URL is readable, so ask every tab and keep the answers.
  const states = await popup.evaluate(async () => {
    const tabs = await chrome.tabs.query({});
    const answers = await Promise.all(
      tabs.map((tab) => chrome.tabs.sendMessage(tab.id!, { daylight: 1, type: 'page-state', payload: {} }).catch(() => null)),
    );
    return answers.filter((a) => a !== null);
  });
  expect(states).toHaveLength(1);
  const [state] = states;
  expect(state).toMatchObject({ ok: true, data: { tool: 'slack', kind: 'channel', featureErrors: [] } });
  await expect(popup.getByTestId('page-status')).toHaveAttribute('data-active', 'false');
});

test('Diagnostics in options shows which selectors matched on the pages visited', async ({ daylight, page, extensionPage }) => {
  const issue = fixture('github', 'issue-react-public.html');
  await serveFixtures(daylight.context, [issue]);
  await page.goto(issue.url);
  await expect(page.locator('html')).toHaveAttribute('data-daylight-place', 'public');
  const options = await extensionPage('options');
  // The report is sent once the page has settled (1.5 s after navigation).
  await expect(async () => {
    await options.reload();
    await expect(options.locator('details[data-tool="github"]')).toBeAttached({ timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await options.locator('details[data-tool="github"] summary').click();
  const table = options.getByRole('table', { name: 'GitHub selectors' });
  await expect(table.locator('tr[data-selector="reactComment"]')).toHaveAttribute('data-matched', 'true');
  await expect(table.locator('tr[data-selector="classicPullBody"]')).toContainText('found nothing');
});
