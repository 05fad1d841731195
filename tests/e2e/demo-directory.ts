import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import demoDirectory from '../fixtures/directory/demo-directory.json' with { type: 'json' };
import { FIXTURES_DIR } from '../harness/fixture-catalog';
import { expect } from './test';

export const DEMO_FILE = path.join(FIXTURES_DIR, 'directory/demo-directory.json');

/**
 * Bring the demo directory in as a user does, on an open options page: the file input, the
 * preview, Apply. A browser that already has it sees no change, and the preview is cancelled.
 * Only the tests of that path need it; the others seed the directory (below).
 */
export async function importDemoDirectory(options: Page): Promise<void> {
  await options.getByLabel('Import a directory file').setInputFiles(DEMO_FILE);
  const apply = options.getByTestId('import-preview').getByRole('button', { name: 'Apply' });
  await expect(apply).toBeVisible();
  if (await apply.isEnabled()) await apply.click();
  else await options.getByRole('button', { name: 'Cancel' }).click();
  await expect(options.getByTestId('people-count')).toHaveText('30 people in the directory.');
}

/**
 * Give Daylight the demo directory directly, as the options page's Apply does (the background's
 * `directory-replace`), from a blank extension page: for tests where the import UI is not what is
 * under test.
 */
export async function seedDemoDirectory(context: BrowserContext, extensionId: string): Promise<void> {
  const page = await context.newPage();
  try {
    // Any page of the extension may send it; the welcome page is the lightest to open.
    await page.goto(`chrome-extension://${extensionId}/welcome.html`);
    const answer = await page.evaluate(
      (directory) => chrome.runtime.sendMessage({ daylight: 1, type: 'directory-replace', payload: { directory, source: 'e2e' } }),
      demoDirectory,
    );
    expect(answer).toMatchObject({ ok: true });
  } finally {
    await page.close();
  }
}
