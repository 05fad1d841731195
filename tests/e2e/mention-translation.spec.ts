import type { Page } from '@playwright/test';
import { fixture } from '../harness/fixture-catalog';
import { serveFixtures } from '../harness/serve-fixtures';
import { seedDemoDirectory } from './demo-directory';
import { expect, test } from './test';

test.beforeEach(async ({ daylight }) => {
  await seedDemoDirectory(daylight.context, daylight.extensionId);
});

const suggestions = (page: Page) => page.locator('[data-daylight="mention-suggestions"]');

test('GitHub textarea: another tool’s handle typed after @ becomes the GitHub login, the draft kept and undoable', async ({ daylight, page }) => {
  const entry = fixture('github', 'issue-react-public.html');
  await serveFixtures(daylight.context, [entry]);
  await page.goto(entry.url);
  // Mentions resolved: Daylight's features are running on the page.
  await expect(page.locator('[data-daylight-person]').first()).toBeAttached();
  const composer = page.locator('[data-testid="comment-composer"] textarea');
  await composer.fill('Thanks for the review.\nLooping in ');
  await composer.press('End');
  await composer.pressSequentially('@U0LENA', { delay: 20 });
  await expect(suggestions(page).getByRole('option').first()).toContainText('Lena Kowalski');
  await suggestions(page).getByRole('option').first().click();
  await expect(composer).toHaveValue('Thanks for the review.\nLooping in @lena-k ');
  await expect(suggestions(page)).toHaveCount(0);
  await composer.press('Control+z');
  await expect(composer).toHaveValue('Thanks for the review.\nLooping in @U0LENA');
});

test('keyboard: Alt+ArrowDown enters the list and Enter chooses, leaving plain keys to the host', async ({ daylight, page }) => {
  const entry = fixture('gitlab', 'issue-legacy-public.html');
  await serveFixtures(daylight.context, [entry]);
  await page.goto(entry.url);
  await expect(page.locator('[data-daylight-person]').first()).toBeAttached();
  const composer = page.locator('textarea#note-body');
  await composer.click();
  await composer.pressSequentially('cc @priya', { delay: 20 });
  const options = suggestions(page).getByRole('option');
  await expect(options.first()).toContainText('Priya Raman');
  await composer.press('Alt+ArrowDown');
  await page.keyboard.press('Enter');
  await expect(composer).toHaveValue('cc @praman ');
});

for (const [tool, file, typed, expected] of [
  ['slack', 'channel-private.html', '@nadia', '@Nadia Osei '],
  ['asana', 'task-public.html', '@omar.h', '@Omar Haddad '],
  ['mattermost', 'channel-public.html', '@dvolkov', '@dmitri.volkov '],
  ['gitea', 'pull-public.html', '@dvolkov', '@dmitri_volkov '],
] as const) {
  test(`${tool}: contenteditable and textarea composers get the same help (${typed} → ${expected.trim()})`, async ({ daylight, page }) => {
    const entry = fixture(tool, file);
    await serveFixtures(daylight.context, [entry]);
    await page.goto(entry.url);
    await expect(page.locator('[data-daylight-person]').first()).toBeAttached();
    await page.evaluate(() => document.querySelectorAll('.ReactModal__Overlay, .MuiPopover-root').forEach((menu) => menu.remove()));
    const editor = page.locator(
      tool === 'slack' ? '[data-qa="message_input"] .ql-editor' : tool === 'asana' ? '.CommentComposer .ProseMirror' : tool === 'gitea' ? '#comment-form textarea.markdown-text-editor' : 'textarea#post_textbox',
    );
    await editor.click();
    await page.keyboard.type(typed, { delay: 20 });
    await suggestions(page).getByRole('option').first().click();
    if (tool === 'mattermost' || tool === 'gitea') await expect(editor).toHaveValue(expected);
    else await expect(editor).toContainText(expected.trim());
  });
}

test('IME composition is left alone until it ends', async ({ daylight, page }) => {
  const entry = fixture('github', 'issue-react-public.html');
  await serveFixtures(daylight.context, [entry]);
  await page.goto(entry.url);
  await expect(page.locator('[data-daylight-person]').first()).toBeAttached();
  const composer = page.locator('[data-testid="comment-composer"] textarea');
  await composer.click();
  await composer.pressSequentially('cc @', { delay: 20 });
  const cdp = await daylight.context.newCDPSession(page);
  // An input method composing "priya" (e.g. via a phonetic keyboard): nothing is offered mid-composition.
  for (const step of ['p', 'pr', 'pri', 'priy', 'priya']) {
    await cdp.send('Input.imeSetComposition', { text: step, selectionStart: step.length, selectionEnd: step.length });
  }
  await page.waitForTimeout(400);
  await expect(suggestions(page)).toHaveCount(0);
  await cdp.send('Input.insertText', { text: 'priya' });
  await expect(suggestions(page).getByRole('option').first()).toContainText('Priya Raman');
  await expect(composer).toHaveValue('cc @priya');
});
