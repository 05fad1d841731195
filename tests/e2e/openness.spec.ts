import type { BrowserContext, Page } from '@playwright/test';
import type { Settings } from '../../lib/settings';
import { TOOL_IDS } from '../../lib/tools/tool-ids';
import demoDirectory from '../fixtures/directory/demo-directory.json' with { type: 'json' };
import { fixture, loadFixtureCatalog, onSaasHost, type FixtureEntry } from '../harness/fixture-catalog';
import { serveFixtures } from '../harness/serve-fixtures';
import { seedDemoDirectory } from './demo-directory';
import { DaylightPage } from './pages/daylight-page';
import { expect, test } from './test';

type OpenExtensionPage = (name: 'popup' | 'options' | 'welcome') => Promise<Page>;

/** The user's own settings, as the options page stores them (replacing any earlier test's). */
async function useSettings(extensionPage: OpenExtensionPage, settings: Partial<Settings>): Promise<void> {
  const options = await extensionPage('options');
  await options.evaluate((value) => chrome.storage.local.set({ settings: value }), settings);
  await options.close();
}

// The directory lets a test see that Daylight's features run on a page: mentions get resolved.
test.beforeEach(async ({ daylight }) => {
  await seedDemoDirectory(daylight.context, daylight.extensionId);
});

test.afterEach(async ({ extensionPage }) => {
  await useSettings(extensionPage, {});
});

const banner = (page: Page) => page.locator('[data-daylight="private-warning"]');

/** Whether the page mentions someone in the demo directory (a real page saved by others mentions only strangers). */
const mentionsAPerson = (entry: FixtureEntry) =>
  entry.mentions.some((handle) =>
    demoDirectory.people.some((p) => [(p.handles as Record<string, string | string[]>)[entry.tool] ?? []].flat().some((h) => h.toLowerCase() === handle.toLowerCase())),
  );

/** Load a saved page and wait until Daylight's features run there (they start together; person cards mark mentions). */
async function open(page: Page, entry: FixtureEntry): Promise<void> {
  await page.goto(entry.url);
  await expect(page.locator('html')).toHaveAttribute('data-daylight-place', entry.place);
  // A page that mentions nobody in the directory: the tests go on to wait on the running features themselves.
  if (mentionsAPerson(entry)) await expect(page.locator('[data-daylight-person]').first()).toBeAttached();
}

/** Once the private warning has started on the page: a banner it would show at the start is there. */
async function warningStarted(page: Page, extension: Page): Promise<void> {
  await expect.poll(() => new DaylightPage(page).featuresRunning(extension)).toContain('private-warning');
}

/** Confirm mode on a saved private page, once its one banner shows. */
async function openInConfirmMode(context: BrowserContext, page: Page, extensionPage: OpenExtensionPage, entry: FixtureEntry): Promise<void> {
  await useSettings(extensionPage, { privateWarning: 'confirm' });
  await serveFixtures(context, [entry]);
  await open(page, entry);
  await expect(banner(page)).toHaveCount(1);
}

test('the warning appears beside the composer on every private page of every tool, and on no other page', async ({ daylight, page, extensionPage }) => {
  const extension = await extensionPage('welcome');
  const catalog = loadFixtureCatalog().filter(onSaasHost);
  // Every saved page of every tool on its SaaS host, one after the other (34 of them): about a second each, more under load.
  test.setTimeout(catalog.length * 2_000);
  expect(new Set(catalog.filter((e) => e.place === 'private').map((e) => e.tool))).toEqual(new Set(TOOL_IDS));
  await serveFixtures(daylight.context, catalog);
  for (const entry of catalog) {
    await open(page, entry);
    if (entry.place === 'private') {
      await expect(banner(page), `${entry.tool}/${entry.file}`).toHaveCount(entry.composers);
      const section = banner(page).locator('section');
      await expect(section).toBeVisible();
      await expect(section).toContainText('Posting privately');
      await expect(section.getByRole('group', { name: 'Reason to keep it private' }).getByRole('button')).toHaveCount(5);
      await expect(section.getByRole('button', { name: 'Don’t warn here again' })).toBeVisible();
    } else {
      await warningStarted(page, extension);
      await expect(banner(page), `${entry.tool}/${entry.file}`).toHaveCount(0);
    }
  }
});

test('the warning says who can see the post in the page’s words, and links the help desk when set', async ({ daylight, page, extensionPage }) => {
  await useSettings(extensionPage, { helpdeskUrl: 'https://help.acme.example/open' });
  const slack = fixture('slack', 'channel-private.html');
  const github = fixture('github', 'issue-react-private.html');
  await serveFixtures(daylight.context, [slack, github]);
  await open(page, slack);
  await expect(banner(page).locator('section')).toContainText('Only members of #payments-core');
  await expect(banner(page).getByRole('link', { name: 'Where to post openly' })).toHaveAttribute('href', 'https://help.acme.example/open');
  await open(page, github);
  await expect(banner(page).locator('section')).toContainText('Private repository acme/payments-core');
});

test('"unknown" places get no banner unless the setting says so', async ({ daylight, page, extensionPage }) => {
  const unknown = fixture('slack', 'channel-unknown.html');
  await serveFixtures(daylight.context, [unknown]);
  await open(page, unknown);
  await warningStarted(page, await extensionPage('welcome'));
  await expect(banner(page)).toHaveCount(0);
  await useSettings(extensionPage, { privateWarningUnknown: true });
  await open(page, unknown);
  await expect(banner(page).locator('section')).toContainText('Who can see this?');
});

/** Record what the page sends, as the host's own send handler would (the saved pages have no script). */
async function recordSends(page: Page, editor: string, how: 'click' | 'enter' | 'ctrl-enter', submit?: string): Promise<void> {
  await page.evaluate(
    ({ editor, how, submit }) => {
      const field = document.querySelector<HTMLElement>(editor)!;
      const draft = () => (field instanceof HTMLTextAreaElement ? field.value : field.textContent ?? '');
      const sent: string[] = ((window as unknown as { sent: string[] }).sent = []);
      if (how === 'click') {
        document.querySelector(submit!)!.addEventListener('click', (event) => {
          event.preventDefault();
          sent.push(draft());
        });
      } else {
        field.addEventListener('keydown', (event) => {
          // As hosts do: the Enter that ends an input method's composition is not a send.
          if (event.key !== 'Enter' || event.isComposing || (how === 'ctrl-enter' ? !event.ctrlKey : event.shiftKey)) return;
          event.preventDefault();
          sent.push(draft());
        });
      }
    },
    { editor, how, submit },
  );
}
const sent = (page: Page) => page.evaluate(() => (window as unknown as { sent: string[] }).sent);

test('confirm mode: a send by button is held until a reason is given, then goes ahead with the draft intact', async ({ daylight, page, extensionPage }) => {
  const entry = fixture('github', 'issue-react-private.html');
  await openInConfirmMode(daylight.context, page, extensionPage, entry);
  const editor = '[data-testid="comment-composer"] textarea';
  const submit = '[data-testid="comment-composer"] button[data-variant="primary"]';
  await recordSends(page, editor, 'click', submit);
  await page.locator(editor).fill('The retry fix is in #490.\nPlease review.');
  await page.locator(submit).click();
  const held = banner(page).getByRole('alertdialog');
  await expect(held).toContainText('Post this privately?');
  await expect(held.getByRole('button').first()).toBeFocused();
  expect(await sent(page)).toEqual([]);
  await expect(page.locator(editor)).toHaveValue('The retry fix is in #490.\nPlease review.');
  await held.getByRole('button', { name: 'Keep it private for: Security' }).click();
  await expect.poll(() => sent(page)).toEqual(['The retry fix is in #490.\nPlease review.']);
  await expect(page.locator(editor)).toHaveValue('The retry fix is in #490.\nPlease review.');
  // The banner folds for this place, and stays folded on the next visit.
  await expect(banner(page).locator('section')).toContainText('kept private: Security');
  await open(page, entry);
  await expect(banner(page).locator('section')).toContainText('kept private: Security');
});

for (const [tool, file, editor, key] of [
  ['slack', 'channel-private.html', '[data-qa="message_input"] .ql-editor', 'Enter'],
  ['mattermost', 'dm.html', 'textarea#post_textbox', 'Enter'],
  ['gitlab', 'merge-request-private.html', 'textarea#note-body', 'Control+Enter'],
] as const) {
  test(`confirm mode on ${tool}: ${key} is held, "Post anyway" sends it unchanged, and the host's own ${key} works after`, async ({ daylight, page, extensionPage }) => {
    const entry = fixture(tool, file);
    await openInConfirmMode(daylight.context, page, extensionPage, entry);
    await page.evaluate(() => document.querySelectorAll('.ReactModal__Overlay, .MuiPopover-root').forEach((menu) => menu.remove()));
    await recordSends(page, editor, key === 'Enter' ? 'enter' : 'ctrl-enter');
    const field = page.locator(editor);
    await field.click();
    await page.keyboard.type('Rotating the deploy keys tonight', { delay: 5 });
    await page.keyboard.press(key);
    const held = banner(page).getByRole('alertdialog');
    await expect(held).toBeVisible();
    expect(await sent(page)).toEqual([]);
    await held.getByRole('button', { name: 'Post anyway' }).click();
    await expect.poll(() => sent(page)).toEqual(['Rotating the deploy keys tonight']);
    await expect(field).toBeFocused();
    await page.keyboard.press(key);
    await expect.poll(() => sent(page)).toEqual(['Rotating the deploy keys tonight', 'Rotating the deploy keys tonight']);
    await expect(held).toHaveCount(0);
  });
}

test('confirm mode: a composer that just appeared is held too, even before Daylight heard of the change', async ({ daylight, page, extensionPage }) => {
  const entry = fixture('mattermost', 'dm.html');
  await openInConfirmMode(daylight.context, page, extensionPage, entry);
  // A reply box opens and Enter comes in the same task: no frame or idle time for Daylight in between.
  const sent = await page.evaluate(() => {
    const form = document.createElement('form');
    form.id = 'create_comment';
    form.innerHTML = '<textarea id="reply_textbox" aria-label="Reply to this thread"></textarea>';
    document.body.append(form);
    const field = form.querySelector('textarea')!;
    const sends: string[] = [];
    field.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey) sends.push(field.value);
    });
    field.focus();
    field.value = 'Rotating the deploy keys tonight';
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }));
    return sends;
  });
  expect(sent).toEqual([]);
  await expect(banner(page)).toHaveCount(2);
  await expect(banner(page).getByRole('alertdialog')).toBeVisible();
});

test('confirm mode: Enter that ends an IME composition is not a send; Esc cancels a held send and keeps the draft', async ({ daylight, page, extensionPage }) => {
  const entry = fixture('mattermost', 'group-dm.html');
  await openInConfirmMode(daylight.context, page, extensionPage, entry);
  await recordSends(page, 'textarea#post_textbox', 'enter');
  const field = page.locator('textarea#post_textbox');
  await field.click();
  await page.keyboard.type('ok ');
  const cdp = await daylight.context.newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'にほん', selectionStart: 3, selectionEnd: 3 });
  // The Enter that commits the composition arrives while composing.
  await field.evaluate((el) => el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true, cancelable: true })));
  await cdp.send('Input.insertText', { text: '日本' });
  await expect(banner(page).getByRole('alertdialog')).toHaveCount(0);
  await expect(field).toHaveValue('ok 日本');
  await page.keyboard.press('Enter');
  const held = banner(page).getByRole('alertdialog');
  await expect(held).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(held).toHaveCount(0);
  await expect(field).toHaveValue('ok 日本');
  await expect(field).toBeFocused();
  expect(await sent(page)).toEqual([]);
});

test('"Don’t warn here again" is listed in options and can be removed there', async ({ daylight, page, extensionPage }) => {
  const entry = fixture('phabricator', 'task-private.html');
  await serveFixtures(daylight.context, [entry]);
  await open(page, entry);
  await banner(page).getByRole('button', { name: 'Don’t warn here again' }).click();
  await expect(banner(page)).toHaveCount(0);
  await open(page, entry);
  const options = await extensionPage('options');
  await warningStarted(page, options);
  await expect(banner(page)).toHaveCount(0);
  const list = options.getByTestId('exceptions');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await list.getByRole('button', { name: /^Warn again in / }).click();
  await expect(options.getByTestId('no-exceptions')).toBeVisible();
  await open(page, entry);
  await expect(banner(page)).toHaveCount(1);
});

/** Count clicks on an element the way the host's own handler would act on them (the saved pages have no script). */
async function recordClicks(page: Page, selector: string, text: string | undefined, name: string): Promise<void> {
  await page.evaluate(
    ({ selector, text, name }) => {
      const counts = ((window as unknown as { clicks?: Record<string, number> }).clicks ??= {});
      counts[name] = 0;
      const found = [...document.querySelectorAll(selector)].find((e) => text === undefined || e.textContent?.trim() === text)!;
      // The control itself, when the selector names a label inside it.
      const el = found.closest('button, a[href], [role="menuitem"], [role="button"]') ?? found;
      el.addEventListener('click', (event) => {
        event.preventDefault();
        counts[name] = (counts[name] ?? 0) + 1;
      });
    },
    { selector, text, name },
  );
}
const clicks = (page: Page, name: string) => page.evaluate((n) => (window as unknown as { clicks: Record<string, number> }).clicks[n], name);

for (const tool of TOOL_IDS) {
  const entry = loadFixtureCatalog([tool]).find((e) => e.deleteActions.length > 0)!;
  test(`archive nudge on ${tool}: Esc changes nothing, the alternative opens the tool's own action, "Delete anyway" deletes`, async ({ daylight, page }) => {
    await serveFixtures(daylight.context, [entry]);
    await open(page, entry);
    const action = entry.deleteActions[0]!;
    const [, selector = action, text] = /^(.*?) = "(.*?)"/.exec(action) ?? [];
    const alternative = entry.alternatives[action]!;
    await recordClicks(page, selector, text, 'delete');
    const [, altSelector = alternative.control!, altText] = /^(.*?) = "(.*?)"/.exec(alternative.control!) ?? [];
    await recordClicks(page, altSelector, altText, 'alternative');
    const control = page.locator(selector).filter(text === undefined ? {} : { hasText: text }).first();
    const nudge = page.locator('[data-daylight="archive-nudge"]').getByRole('dialog');

    await control.click();
    await expect(nudge).toBeVisible();
    await expect(nudge).toContainText('instead of deleting');
    await expect(nudge).toContainText(`“${alternative.label}”`);
    await page.keyboard.press('Escape');
    await expect(nudge).toHaveCount(0);
    expect(await clicks(page, 'delete')).toBe(0);

    await control.click();
    await nudge.getByRole('button', { name: alternative.label, exact: true }).click();
    await expect(nudge).toHaveCount(0);
    expect(await clicks(page, 'alternative')).toBe(1);
    expect(await clicks(page, 'delete')).toBe(0);

    await control.click();
    // Keyboard: focus stays in the dialog.
    for (let i = 0; i < 4; i += 1) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-daylight'))).toBe('archive-nudge');
    await nudge.getByRole('button', { name: 'Delete anyway' }).click();
    await expect(nudge).toHaveCount(0);
    await expect.poll(() => clicks(page, 'delete')).toBe(1);
  });
}

test('archive nudge off by policy or setting: the delete goes straight through', async ({ daylight, page, extensionPage }) => {
  await useSettings(extensionPage, { archiveNudge: false });
  const entry = fixture('slack', 'channel-public.html');
  await serveFixtures(daylight.context, [entry]);
  await open(page, entry);
  const extension = await extensionPage('welcome');
  await expect.poll(() => new DaylightPage(page).featuresRunning(extension)).toContain('archive-nudge');
  await recordClicks(page, 'button[data-qa="delete_message"]', undefined, 'delete');
  await page.locator('button[data-qa="delete_message"]').click();
  expect(await clicks(page, 'delete')).toBe(1);
  await expect(page.locator('[data-daylight="archive-nudge"]')).toHaveCount(0);
});

/** This week's counts on the dashboard. */
async function dashboard(extensionPage: OpenExtensionPage): Promise<Record<string, number>> {
  const options = await extensionPage('options');
  const section = options.getByTestId('week-in-the-open');
  await expect(section).toBeVisible();
  const counts = await section.locator('[data-count]').evaluateAll((items) =>
    Object.fromEntries(items.map((item) => [item.getAttribute('data-count'), Number(item.querySelector('dd')?.textContent)])),
  );
  await options.close();
  return counts;
}

test('the dashboard counts what happened: mentions resolved, private posts with reasons, warnings heeded, deletions avoided', async ({ daylight, page, extensionPage }) => {
  const before = await dashboard(extensionPage);
  await useSettings(extensionPage, { privateWarning: 'confirm' });
  const privateMr = fixture('gitlab', 'merge-request-private.html');
  const publicMr = fixture('gitlab', 'merge-request-public.html');
  await serveFixtures(daylight.context, [privateMr, publicMr]);

  // A private page: people resolved; a held send cancelled (heeded); then one posted with a reason.
  await open(page, privateMr);
  await recordSends(page, 'textarea#note-body', 'ctrl-enter');
  const field = page.locator('textarea#note-body');
  await field.click();
  await page.keyboard.type('Keys rotated.');
  await page.keyboard.press('Control+Enter');
  await banner(page).getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
  await page.keyboard.press('Control+Enter');
  await banner(page).getByRole('alertdialog').getByRole('button', { name: 'Keep it private for: HR' }).click();
  await expect.poll(() => sent(page)).toEqual(['Keys rotated.']);

  // A public page: a delete avoided.
  await open(page, publicMr);
  await page.locator('.note-actions .more-actions li.js-note-delete').first().click();
  await page.locator('[data-daylight="archive-nudge"]').getByRole('button', { name: 'Cancel' }).click();

  await expect
    .poll(async () => {
      const after = await dashboard(extensionPage);
      return {
        privatePosts: after.privatePosts! - before.privatePosts!,
        warningsHeeded: after.warningsHeeded! - before.warningsHeeded!,
        deletionsAvoided: after.deletionsAvoided! - before.deletionsAvoided!,
        mentionsResolved: after.mentionsResolved! > before.mentionsResolved!,
      };
    })
    .toEqual({ privatePosts: 1, warningsHeeded: 1, deletionsAvoided: 1, mentionsResolved: true });
  const view = await extensionPage('options');
  await expect(view.getByTestId('private-reasons')).toContainText('HR');
  await expect(view.getByRole('table', { name: /The last 8 weeks/ })).toBeVisible();
  const popup = await extensionPage('popup');
  await expect(popup.getByTestId('week-summary')).toContainText('This week in the open:');
  await expect(popup.getByTestId('week-summary')).toContainText('private post');
});
