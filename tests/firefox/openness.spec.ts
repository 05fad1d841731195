import type { Page } from 'puppeteer-core';
import { TOOL_IDS } from '../../lib/tools/tool-ids';
import { fixture, loadFixtureCatalog, type FixtureEntry } from '../harness/fixture-catalog';
import { pollPage } from '../harness/firefox';
import { DaylightPage } from '../e2e/pages/daylight-page';
import { deepButton, deepTexts } from './deep';
import { seedDemoDirectory, useSettings } from './seed';
import { expect, test } from './test';

// The private warning, confirm mode and the archive nudge in Firefox: what tests/e2e/openness.spec.ts
// checks in Chromium, on a page of every tool.
test.beforeEach(async ({ firefox }) => {
  await seedDemoDirectory(firefox);
});
test.afterEach(async ({ firefox }) => {
  await useSettings(firefox, {});
});

const WARNING = '[data-daylight="private-warning"]';
const NUDGE = '[data-daylight="archive-nudge"]';

/** Load a saved page and wait until Daylight's features run there (person cards mark mentions). */
async function open(tab: Page, entry: FixtureEntry): Promise<void> {
  await tab.goto(entry.url);
  await pollPage(tab, (place) => document.documentElement.getAttribute('data-daylight-place') === place && document.querySelector('[data-daylight-person]') !== null, entry.place);
}

/** Record what the page sends, as the host's own send handler would (the saved pages have no script). */
function recordSends(tab: Page, editor: string, how: 'click' | 'enter', submit?: string): Promise<void> {
  return tab.evaluate(
    ({ editor, how, submit }) => {
      const field = document.querySelector<HTMLElement>(editor)!;
      const draft = () => (field instanceof HTMLTextAreaElement ? field.value : (field.textContent ?? ''));
      const sent: string[] = ((window as unknown as { sent: string[] }).sent = []);
      if (how === 'click') {
        document.querySelector(submit!)!.addEventListener('click', (event) => {
          event.preventDefault();
          sent.push(draft());
        });
      } else {
        field.addEventListener('keydown', (event) => {
          if (event.key !== 'Enter' || event.isComposing || event.shiftKey) return;
          event.preventDefault();
          sent.push(draft());
        });
      }
    },
    { editor, how, submit },
  );
}
const sent = (tab: Page) => tab.evaluate(() => (window as unknown as { sent: string[] }).sent);

test('the warning shows beside the composer on a private page of every tool, and not on a public one', async ({ firefox, tab, extensionPage }) => {
  const extension = await extensionPage('welcome');
  await tab.bringToFront();
  const entries = TOOL_IDS.flatMap((tool) => ['private', 'public'].map((place) => loadFixtureCatalog([tool]).find((e) => e.place === place)!));
  firefox.serve(entries);
  for (const entry of entries) {
    await open(tab, entry);
    if (entry.place === 'private') {
      await expect.poll(() => deepTexts(tab, WARNING, 'section'), { message: entry.file }).toHaveLength(entry.composers);
      expect((await deepTexts(tab, WARNING, 'section'))[0]).toContain('Posting privately');
    } else {
      await expect.poll(() => new DaylightPage(tab).featuresRunning(extension)).toContain('private-warning');
      expect(await deepTexts(tab, WARNING, 'section'), entry.file).toEqual([]);
    }
  }
});

test('confirm mode: a send by button is held until a reason is given, then goes ahead with the draft intact', async ({ firefox, tab }) => {
  await useSettings(firefox, { privateWarning: 'confirm' });
  const entry = fixture('github', 'issue-react-private.html');
  firefox.serve([entry]);
  await open(tab, entry);
  const editor = '[data-testid="comment-composer"] textarea';
  const submit = '[data-testid="comment-composer"] button[data-variant="primary"]';
  await recordSends(tab, editor, 'click', submit);
  await tab.type(editor, 'The retry fix is in #490.');
  await tab.click(submit);
  await expect.poll(() => deepTexts(tab, WARNING, '[role="alertdialog"]')).toEqual([expect.stringContaining('Post this privately?')]);
  expect(await sent(tab)).toEqual([]);
  await (await deepButton(tab, WARNING, 'Keep it private for: Security')).click();
  await expect.poll(() => sent(tab)).toEqual(['The retry fix is in #490.']);
});

test('confirm mode on Slack: Enter is held, "Post anyway" sends it unchanged, and the host\'s own Enter works after', async ({ firefox, tab }) => {
  await useSettings(firefox, { privateWarning: 'confirm' });
  const entry = fixture('slack', 'channel-private.html');
  firefox.serve([entry]);
  await open(tab, entry);
  const editor = '[data-qa="message_input"] .ql-editor';
  await tab.evaluate(() => document.querySelectorAll('.ReactModal__Overlay, .MuiPopover-root').forEach((menu) => menu.remove()));
  await recordSends(tab, editor, 'enter');
  await tab.click(editor);
  await tab.keyboard.type('Rotating the deploy keys tonight');
  await tab.keyboard.press('Enter');
  await expect.poll(() => deepTexts(tab, WARNING, '[role="alertdialog"]')).toHaveLength(1);
  expect(await sent(tab)).toEqual([]);
  await (await deepButton(tab, WARNING, 'Post anyway')).click();
  // The replayed Enter reaches the page's own handler (lib/content/page-realm.ts).
  await expect.poll(() => sent(tab)).toEqual(['Rotating the deploy keys tonight']);
  await tab.keyboard.press('Enter');
  await expect.poll(() => sent(tab)).toEqual(['Rotating the deploy keys tonight', 'Rotating the deploy keys tonight']);
});

/** Count clicks on a control the way the host's own handler would act on them. */
function recordClicks(tab: Page, selector: string, text: string | undefined, name: string): Promise<void> {
  return tab.evaluate(
    ({ selector, text, name }) => {
      const counts = ((window as unknown as { clicks?: Record<string, number> }).clicks ??= {});
      counts[name] = 0;
      const found = [...document.querySelectorAll(selector)].find((e) => text === undefined || e.textContent?.trim() === text)!;
      const el = found.closest('button, a[href], [role="menuitem"], [role="button"]') ?? found;
      el.setAttribute('data-test-control', name);
      el.addEventListener('click', (event) => {
        event.preventDefault();
        counts[name] = (counts[name] ?? 0) + 1;
      });
    },
    { selector, text, name },
  );
}
const clicks = (tab: Page, name: string) => tab.evaluate((n) => (window as unknown as { clicks: Record<string, number> }).clicks[n], name);

for (const tool of TOOL_IDS) {
  const entry = loadFixtureCatalog([tool]).find((e) => e.deleteActions.length > 0)!;
  test(`archive nudge on ${tool}: the tool's alternative is offered, and "Delete anyway" deletes`, async ({ firefox, tab }) => {
    firefox.serve([entry]);
    await open(tab, entry);
    const action = entry.deleteActions[0]!;
    const [, selector = action, text] = /^(.*?) = "(.*?)"/.exec(action) ?? [];
    const alternative = entry.alternatives[action]!;
    await recordClicks(tab, selector, text, 'delete');
    await tab.click('[data-test-control="delete"]');
    await expect.poll(() => deepTexts(tab, NUDGE, '[role="dialog"]')).toEqual([expect.stringContaining('instead of deleting')]);
    expect((await deepTexts(tab, NUDGE, '[role="dialog"]'))[0]).toContain(`“${alternative.label}”`);
    expect(await clicks(tab, 'delete')).toBe(0);
    await (await deepButton(tab, NUDGE, 'Delete anyway')).click();
    await expect.poll(() => clicks(tab, 'delete')).toBe(1);
    await expect.poll(() => deepTexts(tab, NUDGE, '[role="dialog"]')).toEqual([]);
  });
}
