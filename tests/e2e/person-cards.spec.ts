import demoDirectory from '../fixtures/directory/demo-directory.json' with { type: 'json' };
import { TOOL_IDS, type ToolId } from '../../lib/tools/tool-ids';
import { foldsCase, loadFixtureCatalog } from '../harness/fixture-catalog';
import { serveFixtures } from '../harness/serve-fixtures';
import { importDemoDirectory, seedDemoDirectory } from './demo-directory';
import { expect, test } from './test';

/** The directory id a tool handle belongs to in the demo directory, or undefined. */
function personOf(tool: ToolId, handle: string): string | undefined {
  const same = (a: string) => (foldsCase(tool) ? a.toLowerCase() === handle.toLowerCase() : a === handle);
  return demoDirectory.people.find((p) => {
    const value = (p.handles as Record<string, string | string[]>)[tool];
    return value !== undefined && (Array.isArray(value) ? value : [value]).some(same);
  })?.id;
}

// The directory is given to the background directly; the import UI has its own test below.
test.beforeEach(async ({ daylight }) => {
  await seedDemoDirectory(daylight.context, daylight.extensionId);
});

test('a directory brought in through the options page (file, preview, Apply) resolves the mentions on a page', async ({ daylight, page: tab, host, extensionPage }) => {
  await importDemoDirectory(await extensionPage('options'));
  const page = loadFixtureCatalog(['github']).find((p) => p.place === 'public')!;
  await serveFixtures(daylight.context, [page]);
  await tab.goto(page.url);
  await expect.poll(() => host.deepAttributes('[data-daylight-handle]', 'data-daylight-person')).toEqual(page.mentions.map((handle) => personOf('github', handle) ?? null));
});

for (const tool of TOOL_IDS) {
  const page = loadFixtureCatalog([tool]).find((p) => p.place === 'public')!;

  test(`${tool}: every known mention is resolved, and hovering one shows the person's card`, async ({ daylight, page: tab, host }) => {
    await serveFixtures(daylight.context, [page]);
    await tab.goto(page.url);
    const expected = page.mentions.map((handle) => personOf(tool, handle) ?? null);
    expect(expected.filter((id) => id === null)).toHaveLength(1); // each page mentions one outsider
    await expect.poll(() => host.deepAttributes('[data-daylight-handle]', 'data-daylight-person')).toEqual(expected);

    // Some saved pages keep a menu open, whose overlay covers the page as on the real tools: close it
    // (the saved pages have no script to do it on Escape).
    await tab.evaluate(() => document.querySelectorAll('.ReactModal__Overlay, .MuiPopover-root').forEach((menu) => menu.remove()));
    // Hover the first resolved mention that nothing covers.
    const mentions = tab.locator('[data-daylight-person]');
    let pick = -1;
    for (let i = 0; i < (await mentions.count()) && pick < 0; i += 1) {
      await mentions.nth(i).scrollIntoViewIfNeeded();
      const uncovered = await mentions.nth(i).evaluate((el) => {
        const r = el.getBoundingClientRect();
        return el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
      });
      if (uncovered) pick = i;
    }
    const mention = mentions.nth(pick);
    const person = demoDirectory.people.find((p) => p.id === expected.filter((id) => id !== null)[pick])!;
    await expect(mention).toHaveAttribute('data-daylight-person', person.id);
    const box = (await mention.boundingBox())!;
    await tab.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const card = tab.locator('[data-daylight="person-card"]');
    await expect(card).toBeVisible();
    await expect(card.getByRole('dialog', { name: person.name })).toBeVisible();
    for (const other of TOOL_IDS) {
      const value = (person.handles as Record<string, string | string[]>)[other]!;
      await expect(card.locator(`li[data-tool="${other}"]`).first()).toContainText(Array.isArray(value) ? value[0]! : value);
    }
    // The card never covers its mention.
    const cardBox = (await card.boundingBox())!;
    const overlaps = cardBox.y < box.y + box.height && cardBox.y + cardBox.height > box.y && cardBox.x < box.x + box.width && cardBox.x + cardBox.width > box.x;
    expect(overlaps).toBe(false);
    await tab.keyboard.press('Escape');
    await expect(card).toHaveCount(0);
  });
}

test('a mere pass of the mouse shows no card; keyboard focus does, and Esc closes it', async ({ daylight, page: tab, host }) => {
  const entry = loadFixtureCatalog(['github']).find((p) => p.file === 'issue-react-public.html')!;
  await serveFixtures(daylight.context, [entry]);
  await tab.goto(entry.url);
  const mention = tab.locator('a[data-daylight-person]').first();
  await expect(mention).toBeAttached();
  await mention.scrollIntoViewIfNeeded();
  const box = (await mention.boundingBox())!;
  const CARD = '[data-daylight="person-card"]';
  const card = tab.locator(CARD);
  await host.watchFor(CARD);
  // Sweep across the whole line from the left margin to the right one, resting on no mention.
  const width = tab.viewportSize()!.width;
  await tab.mouse.move(2, box.y + box.height / 2);
  await tab.mouse.move(width - 2, box.y + box.height / 2, { steps: 6 });
  // Then rest on a mention of someone else, on another line: the first card shown is that one's,
  // shown once the pointer rested there (a card the sweep had started would have come first).
  const pick = await tab.locator('a[data-daylight-person]').evaluateAll((links) => {
    const top = (el: Element) => el.getBoundingClientRect().top + window.scrollY;
    const [first] = links;
    return links.findIndex((el) => el.getAttribute('data-daylight-person') !== first!.getAttribute('data-daylight-person') && Math.abs(top(el) - top(first!)) > first!.getBoundingClientRect().height);
  });
  expect(pick).toBeGreaterThan(0);
  const other = tab.locator('a[data-daylight-person]').nth(pick);
  await other.scrollIntoViewIfNeeded();
  const otherBox = (await other.boundingBox())!;
  const otherId = await other.getAttribute('data-daylight-person');
  const otherName = demoDirectory.people.find((p) => p.id === otherId)!.name;
  const rested = await host.now();
  await tab.mouse.move(otherBox.x + otherBox.width / 2, otherBox.y + otherBox.height / 2);
  await expect(card.getByRole('dialog', { name: otherName })).toBeVisible();
  await expect(card).toHaveCount(1);
  expect(await host.firstSeen(CARD)).toBeGreaterThan(rested);
  await tab.mouse.move(2, 2);
  await tab.keyboard.press('Escape');
  await expect(card).toHaveCount(0);

  await mention.focus();
  await expect(card).toBeVisible();
  await tab.keyboard.press('Tab');
  await expect(card.locator('a, button').first()).toBeFocused();
  await tab.keyboard.press('Escape');
  await expect(card).toHaveCount(0);
  await expect(mention).toBeFocused();
});

test('one card beside the tool’s own: GitHub’s hovercard open on the same mention stays uncovered, and the keyboard path still works', async ({ daylight, page: tab }) => {
  const entry = loadFixtureCatalog(['github']).find((p) => p.file === 'issue-react-public.html')!;
  await serveFixtures(daylight.context, [entry]);
  await tab.goto(entry.url);
  const mention = tab.locator('a[data-daylight-person]').first();
  await expect(mention).toBeAttached();
  // Near the top of the window: there is room below the mention, where both cards would go.
  await mention.evaluate((el) => {
    el.scrollIntoView({ block: 'start' });
    window.scrollBy(0, -120);
  });
  // GitHub's hovercard, as github.com shows it: a `.Popover.js-hovercard-content` kept in the page
  // (display: none), shown right under the hovered link a moment after the pointer arrives.
  await tab.evaluate(() => {
    const popover = document.body.appendChild(document.createElement('div'));
    popover.className = 'Popover js-hovercard-content';
    popover.style.cssText = 'display:none; position:absolute; width:340px; height:150px; background:#fff; border:1px solid #d0d7de; z-index:100';
    const show = (link: Element) => {
      const r = link.getBoundingClientRect();
      popover.style.top = `${r.bottom + window.scrollY + 4}px`;
      popover.style.left = `${r.left + window.scrollX}px`;
      popover.style.display = 'block';
    };
    for (const link of document.querySelectorAll('a.user-mention')) {
      link.addEventListener('mouseenter', () => setTimeout(() => show(link), 20));
      link.addEventListener('focus', () => show(link));
    }
  });
  const popover = tab.locator('.js-hovercard-content');
  const card = tab.locator('[data-daylight="person-card"]');
  const box = (await mention.boundingBox())!;
  await tab.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect(popover).toBeVisible();
  await expect(card).toBeVisible();
  const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  // Placed after the tool's card opened, Daylight's sits clear of it and of the mention.
  await expect.poll(async () => overlap((await card.boundingBox())!, (await popover.boundingBox())!)).toBe(false);
  expect(overlap((await card.boundingBox())!, box)).toBe(false);
  await expect(card).toHaveCount(1);
  await tab.mouse.move(2, 2);
  await tab.keyboard.press('Escape');
  await expect(card).toHaveCount(0);

  // Esc put the focus back on the mention quietly; the keyboard path starts from elsewhere.
  await tab.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await mention.focus();
  await expect(card).toBeVisible();
  await expect.poll(async () => overlap((await card.boundingBox())!, (await popover.boundingBox())!)).toBe(false);
  await tab.keyboard.press('Tab');
  await expect(card.locator('a, button').first()).toBeFocused();
  await tab.keyboard.press('Escape');
  await expect(card).toHaveCount(0);
  await expect(mention).toBeFocused();
});
