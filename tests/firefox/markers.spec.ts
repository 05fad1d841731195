import { TOOL_IDS } from '../../lib/tools/tool-ids';
import { expectedThankCounts, loadFixtureCatalog } from '../harness/fixture-catalog';
import { expect, test } from './test';

// The contract's page markers (docs/contract.md, section 2) and Thank hosts, in Firefox, on a public
// and a private page of every tool: what tests/e2e/markers.spec.ts and thanks.spec.ts check in Chromium.
for (const tool of TOOL_IDS) {
  const pages = loadFixtureCatalog([tool]);
  for (const place of ['public', 'private'] as const) {
    const entry = pages.find((p) => p.place === place)!;
    test(`${tool}: markers and Thank buttons on a ${place} page`, async ({ firefox, tab, host }) => {
      firefox.serve([entry]);
      await tab.goto(entry.url);
      await expect.poll(() => host.markers()).toEqual({ tool, kind: entry.kind, place });
      await expect.poll(() => host.deepAttributes('[data-daylight-handle]', 'data-daylight-handle')).toEqual(entry.mentions);
      expect(await host.deepAttributes('[data-daylight-post]', 'data-daylight-post')).toEqual(entry.posts.map((p) => p.id));
      expect(await host.deepAttributes('[data-daylight-post]', 'data-daylight-author')).toEqual(entry.posts.map((p) => p.author));
      await expect.poll(() => host.thankCounts()).toEqual(expectedThankCounts(entry));
    });
  }
}
