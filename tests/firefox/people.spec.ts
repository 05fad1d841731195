import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import demoDirectory from '../fixtures/directory/demo-directory.json' with { type: 'json' };
import { TOOL_IDS, type ToolId } from '../../lib/tools/tool-ids';
import { DaylightPage } from '../e2e/pages/daylight-page';
import { FIXTURES_DIR, foldsCase, loadFixtureCatalog } from '../harness/fixture-catalog';
import { launchFirefox, pollPage, type FirefoxDaylight } from '../harness/firefox';
import { expect, test as shared } from './test';

/** The import counts what it adds: this test starts from an empty directory, in a Firefox of its own. */
const test = shared.extend<{ ownFirefox: FirefoxDaylight }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  ownFirefox: async ({}, use) => {
    const fresh = await launchFirefox();
    await use(fresh);
    await fresh.close();
  },
});

const DEMO_FILE = path.join(FIXTURES_DIR, 'directory/demo-directory.json');

type Person = (typeof demoDirectory.people)[number];
const handlesOf = (person: Person, tool: ToolId): string[] => {
  const value = (person.handles as Record<string, string | string[] | undefined>)[tool];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
};
/** The demo directory's person a tool handle belongs to, or null. */
function personOf(tool: ToolId, handle: string): string | null {
  const same = (a: string) => (foldsCase(tool) ? a.toLowerCase() === handle.toLowerCase() : a === handle);
  return demoDirectory.people.find((p) => handlesOf(p, tool).some(same))?.id ?? null;
}

const text = (page: Page, selector: string) => page.evaluate((selector) => document.querySelector(selector)?.textContent?.trim() ?? null, selector);

/** The open person card as a person reads it: the dialog's name, and the handle shown per tool. */
const cardView = (tab: Page) =>
  tab.evaluate(() => {
    const root = document.querySelector('[data-daylight="person-card"]')?.shadowRoot;
    const dialog = root?.querySelector('[role="dialog"]');
    if (!root || !dialog) return null;
    const labelledBy = dialog.getAttribute('aria-labelledby');
    return {
      name: (labelledBy ? root.getElementById(labelledBy)?.textContent : null) ?? null,
      /** Every handle line per tool (a person may have several handles on one tool). */
      handles: [...root.querySelectorAll('li[data-tool]')].reduce<Record<string, string>>((all, li) => {
        const tool = li.getAttribute('data-tool')!;
        all[tool] = `${all[tool] ?? ''} ${li.textContent ?? ''}`;
        return all;
      }, {}),
    };
  });

test('a directory imported in Options (file, preview, Apply) resolves mentions on every tool, and hovering one shows the person card', async ({ ownFirefox: firefox }) => {
  test.setTimeout(90_000);
  const options = await firefox.extensionPage('options');
  await pollPage(options, () => document.querySelector('[data-testid="people-count"]')?.textContent === '0 people in the directory.', undefined);
  const input = await options.$('section#people input[type="file"]');
  expect(await input!.evaluate((el) => el.labels?.[0]?.textContent)).toBe('Import a directory file');
  await input!.uploadFile(DEMO_FILE);
  await pollPage(options, () => document.querySelector('[data-testid="import-counts"] [data-count="added"]')?.textContent === '30 added', undefined);
  // Nothing is written before Apply.
  expect(await text(options, '[data-testid="people-count"]')).toBe('0 people in the directory.');
  const apply = await options.evaluateHandle(() => [...document.querySelectorAll('[data-testid="import-preview"] button')].find((b) => b.textContent === 'Apply') ?? null);
  await (apply.asElement() as ElementHandle<Element>).click();
  await pollPage(options, () => document.querySelector('[data-testid="people-count"]')?.textContent === '30 people in the directory.', undefined);

  const tab = await firefox.newPage();
  for (const tool of TOOL_IDS) {
    const entry = loadFixtureCatalog([tool]).find((p) => p.place === 'public')!;
    firefox.serve([entry]);
    await tab.goto(entry.url);
    const expected = entry.mentions.map((handle) => personOf(tool, handle));
    await expect.poll(() => new DaylightPage(tab).deepAttributes('[data-daylight-handle]', 'data-daylight-person'), { message: tool }).toEqual(expected);

    // Saved pages that keep a menu open cover the page as the real tools do (no script closes it here).
    await tab.evaluate(() => document.querySelectorAll('.ReactModal__Overlay, .MuiPopover-root').forEach((menu) => menu.remove()));
    // The first resolved mention nothing covers, hovered as a person does.
    const index = await tab.evaluate(() =>
      [...document.querySelectorAll('[data-daylight-person]')].findIndex((el) => {
        el.scrollIntoView({ block: 'center' });
        const r = el.getBoundingClientRect();
        return el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
      }),
    );
    expect(index, `${tool}: an uncovered resolved mention`).toBeGreaterThanOrEqual(0);
    const mention = (await tab.$$('[data-daylight-person]'))[index]!;
    const person = demoDirectory.people.find((p) => p.id === expected.filter((id) => id !== null)[index])!;
    expect(await mention.evaluate((el) => el.getAttribute('data-daylight-person'))).toBe(person.id);
    await mention.hover();
    await expect.poll(() => cardView(tab), { message: `${tool} card` }).not.toBeNull();
    const card = (await cardView(tab))!;
    expect(card.name).toBe(person.name);
    for (const other of TOOL_IDS) for (const handle of handlesOf(person, other)) expect(card.handles[other], `${tool} card: ${other} handle`).toContain(handle);
    await tab.keyboard.press('Escape');
    await expect.poll(() => cardView(tab)).toBeNull();
  }
});
