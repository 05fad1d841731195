import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, expect, type CDPSession, type Page } from '@playwright/test';
import { githubIssue } from '../bench/synthetic-pages';
import { launchDaylight, type DaylightBrowser } from '../harness/chromium';
import { serveFixtures } from '../harness/serve-fixtures';
import { seedDemoDirectory } from './demo-directory';
import { storedRecords } from './pages/stored-records';

/**
 * Faults (issue 16): the service worker stopped in the middle of a directory import, Options closed
 * in the middle of one, ten tabs capturing at once, a host page that fights Daylight, and the extension reloaded under open tabs. After each: the counts of people
 * and records are what they should be, nothing is half-written, and the host page kept working.
 * State is seeded directly and every wait is on a condition. Each test has its own Chromium profile:
 * they count what is stored.
 */
const test = base.extend<{ fresh: DaylightBrowser; workDir: string }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  fresh: async ({}, use) => {
    const browser = await launchDaylight();
    await use(browser);
    await browser.close();
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  workDir: async ({}, use) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'daylight-faults-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
});
test.describe.configure({ mode: 'parallel', timeout: 90_000 });

const DEMO_PEOPLE = 30;
const BIG = 100_000;

async function openPage(fresh: DaylightBrowser, name: 'options' | 'welcome'): Promise<Page> {
  const page = await fresh.context.newPage();
  await page.goto(`chrome-extension://${fresh.extensionId}/${name}.html`);
  return page;
}

/** Stop Daylight's service worker as Chromium does when it idles or crashes it (CDP ServiceWorker.stopAllWorkers). */
async function stopServiceWorker(cdp: CDPSession): Promise<void> {
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
}

/** Active and archived people as stored, read from the database on an extension page. */
function storedPeople(page: Page): Promise<{ active: number; all: number }> {
  return page.evaluate(async () => {
    const open = indexedDB.open('daylight');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const chunks = await new Promise<Array<{ people: Array<{ archivedAt?: number }> }>>((resolve) => {
      const request = db.transaction('directory').objectStore('directory').getAll();
      request.onsuccess = () => resolve(request.result as Array<{ people: Array<{ archivedAt?: number }> }>);
    });
    db.close();
    const people = chunks.flatMap((c) => c.people);
    return { active: people.filter((p) => p.archivedAt === undefined).length, all: people.length };
  });
}

function bigCsv(dir: string): string {
  const file = path.join(dir, 'people.csv');
  const rows = ['id,name,email,team,github'];
  for (let i = 0; i < BIG; i += 1) rows.push(`p${i},Person ${i},person${i}@acme.example,Team ${i % 40},gh-${i}`);
  writeFileSync(file, `${rows.join('\n')}\n`);
  return file;
}

/** Preview the big file on Options and press Apply; resolves once the first part is with the background. */
async function startBigApply(options: Page, file: string): Promise<void> {
  const people = options.locator('section#people');
  await people.getByLabel('Import a directory file').setInputFiles(file);
  await expect(people.getByTestId('import-counts').locator('[data-count="added"]')).toHaveText(/^100[,.]?000 added$/, { timeout: 60_000 });
  await people.getByRole('button', { name: 'Apply' }).click();
  await expect(people.getByTestId('import-progress')).toContainText(/[1-9]\d* of 20 parts/, { timeout: 30_000 });
}

test.describe('a directory import is all or nothing when interrupted, and Options says which', () => {
  test('the service worker stopped while the parts arrive: nothing stored, the page and reopened Options say so', async ({ fresh, workDir }) => {
    await seedDemoDirectory(fresh.context, fresh.extensionId);
    const options = await openPage(fresh, 'options');
    const cdp = await fresh.context.newCDPSession(options);
    await startBigApply(options, bigCsv(workDir));
    await stopServiceWorker(cdp);
    await expect(options.getByRole('alert').filter({ hasText: 'stopped before it was applied: nothing was changed' })).toBeVisible();
    expect(await storedPeople(options)).toEqual({ active: DEMO_PEOPLE, all: DEMO_PEOPLE });

    await options.close();
    const reopened = await openPage(fresh, 'options');
    const outcome = reopened.getByTestId('import-outcome');
    await expect(outcome).toHaveAttribute('data-state', 'interrupted');
    await expect(outcome).toContainText('nothing of it was stored');
    await expect(reopened.getByTestId('people-count')).toContainText(`${DEMO_PEOPLE} people`);
    expect(await storedPeople(reopened)).toEqual({ active: DEMO_PEOPLE, all: DEMO_PEOPLE });
  });

  test('Options closed while the parts are sent: nothing stored, and reopened Options says so', async ({ fresh, workDir }) => {
    await seedDemoDirectory(fresh.context, fresh.extensionId);
    const options = await openPage(fresh, 'options');
    await startBigApply(options, bigCsv(workDir));
    await options.close();
    const reopened = await openPage(fresh, 'options');
    await expect(reopened.getByTestId('import-outcome')).toHaveAttribute('data-state', 'interrupted');
    expect(await storedPeople(reopened)).toEqual({ active: DEMO_PEOPLE, all: DEMO_PEOPLE });
  });
});

const issueUrl = (n: number) => `https://github.com/acme/open-handbook/issues/${n}`;
const recordsOf = async (page: Page, url: string) => (await storedRecords(page)).filter((r) => r.key.startsWith(url)).length;

test('ten tabs capturing at once store every page whole, and the service worker stopped mid-capture loses or doubles nothing', async ({ fresh }) => {
  const pages = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [issueUrl(500 + i), githubIssue(30, 2)]));
  await serveFixtures(fresh.context, [], pages);
  await seedDemoDirectory(fresh.context, fresh.extensionId);
  const welcome = await openPage(fresh, 'welcome');
  // One page alone first: what a whole capture of one of these pages is (one transaction: its first records are all of them).
  const alone = await fresh.context.newPage();
  await alone.goto(issueUrl(511));
  await expect.poll(() => recordsOf(welcome, issueUrl(511)), { timeout: 20_000 }).toBeGreaterThan(0);
  const whole = await recordsOf(welcome, issueUrl(511));

  const tabs = await Promise.all(Array.from({ length: 10 }, () => fresh.context.newPage()));
  await Promise.all(tabs.map((tab, i) => tab.goto(issueUrl(500 + i))));
  await expect.poll(async () => (await storedRecords(welcome)).length, { timeout: 30_000 }).toBe(whole * 11);
  for (let i = 0; i < 10; i += 1) expect(await recordsOf(welcome, issueUrl(500 + i))).toBe(whole);
  // The host pages kept working: their own script still runs and Daylight's buttons are there.
  for (const tab of tabs) {
    expect(await tab.evaluate(() => document.title)).toContain('Benchmark issue');
    await expect(tab.locator('[data-daylight="thank"]').first()).toBeAttached();
  }

  // Stopped as a capture is sent: reloading the page captures it again, once.
  const cdp = await fresh.context.newCDPSession(welcome);
  const last = tabs[0]!;
  await Promise.all([last.goto(issueUrl(510)), stopServiceWorker(cdp)]);
  await last.reload();
  await expect.poll(() => recordsOf(welcome, issueUrl(510)), { timeout: 20_000 }).toBe(whole);
  expect((await storedRecords(welcome)).length).toBe(whole * 12);
});

test('a host page that removes Daylight on every mutation: Daylight backs off and says so, the host’s own timer keeps time', async ({ fresh }) => {
  const strip = `window.__ticks = 0; setInterval(() => { window.__ticks += 1; }, 100);
new MutationObserver((records) => {
  for (const record of records) {
    if (record.type === 'attributes' && record.attributeName.startsWith('data-daylight') && record.target.hasAttribute(record.attributeName)) record.target.removeAttribute(record.attributeName);
    for (const node of record.addedNodes) if (node.nodeType === 1 && node.hasAttribute('data-daylight')) node.remove();
  }
}).observe(document.documentElement, { subtree: true, childList: true, attributes: true });`;
  await serveFixtures(fresh.context, [], { [issueUrl(700)]: githubIssue(50, 4).replace('</body>', `<script>${strip}</script></body>`) });
  await seedDemoDirectory(fresh.context, fresh.extensionId);
  const tab = await fresh.context.newPage();
  await tab.goto(issueUrl(700));
  const options = await openPage(fresh, 'options');
  // Diagnostics read the database when Options opens: open it again until the report is there.
  await expect
    .poll(
      async () => {
        await options.reload();
        return options.locator('#diagnostics').innerText();
      },
      { timeout: 20_000 },
    )
    .toContain('removes Daylight');
  // Over one second after Daylight gave up, the host's 100 ms timer fires about ten times.
  const ticks = await tab.evaluate(() => (window as unknown as { __ticks: number }).__ticks);
  await tab.bringToFront();
  await expect.poll(() => tab.evaluate(() => (window as unknown as { __ticks: number }).__ticks), { timeout: 5_000 }).toBeGreaterThanOrEqual(ticks + 8);
});

test('after the extension reloads, an open tab’s Thank button never answers "context invalidated"', async ({ fresh }) => {
  await seedDemoDirectory(fresh.context, fresh.extensionId);
  await serveFixtures(fresh.context, [], { [issueUrl(800)]: githubIssue(10, 1) });
  const tab = await fresh.context.newPage();
  await tab.goto(issueUrl(800));
  const thank = tab.locator('[data-daylight="thank"]').first();
  await expect(thank).toBeAttached();
  const [worker] = fresh.context.serviceWorkers();
  const restarted = fresh.context.waitForEvent('serviceworker', { timeout: 20_000 });
  await worker!.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
  await restarted;
  // The old tab's controls go (or are replaced by the new version's); none says the context is gone.
  await tab.bringToFront();
  await tab.mouse.move(10, 10);
  await expect.poll(async () => (await tab.content()).includes('context invalidated'), { timeout: 5_000 }).toBe(false);
  const buttons = tab.locator('[data-daylight="thank"] button, [data-daylight="thank"]');
  if ((await buttons.count()) > 0) {
    await buttons.first().click({ timeout: 5_000 }).catch(() => undefined);
    await expect(tab.locator('body')).not.toContainText('context invalidated');
  }
  expect(await tab.evaluate(() => document.title)).toContain('Benchmark issue');
});
