import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { parseDirectoryCsv } from '../../lib/people/parse-csv';
import type { Directory } from '../../lib/people/schema';
import demoDirectory from '../fixtures/directory/demo-directory.json' with { type: 'json' };
import { launchDaylight, ROOT, type DaylightBrowser } from '../harness/chromium';
import { scimUser, startScimServer } from '../unit/people/scim-server';
import { test as base, expect } from './test';

const DEMO_FILE = path.join(ROOT, 'tests/fixtures/directory/demo-directory.json');

/**
 * Every test here starts from an empty directory: each gets its own Chromium profile (the shared
 * worker browser of test.ts keeps its database across tests and files, and these tests count
 * what an import adds). Launching one takes about a second.
 */
const test = base.extend<{ fresh: DaylightBrowser; options: Page; people: Locator; workDir: string }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  fresh: async ({}, use) => {
    const browser = await launchDaylight();
    await use(browser);
    await browser.close();
  },
  options: async ({ fresh }, use) => {
    const page = await fresh.context.newPage();
    await page.goto(`chrome-extension://${fresh.extensionId}/options.html`);
    await use(page);
  },
  people: async ({ options }, use) => {
    await use(options.locator('section#people'));
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  workDir: async ({}, use) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'daylight-people-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
});

// Each test launches its own Chromium, so the tests may share the workers in any order; on a loaded
// two-core machine one needs more than 30 s.
test.describe.configure({ mode: 'parallel', timeout: 60_000 });

const table = (people: Locator) => people.getByRole('table', { name: 'People' });
const row = (people: Locator, name: string | RegExp) => table(people).getByRole('row', { name });

/** Import the demo directory through the file input, and apply it. */
async function importDemo(people: Locator): Promise<void> {
  await people.getByLabel('Import a directory file').setInputFiles(DEMO_FILE);
  await expect(people.getByTestId('import-counts').locator('[data-count="added"]')).toHaveText('30 added');
  await people.getByRole('button', { name: 'Apply' }).click();
  await expect(people.getByTestId('people-count')).toHaveText('30 people in the directory.');
}

/** The people of a directory as plain, comparable values, by id. */
function normalised(list: ReadonlyArray<Record<string, unknown>>): Record<string, unknown>[] {
  return [...list].sort((a, b) => String(a.id).localeCompare(String(b.id)));
}

test('importing the demo directory file previews 30 added, and Apply stores them', async ({ people }) => {
  await expect(people.getByTestId('people-count')).toHaveText('0 people in the directory.');
  const input = people.getByLabel('Import a directory file');
  await expect(input).toHaveAttribute('type', 'file');
  await expect(input).toHaveAttribute('accept', '.json,.csv,application/json,text/csv');
  await input.setInputFiles(DEMO_FILE);

  const preview = people.getByTestId('import-preview');
  await expect(preview.getByRole('heading')).toContainText('demo-directory.json');
  const counts = preview.getByTestId('import-counts');
  await expect(counts.locator('[data-count="added"]')).toHaveText('30 added');
  await expect(counts.locator('[data-count="changed"]')).toHaveText('0 changed');
  await expect(counts.locator('[data-count="archived"]')).toHaveText('0 archived');
  await expect(counts.locator('[data-count="restored"]')).toHaveText('0 restored');
  await expect(preview.locator('details[data-list="added"] li')).toHaveCount(30);
  await expect(preview.locator('details[data-list="added"]')).toContainText('Priya Raman');
  // Nothing is written before Apply.
  await expect(people.getByTestId('people-count')).toHaveText('0 people in the directory.');

  await people.getByRole('button', { name: 'Apply' }).click();
  await expect(people.getByTestId('people-count')).toHaveText('30 people in the directory.');
  await expect(people.getByTestId('import-status')).toContainText('Imported demo-directory.json: 30 added, 0 changed, 0 archived.');
  await expect(people.getByTestId('import-preview')).toHaveCount(0);
  await expect(people.getByTestId('import-history').getByRole('listitem')).toHaveCount(1);
  await expect(people.getByTestId('import-history')).toContainText('demo-directory.json, 30 added');
  await expect(row(people, /Priya Raman/)).toContainText('U0PRIYA001');

  // Cancel discards a preview and writes nothing.
  await people.getByLabel('Import a directory file').setInputFiles(DEMO_FILE);
  await expect(people.getByTestId('import-counts').locator('[data-count="unchanged"]')).toHaveText('30 unchanged');
  await expect(people.getByRole('button', { name: 'Apply' })).toBeDisabled();
  await people.getByRole('button', { name: 'Cancel' }).click();
  await expect(people.getByTestId('import-preview')).toHaveCount(0);
  await expect(people.getByTestId('import-history').getByRole('listitem')).toHaveCount(1);
});

test('a CSV with bad rows is refused, every bad row is listed by line, and the previous people are intact', async ({ people, workDir }) => {
  await importDemo(people);
  const file = path.join(workDir, 'bad-people.csv');
  writeFileSync(
    file,
    [
      'id,name,email,team,title,github,gitlab,slack,mattermost,asana,phabricator',
      'ada,Ada Lovelace,ada@acme.example,Research,,ada-l,,,,,',
      'nameless,,nameless@acme.example,Research,,,,,,,',
      'bob,Bob Jones,not-an-email,Research,,,,,,,',
      'ada,Ada Again,ada2@acme.example,Research,,,,,,,',
      '',
    ].join('\n'),
  );
  await people.getByLabel('Import a directory file').setInputFiles(file);

  const alert = people.getByTestId('import-errors');
  await expect(alert).toHaveAttribute('role', 'alert');
  await expect(alert.getByRole('heading')).toHaveText('3 problems in bad-people.csv: nothing was imported');
  const items = alert.getByRole('listitem');
  await expect(items).toHaveText([/^Line 3: name: name is empty$/, /^Line 4: email: "not-an-email" is not a valid e-mail address$/, /^Line 5: id: id "ada" is already used on line 2$/]);
  await expect(people.getByTestId('import-preview')).toHaveCount(0);
  await expect(people.getByTestId('people-count')).toHaveText('30 people in the directory.');
  await expect(people.getByTestId('import-history').getByRole('listitem')).toHaveCount(1);
  await expect(row(people, /Priya Raman/)).toContainText('Platform');

  // The same file, fixed, imports (and would archive the 30 people it no longer lists).
  writeFileSync(file, ['id,name,email,team,title,github', 'ada,Ada Lovelace,ada@acme.example,Research,,ada-l', ''].join('\n'));
  await people.getByLabel('Import a directory file').setInputFiles(file);
  const counts = people.getByTestId('import-counts');
  await expect(counts.locator('[data-count="added"]')).toHaveText('1 added');
  await expect(counts.locator('[data-count="archived"]')).toHaveText('30 archived');
  await people.getByRole('button', { name: 'Cancel' }).click();
  await expect(people.getByTestId('people-count')).toHaveText('30 people in the directory.');
});


test('pasted text previews changed fields; Undo of the import and Undo from the history restore the directory', async ({ people }) => {
  await importDemo(people);
  const next = structuredClone(demoDirectory) as Directory;
  const priya = next.people.find((p) => p.id === 'priya');
  if (!priya) throw new Error('the demo directory has no priya');
  priya.team = 'Infrastructure';
  next.people.push({ id: 'zed', name: 'Zed Quist', email: 'zed@acme.example', team: 'Support', title: 'Agent', handles: { github: ['zquist', 'LENA-K'], slack: 'U0ZED00031' } });

  await people.getByLabel('Paste').fill(JSON.stringify(next));
  await people.getByRole('button', { name: 'Import', exact: true }).click();
  const preview = people.getByTestId('import-preview');
  await expect(preview.getByTestId('import-counts')).toContainText('1 added');
  await expect(preview.getByTestId('import-counts')).toContainText('1 changed');
  await expect(preview.getByTestId('import-counts')).toContainText('0 archived');
  await expect(preview.locator('details[data-list="changed"] li')).toHaveText(/Priya Raman \(priya\): team$/);
  await expect(preview.locator('details[data-list="added"] li')).toHaveText('Zed Quist (zed)');
  // Zed claims Lena's GitHub login (logins are case-insensitive): a conflict, with its fix.
  const conflict = preview.getByTestId('import-conflicts').getByRole('listitem');
  await expect(conflict).toHaveCount(1);
  await expect(conflict).toContainText('belongs to 2 people');
  await expect(conflict).toContainText('Fix: Keep');
  await people.getByRole('button', { name: 'Apply' }).click();
  await expect(people.getByTestId('people-count')).toHaveText('31 people in the directory.');
  await expect(row(people, /Priya Raman/)).toContainText('Infrastructure');
  await people.getByLabel('Show conflicts only').check();
  await expect(table(people).locator('[role="row"][data-person]')).toHaveCount(2);
  await expect(row(people, /Zed Quist/)).toContainText('1 conflict');
  await expect(row(people, /Lena Kowalski/)).toBeVisible();
  await people.getByLabel('Show conflicts only').uncheck();

  // Undo right after applying.
  await people.getByTestId('import-status').getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(people.getByTestId('import-status')).toHaveText('Undid the import of pasted text: 1 restored, 1 archived.');
  await expect(people.getByTestId('people-count')).toHaveText('30 people in the directory.');
  await expect(row(people, /Priya Raman/)).toContainText('Platform');

  // The history: newest first, the undone import without an Undo button.
  const history = people.getByTestId('import-history').getByRole('listitem');
  await expect(history).toHaveCount(2);
  await expect(history.nth(0)).toContainText('pasted text');
  await expect(history.nth(0)).toContainText('Undone');
  await expect(history.nth(0).getByRole('button')).toHaveCount(0);
  await expect(history.nth(1)).toContainText('demo-directory.json');
  await history.nth(1).getByRole('button', { name: /^Undo the import of demo-directory\.json/ }).click();
  await expect(people.getByTestId('people-count')).toHaveText('0 people in the directory.');
  await expect(people.getByRole('status').filter({ hasText: 'Undid the import of demo-directory.json' })).toHaveText(
    'Undid the import of demo-directory.json: 0 restored, 30 archived.',
  );
  await expect(history.nth(1)).toContainText('Undone');
});

test('search finds a person by a Slack handle, case-insensitively', async ({ people }) => {
  await importDemo(people);
  const search = people.getByRole('searchbox', { name: 'Search people' });
  await search.fill('U0LENA0003');
  await expect(table(people).locator('[role="row"][data-person]')).toHaveCount(1);
  await expect(row(people, /Lena Kowalski/)).toContainText('U0LENA0003');
  await expect(people.getByTestId('people-shown')).toHaveText('Showing 1 of 30 people.');
  await search.fill('u0lena0003');
  await expect(table(people).locator('[role="row"][data-person]')).toHaveCount(1);
  await search.fill('no such person anywhere');
  await expect(table(people).locator('[role="row"][data-person]')).toHaveCount(0);
  await expect(people.getByText('No one matches.')).toBeVisible();
  await search.fill('');
  await expect(table(people)).toHaveAttribute('aria-rowcount', '31');

  // Sorting by a column toggles its direction and says so with aria-sort.
  const nameHeader = table(people).getByRole('columnheader', { name: 'Name' });
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  await nameHeader.getByRole('button').click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  const teamHeader = table(people).getByRole('columnheader', { name: 'Team' });
  await teamHeader.getByRole('button').click();
  await expect(teamHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(nameHeader).toHaveAttribute('aria-sort', 'none');
});

test('editing a person’s team validates the form, saves through the background and shows the new team', async ({ options, people }) => {
  await importDemo(people);
  await people.getByRole('searchbox', { name: 'Search people' }).fill('lena');
  await row(people, /Lena Kowalski/).getByRole('button', { name: 'Edit Lena Kowalski' }).click();
  const dialog = options.getByRole('dialog', { name: 'Edit Lena Kowalski' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Id')).toHaveValue('lena');
  await expect(dialog.getByLabel('Slack handles')).toHaveValue('U0LENA0003');

  // A bad e-mail is reported on its field and nothing is sent.
  await dialog.getByLabel('E-mail').fill('not an e-mail');
  await dialog.getByLabel('Team').fill('Growth');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByLabel('E-mail')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toContainText('"not an e-mail" is not a valid e-mail address');
  await expect(dialog.getByLabel('E-mail')).toBeFocused();

  await dialog.getByLabel('E-mail').fill('lena@acme.example');
  await dialog.getByLabel('GitHub handles').fill('lena-k, lena-kowalski');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(row(people, /Lena Kowalski/)).toContainText('Growth');
  // Focus goes back to the button that opened the form.
  await expect(row(people, /Lena Kowalski/).getByRole('button', { name: 'Edit Lena Kowalski' })).toBeFocused();
  await expect(row(people, /Lena Kowalski/)).toContainText('lena-k, lena-kowalski');
  await options.reload();
  await people.getByRole('searchbox', { name: 'Search people' }).fill('lena-kowalski');
  await expect(row(people, /Lena Kowalski/)).toContainText('Growth');

  // "Add person" opens the same form, empty; Escape closes it without saving.
  await people.getByRole('button', { name: 'Add person' }).click();
  const add = options.getByRole('dialog', { name: 'Add a person' });
  await expect(add.getByLabel('Name')).toHaveValue('');
  await add.getByLabel('Id').fill('lena');
  await add.getByLabel('Name').fill('Another Lena');
  await add.getByRole('button', { name: 'Save' }).click();
  await expect(add).toContainText('id "lena" is already used');
  await options.keyboard.press('Escape');
  await expect(add).toBeHidden();
  await expect(people.getByTestId('people-count')).toHaveText('30 people in the directory.');
});

test('a handle on a self-hosted instance (tool:host) can be added to a person', async ({ options, people }) => {
  await importDemo(people);
  await people.getByRole('searchbox', { name: 'Search people' }).fill('lena');
  await row(people, /Lena Kowalski/).getByRole('button', { name: 'Edit Lena Kowalski' }).click();
  const dialog = options.getByRole('dialog', { name: 'Edit Lena Kowalski' });
  const instance = dialog.getByLabel('Self-hosted instance (tool:host)');
  await instance.fill('jira:jira.acme.internal');
  await dialog.getByRole('button', { name: 'Add instance' }).click();
  await expect(dialog.getByRole('alert')).toContainText('such as gitlab:gitlab.acme.internal');
  await instance.fill('gitlab:gitlab.acme.internal');
  await instance.press('Enter');
  const field = dialog.getByRole('textbox', { name: /gitlab\.acme\.internal/ });
  await field.fill('lkowalski');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await people.getByRole('searchbox', { name: 'Search people' }).fill('lkowalski');
  await expect(row(people, /Lena Kowalski/)).toBeVisible();
});

test("a person's time zone and working hours are edited in the form, checked like every field, and shown in the list", async ({ options, people }) => {
  await importDemo(people);
  await people.getByRole('searchbox', { name: 'Search people' }).fill('lena');
  await row(people, /Lena Kowalski/).getByRole('button', { name: 'Edit Lena Kowalski' }).click();
  const dialog = options.getByRole('dialog', { name: 'Edit Lena Kowalski' });
  await dialog.getByRole('combobox', { name: 'Time zone' }).fill('Europe/Warsow');
  await dialog.getByRole('textbox', { name: 'Working hours' }).fill('9 to 5');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toContainText('"Europe/Warsow" is not a time zone');
  await expect(dialog).toContainText('"9 to 5" is not working hours');
  await expect(dialog.getByRole('combobox', { name: 'Time zone' })).toBeFocused();
  await dialog.getByRole('combobox', { name: 'Time zone' }).fill('Europe/Warsaw');
  await dialog.getByRole('textbox', { name: 'Working hours' }).fill('09:00-17:00');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(row(people, /Lena Kowalski/)).toContainText(/\d{2}:\d{2}( [AP]M)? · Warsaw/);
});

test('a person can be archived and restored', async ({ people }) => {
  await importDemo(people);
  await row(people, /Lena Kowalski/).getByRole('button', { name: 'Archive Lena Kowalski' }).click();
  await expect(people.getByTestId('people-count')).toHaveText('29 people in the directory.');
  await expect(row(people, /Lena Kowalski/)).toHaveCount(0);

  await people.getByLabel(/Show archived/).check();
  const archived = row(people, /Lena Kowalski/);
  await expect(archived).toHaveAttribute('data-archived', 'true');
  await expect(archived).toContainText('Archived');
  await archived.getByRole('button', { name: 'Restore Lena Kowalski' }).click();
  await expect(people.getByTestId('people-count')).toHaveText('30 people in the directory.');
  await expect(row(people, /Lena Kowalski/)).not.toHaveAttribute('data-archived', 'true');
});

test('Export JSON and Export CSV download the active people, and both read back as the same directory', async ({ options, people }) => {
  await importDemo(people);
  await row(people, /Lena Kowalski/).getByRole('button', { name: 'Archive Lena Kowalski' }).click();
  await expect(people.getByTestId('people-count')).toHaveText('29 people in the directory.');
  const expected = normalised(demoDirectory.people.filter((p) => p.id !== 'lena'));

  const jsonDownload = options.waitForEvent('download');
  await people.getByRole('button', { name: 'Export JSON' }).click();
  const json = await jsonDownload;
  expect(json.suggestedFilename()).toMatch(/^daylight-directory-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(readFileSync(await json.path(), 'utf8')) as { version: number; people: Record<string, unknown>[] };
  expect(exported.version).toBe(1);
  expect(normalised(exported.people)).toEqual(expected);

  const csvDownload = options.waitForEvent('download');
  await people.getByRole('button', { name: 'Export CSV' }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  const parsed = parseDirectoryCsv(readFileSync(await csv.path(), 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  expect(normalised(parsed.directory.people as Record<string, unknown>[])).toEqual(expected);

  // Importing the export again changes nothing.
  await people.getByLabel('Import a directory file').setInputFiles(await json.path());
  await expect(people.getByTestId('import-counts').locator('[data-count="unchanged"]')).toHaveText('29 unchanged');
  await expect(people.getByTestId('import-preview')).toContainText('Nothing would change');
});

test('a SCIM import pages a real SCIM server, shows progress, previews and applies', async ({ fresh, people }) => {
  const users = Array.from({ length: 250 }, (_, i) => scimUser(i + 1, i === 0 ? { ims: [{ type: 'slack', value: 'U0SCIM0001' }] } : {}));
  const server = await startScimServer({ users, token: 'scim-secret' });
  try {
    // Slow each page down a little, so the progress is on screen long enough to see.
    await fresh.context.route(
      (url) => url.href.startsWith(server.baseUrl),
      async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        await route.continue();
      },
    );
    await people.getByLabel('SCIM base URL').fill(server.baseUrl);
    await people.getByLabel('SCIM token').fill('wrong');
    await people.getByRole('button', { name: 'Import from SCIM' }).click();
    await expect(people.getByTestId('import-errors')).toContainText('HTTP 401');
    await expect(people.getByTestId('import-errors')).not.toContainText('wrong');

    await people.getByLabel('SCIM token').fill('scim-secret');
    await people.getByRole('button', { name: 'Import from SCIM' }).click();
    await expect(people.getByTestId('import-progress')).toContainText(/of 250 users/);
    const counts = people.getByTestId('import-counts');
    await expect(counts.locator('[data-count="added"]')).toHaveText('250 added', { timeout: 15_000 });
    expect(server.requests.filter((r) => r.includes('startIndex=')).length).toBeGreaterThanOrEqual(3);
    await people.getByRole('button', { name: 'Apply' }).click();
    await expect(people.getByTestId('people-count')).toHaveText('250 people in the directory.');
    await expect(people.getByTestId('import-history')).toContainText(`SCIM ${server.baseUrl}`);
    await people.getByRole('searchbox', { name: 'Search people' }).fill('U0SCIM0001');
    await expect(row(people, /User 1\b/)).toContainText('Platform');
  } finally {
    await fresh.context.unrouteAll({ behavior: 'ignoreErrors' });
    await server.close();
  }
});

test('Directory sync shows the last fetch of the organisation URL, and Sync now fetches again', async ({ options, people }) => {
  let body = JSON.stringify(demoDirectory);
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/people.json`;
    const sync = people.getByTestId('directory-sync');
    await expect(sync).toContainText('No directory URL is set');
    await expect(sync.getByRole('button', { name: 'Sync now' })).toBeDisabled();
    const setting = options.locator('section#settings').getByLabel('Directory URL');
    await setting.fill(url);
    await setting.press('Enter');
    // A new URL is fetched at once by the background.
    await expect(sync).toContainText(/Last synced .*: 30 people\./, { timeout: 10_000 });
    await expect(people.getByTestId('people-count')).toHaveText('30 people in the directory.');

    body = '{"version": 1, "people": [{"id": "x"}]}';
    await sync.getByRole('button', { name: 'Sync now' }).click();
    await expect(sync).toContainText(/Last sync .* failed: .*name/);
    await expect(people.getByTestId('people-count')).toHaveText('30 people in the directory.');
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

test('hostile names render as inert, clipped text', async ({ options, people }) => {
  await importDemo(people);
  const hostile = `<img src=x onerror="window.__pwned=1">\u202Egnp.exe ${'W'.repeat(9_900)}`;
  await people.getByRole('button', { name: 'Add person' }).click();
  const add = options.getByRole('dialog', { name: 'Add a person' });
  await add.getByLabel('Id').fill('hostile');
  await add.getByLabel('Name').fill(hostile);
  await add.getByLabel('Team').fill('<b>bold</b>');
  await add.getByLabel('Slack handles').fill('U0HOSTILE1');
  await add.getByRole('button', { name: 'Save' }).click();
  await expect(add).toBeHidden();
  await expect(people.getByTestId('people-count')).toHaveText('31 people in the directory.');

  await people.getByRole('searchbox', { name: 'Search people' }).fill('U0HOSTILE1');
  const hostileRow = table(people).locator('[data-person="hostile"]');
  await expect(hostileRow).toContainText('<img src=x onerror="window.__pwned=1">');
  await expect(hostileRow).toContainText('<b>bold</b>');
  await expect(hostileRow.locator('img, b')).toHaveCount(0);
  await expect(options.locator('section#people img')).toHaveCount(0);
  expect(await options.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  // The name is isolated (<bdi>) and clipped to its column, not stretched across the page.
  await expect(hostileRow.locator('[data-column="name"] bdi').first()).toHaveText(hostile);
  const nameCell = await hostileRow.locator('[data-column="name"]').boundingBox();
  expect(nameCell?.width).toBeLessThanOrEqual(241);
  const after = await hostileRow.locator('[data-column="team"]').boundingBox();
  expect(after?.x).toBeLessThan((nameCell?.x ?? 0) + 260);
});

test('50,000 people: only a window of rows is rendered, scrolling and the keyboard reach the last one', async ({ options, people }) => {
  test.setTimeout(120_000);
  const many = Array.from({ length: 50_000 }, (_, i) => {
    const n = String(i).padStart(5, '0');
    return { id: `p${n}`, name: `Person ${n}`, email: `p${n}@acme.example`, team: `Team ${i % 50}`, handles: { github: `gh-${n}`, slack: `U0P${n}XX` } };
  });
  const answer = await options.evaluate(
    (directory) => chrome.runtime.sendMessage({ daylight: 1, type: 'directory-replace', payload: { directory, source: 'e2e 50k' } }),
    { version: 1, people: many },
  );
  expect(answer).toMatchObject({ ok: true, data: { added: 50_000 } });
  await options.reload();
  await expect(people.getByTestId('people-count')).toHaveText('50,000 people in the directory.', { timeout: 30_000 });

  const grid = table(people);
  await expect(grid).toHaveAttribute('aria-rowcount', '50001');
  const rendered = grid.locator('[role="row"][data-person]');
  expect(await rendered.count()).toBeLessThan(80);
  await expect(grid.locator('[data-person="p00000"]')).toHaveAttribute('aria-rowindex', '2');

  await grid.evaluate((element) => {
    element.scrollTop = element.scrollHeight;
  });
  await expect(grid.locator('[data-person="p49999"]')).toBeVisible();
  await expect(grid.locator('[data-person="p49999"]')).toHaveAttribute('aria-rowindex', '50001');
  expect(await rendered.count()).toBeLessThan(80);

  // Keyboard: from a row's Edit button, arrows move to the same button in the next row; Ctrl+Home goes to the first.
  await grid.locator('[data-person="p49999"]').getByRole('button', { name: 'Edit Person 49999' }).focus();
  await options.keyboard.press('ArrowUp');
  await expect(grid.getByRole('button', { name: 'Edit Person 49998' })).toBeFocused();
  await options.keyboard.press('Control+Home');
  await expect(grid.getByRole('button', { name: 'Edit Person 00000' })).toBeFocused();
  await options.keyboard.press('ArrowDown');
  await options.keyboard.press('Tab');
  await expect(grid.getByRole('button', { name: 'Archive Person 00001' })).toBeFocused();

  // Searching all 50,000 stays quick.
  const started = Date.now();
  await people.getByRole('searchbox', { name: 'Search people' }).fill('u0p31415');
  await expect(rendered).toHaveCount(1);
  expect(Date.now() - started).toBeLessThan(3_000);
});
