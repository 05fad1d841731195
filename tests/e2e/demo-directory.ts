import path from 'node:path';
import type { Page } from '@playwright/test';
import { FIXTURES_DIR } from '../harness/fixture-catalog';
import { expect } from './test';

export const DEMO_FILE = path.join(FIXTURES_DIR, 'directory/demo-directory.json');

/**
 * Bring the demo directory in as a user does, on an open options page: the file input, the
 * preview, Apply. A browser that already has it sees no change, and the preview is cancelled.
 */
export async function importDemoDirectory(options: Page): Promise<void> {
  await options.getByLabel('Import a directory file').setInputFiles(DEMO_FILE);
  const apply = options.getByTestId('import-preview').getByRole('button', { name: 'Apply' });
  await expect(apply).toBeVisible();
  if (await apply.isEnabled()) await apply.click();
  else await options.getByRole('button', { name: 'Cancel' }).click();
  await expect(options.getByTestId('people-count')).toHaveText('30 people in the directory.');
}
