import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import demoDirectory from '../fixtures/directory/demo-directory.json' with { type: 'json' };
import { TOOL_IDS, type ToolId } from '../../lib/tools/tool-ids';
import { launchDaylight } from '../harness/chromium';
import { byViewer, expectedThankCounts, foldsCase, fixture, loadFixtureCatalog, onSaasHost, type FixtureEntry } from '../harness/fixture-catalog';
import { serveFixtures } from '../harness/serve-fixtures';
import { startWebhookServer } from '../harness/webhook-server';
import { githubIssue } from '../bench/synthetic-pages';
import { seedDemoDirectory } from './demo-directory';
import { DaylightPage } from './pages/daylight-page';
import { expect, test } from './test';


/** Each tool's real composer on its saved pages (what the adapter finds), for typing a draft. */
const COMPOSER: Record<ToolId, string> = {
  github: '[data-testid="comment-composer"] textarea, textarea#new_comment_field',
  gitlab: 'textarea#note-body, textarea#work-item-add-or-edit-comment',
  slack: '[data-qa="message_input"] .ql-editor[contenteditable="true"]',
  mattermost: 'textarea#post_textbox, textarea#reply_textbox',
  asana: '.CommentComposer .ProseMirror[contenteditable="true"]',
  phabricator: 'form[data-sigil~="transaction-append"] textarea[name="comment"]',
  gitea: '#comment-form textarea.markdown-text-editor',
};

const composerText = (tab: Page, tool: ToolId) =>
  tab.locator(COMPOSER[tool]).first().evaluate((el) => (el instanceof HTMLTextAreaElement ? el.value : (el as HTMLElement).innerText));

for (const tool of TOOL_IDS) {
  test(`${tool}: one Thank control per post by someone else, none on the viewer's own`, async ({ daylight, page: tab }) => {
    for (const entry of loadFixtureCatalog([tool]).filter(onSaasHost)) {
      await serveFixtures(daylight.context, [entry]);
      await tab.goto(entry.url);
      const expected = expectedThankCounts(entry);
      const host = new DaylightPage(tab);
      await expect.poll(() => host.thankCounts(), { message: entry.file }).toEqual(expected);
      // Host re-renders and a second pass never add a second one.
      await tab.evaluate(() => document.body.append(document.createElement('div')));
      await tab.waitForTimeout(100);
      expect(await host.thankCounts()).toEqual(expected);
      await daylight.context.unrouteAll({ behavior: 'ignoreErrors' });
    }
  });
}

/** The person a handle belongs to in the demo directory. */
function personOf(tool: ToolId, handle: string) {
  const same = (a: string) => (foldsCase(tool) ? a.toLowerCase() === handle.toLowerCase() : a === handle);
  return demoDirectory.people.find((p) => {
    const value = (p.handles as Record<string, string | string[]>)[tool];
    return value !== undefined && (Array.isArray(value) ? value : [value]).some(same);
  });
}

/** The last post by someone else on the page: a plain comment, nested in nothing. */
const targetOf = (entry: FixtureEntry) => [...entry.posts].reverse().find((p) => p.author !== null && !byViewer(entry, p.author))!;

/** Open the Thank panel of a post and choose; returns the Thank button. */
async function thank(tab: Page, postId: string, choice: 'Thank publicly' | 'Just record it', note = '') {
  const host = tab.locator(`[data-daylight-post="${postId}"] [data-daylight="thank"]`).last();
  await host.scrollIntoViewIfNeeded();
  const button = host.getByRole('button', { name: /^Thank / });
  await button.click();
  const panel = host.getByRole('dialog');
  await expect(panel).toBeVisible();
  if (note) await panel.getByLabel('Note').fill(note);
  await panel.getByRole('button', { name: choice }).click();
  await expect(button).toHaveText('Thanked');
  return button;
}

test.describe('thanking', () => {
  test.beforeEach(async ({ daylight }) => {
    await seedDemoDirectory(daylight.context, daylight.extensionId);
  });

  for (const tool of TOOL_IDS) {
    test(`${tool}: Thank publicly writes into the composer after the draft, and the popup lists it`, async ({ daylight, page: tab, extensionPage }) => {
      const entry = loadFixtureCatalog([tool]).find((p) => p.place === 'public')!;
      await serveFixtures(daylight.context, [entry]);
      await tab.goto(entry.url);
      // Some saved pages keep a menu open whose overlay covers the page, as on the real tools: close it.
      await tab.evaluate(() => document.querySelectorAll('.ReactModal__Overlay, .MuiPopover-root').forEach((menu) => menu.remove()));
      const target = targetOf(entry);
      const person = personOf(tool, target.author!)!;
      const host = tab.locator(`[data-daylight-post="${target.id}"] [data-daylight="thank"]`).last();
      // Named after the author, from the directory, and reachable by keyboard (built near the viewport,
      // once features restarted for the resolved place: GitLab asks its API).
      await expect(tab.locator('html')).toHaveAttribute('data-daylight-place', entry.place);
      await host.scrollIntoViewIfNeeded();
      await expect(host.getByRole('button', { name: `Thank ${person.name}` })).toBeAttached();

      const composer = tab.locator(COMPOSER[tool]).first();
      await composer.scrollIntoViewIfNeeded();
      await composer.click();
      await tab.keyboard.type('Draft I was writing');
      await thank(tab, target.id, 'Thank publicly', 'for the checklist');
      await expect.poll(() => composerText(tab, tool)).toContain('for the checklist');
      const text = await composerText(tab, tool);
      expect(text.startsWith('Draft I was writing')).toBe(true);
      expect(text).toMatch(/Draft I was writing\s*\n+\s*Thank you /);
      expect(text).toContain(tool === 'slack' || tool === 'asana' ? `@${person.name}` : `@${target.author}`);
      // Nothing was sent: the draft is still the user's to send.
      await expect(composer).toBeVisible();

      const popup = await extensionPage('popup');
      await popup.getByRole('tab', { name: 'Thanks', exact: true }).click();
      const given = popup.getByTestId('thanks-panel').getByRole('list', { name: 'Given' });
      await expect(given).toContainText(person.name);
      await popup.getByRole('tab', { name: 'This month' }).click();
      await expect(popup.getByTestId('thanks-panel').getByRole('list', { name: 'Given' })).toContainText(person.name);
    });
  }

  test('the button is faint until hovered or focused, keyboard operable, and remembers the thanks after a reload', async ({ daylight, page: tab }) => {
    const entry = fixture('gitlab', 'merge-request-public.html');
    await serveFixtures(daylight.context, [entry]);
    await tab.goto(entry.url);
    const target = targetOf(entry);
    const host = tab.locator(`[data-daylight-post="${target.id}"] [data-daylight="thank"]`).last();
    const button = host.getByRole('button', { name: /^Thank / });
    // Features restart once the place is resolved (GitLab asks its API): scroll to the final host.
    await expect(tab.locator('html')).toHaveAttribute('data-daylight-place', entry.place);
    await host.scrollIntoViewIfNeeded();
    await tab.mouse.move(0, 0);
    const opacity = () => button.evaluate((el) => Number(getComputedStyle(el).opacity));
    await expect.poll(opacity).toBeLessThan(1);
    await button.focus();
    await expect.poll(opacity).toBe(1);
    await tab.keyboard.press('Enter');
    await expect(host.getByRole('dialog')).toBeVisible();
    await expect(host.getByLabel('Note')).toBeFocused();
    await tab.keyboard.press('Escape');
    await expect(host.getByRole('dialog')).toBeHidden();
    await expect(button).toBeFocused();
    await tab.keyboard.press('Enter');
    await host.getByRole('button', { name: 'Just record it' }).press('Enter');
    await expect(button).toHaveText('Thanked');
    await tab.reload();
    await expect(tab.locator(`[data-daylight-post="${target.id}"] [data-daylight="thank"]`).last().getByRole('button', { name: /^Thank / })).toHaveText('Thanked');
  });

  test('on a long page, Thank buttons far from the viewport wait as light hosts that are buttons themselves, built on focus', async ({ daylight, page: tab }) => {
    const url = 'https://github.com/acme/open-handbook/issues/1';
    await serveFixtures(daylight.context, [], { [url]: githubIssue(60, 1) });
    await tab.goto(url);
    const hosts = tab.locator('[data-daylight="thank"]');
    await expect(hosts).toHaveCount(60);
    // The first posts' buttons are built; the last post's host is still light, named and in the tab order.
    await expect(hosts.first().getByRole('button', { name: /^Thank / })).toBeAttached();
    const last = hosts.last();
    expect(await last.evaluate((host) => host.shadowRoot === null)).toBe(true);
    await expect(last).toHaveRole('button');
    await expect(last).toHaveAccessibleName(/^Thank /);
    await expect(last).toHaveAttribute('tabindex', '0');
    // Focus reaching it (Tab, or a screen reader) builds the real button and hands it the focus.
    await last.focus();
    const button = last.getByRole('button', { name: /^Thank / });
    await expect(button).toBeFocused();
    await expect(last).not.toHaveAttribute('tabindex');
    await tab.keyboard.press('Enter');
    await expect(last.getByRole('dialog')).toBeVisible();
    await last.getByRole('button', { name: 'Just record it' }).press('Enter');
    await expect(button).toHaveText('Thanked');
    // After a reload (at the top of the page) the ledger is asked about a post once its button is built.
    await tab.evaluate(() => (history.scrollRestoration = 'manual'));
    await tab.reload();
    await expect(hosts).toHaveCount(60);
    expect(await hosts.last().evaluate((host) => host.shadowRoot === null)).toBe(true);
    await hosts.last().scrollIntoViewIfNeeded();
    await expect(hosts.last().getByRole('button', { name: /^Thank / })).toHaveText('Thanked');
  });

  test('on a 1,500-comment page, every post gets its host, a jump anywhere builds the buttons there, and building moves nothing', async ({ daylight, page: tab }) => {
    const url = 'https://github.com/acme/open-handbook/issues/5';
    await serveFixtures(daylight.context, [], { [url]: githubIssue(1500, 2) });
    await tab.goto(url);
    const hosts = tab.locator('[data-daylight="thank"]');
    // Read in slices over several frames (lib/content/document-slices.ts), then every post has its host.
    await expect(hosts).toHaveCount(1500, { timeout: 20_000 });
    await expect(tab.locator('[data-daylight-handle]')).toHaveCount(3000);
    const built = (index: number) => hosts.nth(index).evaluate((host) => host.shadowRoot !== null);
    await expect.poll(() => built(0)).toBe(true);
    expect(await built(750)).toBe(false);
    // Where the page's posts are before any button far down is built: building must not move them.
    const tops = () => tab.evaluate(() => [1000, 1499].map((i) => document.querySelectorAll('[data-daylight-post]')[i]!.getBoundingClientRect().top + scrollY));
    const before = await tops();
    // A jump past every observed host (a permalink, End): the buttons where it lands are built.
    await tab.evaluate(() => document.querySelectorAll('[data-daylight-post]')[750]!.scrollIntoView());
    await expect.poll(() => built(750)).toBe(true);
    expect(await built(1400)).toBe(false);
    await tab.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => built(1499)).toBe(true);
    expect(await built(1000)).toBe(false);
    expect(await tops()).toEqual(before);
  });

  test("React applies the tool's own reaction through its own control", async ({ daylight, page: tab }) => {
    const entry = fixture('github', 'issue-react-public.html');
    await serveFixtures(daylight.context, [entry]);
    await tab.goto(entry.url);
    const host = tab.locator('[data-daylight-post="issue-2659034112"] [data-daylight="thank"]');
    await expect(host).toBeAttached();
    // The saved page has no GitHub script: count clicks on its 🎉 reaction instead.
    await tab.evaluate(() => {
      const hooray = document.querySelector('[data-daylight-post="issue-2659034112"] button[aria-label="hooray 2"]')!;
      hooray.addEventListener('click', () => hooray.setAttribute('data-clicked', String(Number(hooray.getAttribute('data-clicked') ?? 0) + 1)));
    });
    await host.getByRole('button', { name: /^Thank / }).click();
    await host.getByRole('button', { name: 'React' }).click();
    await expect(host.getByRole('button', { name: /^Thank / })).toHaveText('Thanked');
    await expect(tab.locator('button[aria-label="hooray 2"]')).toHaveAttribute('data-clicked', '1');
    // Posts whose reactions Daylight cannot reach offer no React.
    const other = tab.locator('[data-daylight-post="issuecomment-2481302210"] [data-daylight="thank"]');
    await other.scrollIntoViewIfNeeded();
    await other.getByRole('button', { name: /^Thank / }).click();
    await expect(other.getByRole('button', { name: 'Just record it' })).toBeVisible();
    await expect(other.getByRole('button', { name: 'React' })).toBeHidden();
  });

  test('a post that mentions the viewer and thanks them is recorded as received, once', async ({ daylight, page: tab, extensionPage }) => {
    const entry = fixture('github', 'issue-react-public.html');
    await serveFixtures(daylight.context, [entry]);
    await tab.goto(entry.url);
    await expect(tab.locator('[data-daylight="thank"]').first()).toBeAttached();
    const popup = await extensionPage('popup');
    await popup.getByRole('tab', { name: 'Thanks', exact: true }).click();
    // "Thanks all! … @therrera @priya-r could you review" by Hannah Schmidt.
    await expect(popup.getByTestId('thanks-panel').getByRole('list', { name: 'Received' })).toContainText('Hannah Schmidt');
    await tab.reload();
    await expect(tab.locator('[data-daylight="thank"]').first()).toBeAttached();
    const options = await extensionPage('options');
    await options.getByLabel('Search thanks').fill('Hannah received');
    await expect(options.getByTestId('thanks-row')).toHaveCount(1);
  });
});

test('with a webhook, each public thanks is announced exactly once, through failures and a browser restart', async () => {
  test.setTimeout(120_000);
  const server = await startWebhookServer();
  const profileDir = mkdtempSync(path.join(tmpdir(), 'daylight-restart-'));
  try {
    let browser = await launchDaylight({ profileDir });
    await seedDemoDirectory(browser.context, browser.extensionId);
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const field = options.getByLabel('Announce thanks to (webhook URL)');
    await field.fill(server.url);
    await field.press('Tab');
    await expect(field).toHaveValue(server.url);

    const tab = await browser.context.newPage();
    const publicPage = fixture('github', 'pull-request-classic-public.html');
    const privatePage = fixture('slack', 'channel-private.html');
    await serveFixtures(browser.context, [publicPage, privatePage]);

    // A public thanks while the webhook fails: retried (after 5 s, the first step of the back-off) until
    // it gets through. Later steps of the back-off are the outbox's unit tests' (tests/unit/kudos/).
    server.failNext(1);
    await tab.goto(publicPage.url);
    await thank(tab, targetOf(publicPage).id, 'Thank publicly', 'for the review');
    await expect.poll(() => server.accepted().length, { timeout: 20_000 }).toBe(1);
    expect(server.deliveries.map((d) => d.status)).toEqual([500, 200]);
    const first = server.accepted()[0]!.body;
    expect(first).toMatchObject({ tool: 'github', note: 'for the review', giver: 'Priya Raman' });
    expect(String(first.permalink)).toContain(publicPage.url);
    await options.reload();
    await expect(options.getByTestId('announcement-status').first()).toHaveAttribute('data-status', 'sent');

    // A thanks in a private channel while the webhook is down; the browser then restarts.
    server.setDown(true);
    await tab.goto(privatePage.url);
    await thank(tab, targetOf(privatePage).id, 'Thank publicly', 'secret detail');
    await expect.poll(() => server.deliveries.length).toBeGreaterThan(2);
    await browser.close();
    server.setDown(false);

    browser = await launchDaylight({ profileDir });
    await expect.poll(() => server.accepted().length, { timeout: 20_000 }).toBe(2);
    const second = server.accepted()[1]!.body;
    expect(second.text).toMatch(/for work in a private space\.$/);
    expect(JSON.stringify(second)).not.toMatch(/secret detail|archives/);
    // Both are marked sent, so neither is sent again (the outbox never resends a sent one): each
    // thanks reached the organisation once, with its own key.
    const after = await browser.context.newPage();
    await after.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const statuses = after.getByTestId('announcement-status');
    await expect(statuses).toHaveCount(2);
    for (const status of await statuses.all()) await expect(status).toHaveAttribute('data-status', 'sent');
    expect(server.accepted()).toHaveLength(2);
    expect(new Set(server.accepted().map((d) => d.key)).size).toBe(2);
    await browser.close();
  } finally {
    await server.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
});
