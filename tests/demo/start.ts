/**
 * `npm start`: build Daylight and open Chromium with it on the bundled demo workspace.
 *   npm start                                   interactive, needs a display
 *   npm start -- --headless --screenshots out   writes PNGs of every demo page, the popup and the options page
 *   --no-build                                  reuse .output/chrome-mv3
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from '@playwright/test';
import demoDirectory from '../fixtures/directory/demo-directory.json' with { type: 'json' };
import { launchDaylight, ROOT, type DaylightBrowser } from '../harness/chromium';
import { loadFixtureCatalog, type FixtureEntry } from '../harness/fixture-catalog';
import { serveFixtures } from '../harness/serve-fixtures';
import { START_URL, startPageHtml } from './start-page';

const { values: options } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    screenshots: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
  },
});

function build(): void {
  console.log('Building Daylight for Chromium…');
  const result = spawnSync(path.join(ROOT, 'node_modules/.bin/wxt'), ['build'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function preloadDirectory(browser: DaylightBrowser): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const answer = await page.evaluate(
    (directory) => chrome.runtime.sendMessage({ daylight: 1, type: 'directory-replace', payload: { directory, source: 'demo' } }),
    demoDirectory,
  );
  if (!answer?.ok) throw new Error(`The demo directory was refused: ${answer?.error}`);
  await page.close();
}

/** In screenshots, a caption that says what Daylight reports for the page (read from its markers). */
async function captionMarkers(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-daylight-tool'), null, { timeout: 10_000 });
  await page.evaluate(() => {
    const html = document.documentElement;
    const caption = document.createElement('div');
    caption.setAttribute('data-demo-caption', '');
    caption.textContent = `☀ Daylight · ${html.dataset.daylightTool} · ${html.dataset.daylightKind} · place: ${html.dataset.daylightPlace}`;
    Object.assign(caption.style, {
      position: 'fixed', right: '12px', bottom: '12px', zIndex: '2147483647', padding: '6px 12px', borderRadius: '999px',
      background: '#1e293b', color: '#fbbf24', font: '600 13px system-ui, sans-serif', boxShadow: '0 2px 8px rgba(0,0,0,.3)',
    });
    document.body.append(caption);
  });
}

/** Hover the first resolved mention that nothing covers, so the screenshot shows its person card. */
async function showOnePersonCard(page: Page): Promise<void> {
  await page.waitForSelector('[data-daylight-person]', { timeout: 5_000 }).catch(() => undefined);
  const point = await page.evaluate(() => {
    for (const mention of document.querySelectorAll('[data-daylight-person]')) {
      mention.scrollIntoView({ block: 'center' });
      const r = mention.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (mention.contains(document.elementFromPoint(x, y))) return { x, y };
    }
    return null;
  });
  if (!point) return;
  await page.mouse.move(point.x, point.y);
  await page.waitForSelector('[data-daylight="person-card"]', { timeout: 2_000 }).catch(() => undefined);
}

async function screenshots(browser: DaylightBrowser, entries: readonly FixtureEntry[], dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const page = await browser.context.newPage();
  const shot = async (name: string) => {
    const file = path.join(dir, `${name}.png`);
    await page.screenshot({ path: file });
    console.log(`  ${path.relative(process.cwd(), file)}`);
  };
  await page.goto(START_URL);
  await shot('00-start-page');
  for (const entry of entries) {
    await page.goto(entry.url);
    await captionMarkers(page);
    await showOnePersonCard(page);
    await shot(`${entry.tool}-${entry.file.replace(/\.html$/, '')}`);
  }
  for (const name of ['popup', 'options', 'welcome']) {
    await page.goto(`chrome-extension://${browser.extensionId}/${name}.html`);
    await page.waitForLoadState('networkidle');
    await shot(`zz-${name}`);
  }
}

async function main(): Promise<void> {
  if (!options['no-build']) build();
  const headless = options.headless || options.screenshots !== undefined;
  if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.error('No display found. Use: npm start -- --headless --screenshots out');
    process.exit(2);
  }
  const entries = loadFixtureCatalog();
  const browser = await launchDaylight({ headless, viewport: headless ? { width: 1280, height: 800 } : null });
  await serveFixtures(browser.context, entries, { [START_URL]: startPageHtml(entries) });
  await preloadDirectory(browser);

  if (options.screenshots !== undefined) {
    console.log(`Writing screenshots to ${options.screenshots}/`);
    await screenshots(browser, entries, path.resolve(options.screenshots));
    await browser.close();
    return;
  }
  const page = await browser.context.newPage();
  await page.goto(START_URL);
  console.log('Daylight demo workspace is open. Close the browser window to stop.');
  await new Promise<void>((resolve) => browser.context.on('close', () => resolve()));
  await browser.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
