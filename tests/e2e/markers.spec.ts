import { TOOL_IDS } from '../../lib/tools/tool-ids';
import { fixtureHtml, loadFixtureCatalog } from '../harness/fixture-catalog';
import { serveFixtures } from '../harness/serve-fixtures';
import { expect, test } from './test';

// Contract markers (docs/contract.md section 2) on every tool's real URLs, public and private, and
// after an in-app navigation from one to the other.
for (const tool of TOOL_IDS) {
  const pages = loadFixtureCatalog([tool]);
  const from = pages.find((p) => p.place === 'public')!;
  const to = pages.find((p) => p.place === 'private')!;

  test(`${tool}: markers on a public and a private page, across an in-app navigation`, async ({ daylight, page, host }) => {
    await serveFixtures(daylight.context, [from, to]);
    await page.goto(from.url);
    await expect.poll(() => host.markers()).toEqual({ tool, kind: from.kind, place: 'public' });
    await expect.poll(() => host.deepAttributes('[data-daylight-handle]', 'data-daylight-handle')).toEqual(from.mentions);
    expect(await host.deepAttributes('[data-daylight-post]', 'data-daylight-post')).toEqual(from.posts.map((p) => p.id));
    expect(await host.deepAttributes('[data-daylight-post]', 'data-daylight-author')).toEqual(from.posts.map((p) => p.author));

    await host.navigateInApp(to.url, fixtureHtml(to));
    await expect.poll(() => host.markers()).toEqual({ tool, kind: to.kind, place: 'private' });
    await expect.poll(() => host.deepAttributes('[data-daylight-handle]', 'data-daylight-handle')).toEqual(to.mentions);
    expect(await host.deepAttributes('[data-daylight-post]', 'data-daylight-post')).toEqual(to.posts.map((p) => p.id));

    await page.goBack();
    await expect.poll(() => host.markers()).toEqual({ tool, kind: from.kind, place: 'public' });
  });
}

test('pages of sites Daylight does not support get no markers', async ({ daylight, page, host }) => {
  const supported = loadFixtureCatalog(['github'])[0]!;
  await serveFixtures(daylight.context, [supported], { 'https://example.org/': '<!doctype html><title>Elsewhere</title><p>Hello</p>' });
  await page.goto('https://example.org/');
  // A supported page opened after it is marked: by then a content script on this one would have
  // marked it too (both tabs stay visible, so neither's frames are held back).
  const later = await daylight.context.newPage();
  await later.goto(supported.url);
  await expect(later.locator('html')).toHaveAttribute('data-daylight-tool', 'github');
  expect(await page.evaluate(() => document.visibilityState)).toBe('visible');
  await later.close();
  expect(await host.markers()).toEqual({ tool: null, kind: null, place: null });
});
