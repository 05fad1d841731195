import { TOOL_IDS, type ToolId } from '../../lib/tools/tool-ids';
import { loadFixtureCatalog, type FixtureEntry } from '../harness/fixture-catalog';
import { serveFixtures } from '../harness/serve-fixtures';
import { expect, test } from './test';
import type { Page } from '@playwright/test';

/** Each tool's real composer on its saved pages (what the adapter finds), for typing a draft. */
const COMPOSER: Record<ToolId, string> = {
  github: '[data-testid="comment-composer"] textarea, textarea#new_comment_field',
  gitlab: 'textarea#note-body, textarea#work-item-add-or-edit-comment',
  slack: '[data-qa="message_input"] .ql-editor[contenteditable="true"]',
  mattermost: 'textarea#post_textbox, textarea#reply_textbox',
  asana: '.CommentComposer .ProseMirror[contenteditable="true"]',
  phabricator: 'form[data-sigil~="transaction-append"] textarea[name="comment"]',
};
const CASE_INSENSITIVE = new Set<ToolId>(['github', 'gitlab', 'mattermost', 'phabricator']);
const byViewer = (entry: FixtureEntry, author: string | null) =>
  author !== null && entry.viewer != null && (CASE_INSENSITIVE.has(entry.tool) ? author.toLowerCase() === entry.viewer.toLowerCase() : author === entry.viewer);

/** For each marked post, how many Thank hosts it holds itself (not in posts nested in it). */
function thankCounts(tab: Page): Promise<Record<string, number>> {
  return tab.evaluate(() => {
    const counts: Record<string, number> = {};
    for (const post of document.querySelectorAll('[data-daylight-post]')) counts[post.getAttribute('data-daylight-post')!] = 0;
    for (const host of document.querySelectorAll('[data-daylight="thank"]')) {
      const owner = host.closest('[data-daylight-post]')?.getAttribute('data-daylight-post');
      if (owner) counts[owner] = (counts[owner] ?? 0) + 1;
    }
    return counts;
  });
}

const composerText = (tab: Page, tool: ToolId) =>
  tab.locator(COMPOSER[tool]).first().evaluate((el) => (el instanceof HTMLTextAreaElement ? el.value : (el as HTMLElement).innerText));

for (const tool of TOOL_IDS) {
  test(`${tool}: one Thank control per post by someone else, none on the viewer's own`, async ({ daylight, page: tab }) => {
    for (const entry of loadFixtureCatalog([tool])) {
      await serveFixtures(daylight.context, [entry]);
      await tab.goto(entry.url);
      const expected = Object.fromEntries(entry.posts.map((p) => [p.id, byViewer(entry, p.author) || p.author === null ? 0 : 1]));
      await expect.poll(() => thankCounts(tab), { message: entry.file }).toEqual(expected);
      // Host re-renders and a second pass never add a second one.
      await tab.evaluate(() => document.body.append(document.createElement('div')));
      await tab.waitForTimeout(100);
      expect(await thankCounts(tab)).toEqual(expected);
      await daylight.context.unrouteAll({ behavior: 'ignoreErrors' });
    }
  });
}
