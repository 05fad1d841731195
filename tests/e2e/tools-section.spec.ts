import { fixture } from '../harness/fixture-catalog';
import { serveFixtures } from '../harness/serve-fixtures';
import { seedDemoDirectory } from './demo-directory';
import { DaylightPage } from './pages/daylight-page';
import { expect, test } from './test';

const ORIGIN = 'https://code.acme.internal';

test('Options → Tools: add a self-hosted origin (validated), see it registered, detected or mismatched, and remove it', async ({
  daylight,
  page,
  extensionPage,
}) => {
  const options = await extensionPage('options');
  const tools = options.locator('#tools');
  await expect(tools.locator('[data-tool="gitlab"] [data-testid="saas-hosts"]')).toHaveText('Built in: gitlab.com');

  const form = tools.getByRole('form', { name: 'Add a self-hosted instance' });
  await form.getByLabel('Tool').selectOption('gitlab');
  await form.getByLabel('Origin').fill(`${ORIGIN}/acme/handbook`);
  await form.getByRole('button', { name: 'Add origin' }).click();
  await expect(form.getByRole('alert')).toHaveText(`Only the origin, without a path: did you mean ${ORIGIN}?`);
  await form.getByLabel('Origin').fill('https://gitlab.com');
  await form.getByLabel('Origin').press('Enter');
  await expect(form.getByRole('alert')).toContainText('own host');

  await form.getByLabel('Origin').fill(`${ORIGIN}/`);
  await form.getByRole('button', { name: 'Add origin' }).click();
  await expect(form.getByRole('alert')).toHaveCount(0);
  const row = tools.locator(`tr[data-origin="${ORIGIN}"]`);
  await expect(row).toHaveAttribute('data-source', 'user');
  await expect(row).toHaveAttribute('data-registration', 'registered');
  await expect(row).toHaveAttribute('data-visit', 'none');

  // A GitLab page there is detected as GitLab…
  const saas = fixture('gitlab', 'issue-legacy-public.html');
  const gitlab = { ...saas, url: saas.url.replace('https://gitlab.com', ORIGIN) };
  await serveFixtures(daylight.context, [gitlab], { [`${ORIGIN}/wiki`]: '<!doctype html><title>Wiki</title><p>Not GitLab</p>' });
  await page.goto(gitlab.url);
  await expect(page.locator('html')).toHaveAttribute('data-daylight-tool', 'gitlab');
  await expect(async () => {
    await options.reload();
    await expect(row).toHaveAttribute('data-visit', 'detected', { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  await expect(row).toContainText('Detected as GitLab on the last visit');

  // …and a page there that is not GitLab is shown as a mismatch, not silently ignored.
  await page.goto(`${ORIGIN}/wiki`);
  await expect(async () => {
    await options.reload();
    await expect(row).toHaveAttribute('data-visit', 'mismatch', { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  await expect(row).toContainText('Mismatch: /wiki did not look like GitLab');

  await row.getByRole('button', { name: `Remove ${ORIGIN} (GitLab)` }).click();
  await expect(row).toHaveCount(0);
  await expect
    .poll(() => options.evaluate(() => chrome.scripting.getRegisteredContentScripts().then((s) => s.map((x) => x.id))))
    .toEqual([]);
});

test('a feature switched off in Settings stops in an open tab, live, and comes back when switched on', async ({ daylight, page, extensionPage }) => {
  await seedDemoDirectory(daylight.context, daylight.extensionId);
  const options = await extensionPage('options');
  const issue = fixture('github', 'issue-react-public.html');
  await serveFixtures(daylight.context, [issue]);
  await page.goto(issue.url);
  const mention = page.locator('a[data-daylight-person]').first();
  const card = page.locator('[data-daylight="person-card"]');
  await expect(mention).toBeAttached();

  const focusMention = async () => {
    await mention.evaluate((el: HTMLElement) => el.blur());
    await mention.focus();
  };
  await focusMention();
  await expect(card).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(card).toHaveCount(0);

  const toggle = options.locator('[data-feature="person-cards"] input');
  await expect(toggle).toBeChecked();
  // Controlled by the stored settings: the box changes once the save comes back.
  await toggle.click();
  await expect(toggle).not.toBeChecked();
  // The tab hears of the change without a reload: its features restart without person cards, and
  // focusing a mention no longer opens a card.
  const running = () => new DaylightPage(page).featuresRunning(options);
  await expect.poll(running).not.toContain('person-cards');
  await expect.poll(running).toContain('mention-translation');
  await focusMention();
  await expect(card).toHaveCount(0);

  await toggle.click();
  await expect(toggle).toBeChecked();
  await expect(async () => {
    await focusMention();
    await expect(card).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 5_000 });
});
