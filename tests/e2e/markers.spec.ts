import { fixture, fixtureHtml } from '../harness/fixture-catalog';
import { serveFixtures } from '../harness/serve-fixtures';
import { expect, test } from './test';

// The markers of contract.md section 2 on real tool URLs, and after in-app navigation.
const cases = [
  // { from: fixture('github', 'issue-react-public.html'), to: fixture('github', 'pull-request-classic-private.html') },
  { from: fixture('slack', 'channel-public.html'), to: fixture('slack', 'dm.html') },
  // { from: fixture('gitlab', 'issue-legacy-public.html'), to: fixture('gitlab', 'merge-request-private.html') },
];

for (const { from, to } of cases) {
  test(`${from.tool}: markers on ${from.url} follow an in-app navigation`, async ({ daylight, page, host }) => {
    await serveFixtures(daylight.context, [from, to]);
    await page.goto(from.url);
    await expect.poll(() => host.markers()).toEqual({ tool: from.tool, kind: from.kind, place: 'unknown' });

    await host.navigateInApp(to.url, fixtureHtml(to));
    await expect.poll(() => host.markers()).toEqual({ tool: to.tool, kind: to.kind, place: 'unknown' });

    await page.goBack();
    await expect.poll(() => host.markers()).toMatchObject({ tool: from.tool, kind: from.kind });
  });
}

test('pages of sites Daylight does not support get no markers', async ({ daylight, page, host }) => {
  await serveFixtures(daylight.context, [], { 'https://example.org/': '<!doctype html><title>Elsewhere</title><p>Hello</p>' });
  await page.goto('https://example.org/');
  await page.waitForTimeout(300);
  expect(await host.markers()).toEqual({ tool: null, kind: null, place: null });
});
