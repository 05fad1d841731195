import { describe, expect, it } from 'vitest';
import { packCapture, unpackCapture } from '@/lib/search/capture-wire';
import { messages } from '@/lib/messaging';
import { pageRecords } from '@/lib/tools/records';
import { github } from '@/lib/tools/github/adapter';
import { slack } from '@/lib/tools/slack/adapter';
import { JSDOM } from 'jsdom';
import { fixture, fixtureHtml } from '../../harness/fixture-catalog';
import type { ToolId } from '@/lib/tools/tool-ids';

function loadFixture(tool: ToolId, file: string) {
  const entry = fixture(tool, file);
  return { doc: new JSDOM(fixtureHtml(entry), { url: entry.url }).window.document, url: new URL(entry.url) };
}

describe('capture on the wire', () => {
  it.each([
    ['github', 'issue-react-public.html', github],
    ['slack', 'channel-public.html', slack],
  ] as const)('rebuilds exactly the records of a %s page, and what travels is smaller', (tool, file, adapter) => {
    const { doc, url } = loadFixture(tool, file);
    const records = pageRecords(adapter, url, doc, 'public');
    expect(records.length).toBeGreaterThan(2);
    const packed = packCapture(records, true);
    expect(unpackCapture(packed)).toEqual(records);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(records).length * 0.8);
    // What the background validates is what the page sends.
    expect(messages['search-capture']().request.safeParse(JSON.parse(JSON.stringify(packed))).success).toBe(true);
  });

  it('refuses a capture without its page record', () => {
    const { doc, url } = loadFixture('github', 'issue-react-public.html');
    const posts = pageRecords(github, url, doc, 'public').filter((r) => r.type === 'post');
    expect(() => packCapture(posts, false)).toThrow(/page record/);
  });

  it('rejects a post record passed off as the page', () => {
    const { doc, url } = loadFixture('github', 'issue-react-public.html');
    const [page, post] = pageRecords(github, url, doc, 'public');
    const forged = { page: { ...post!, type: 'post' }, posts: [], visit: true };
    expect(page!.type).toBe('page');
    expect(messages['search-capture']().request.safeParse(forged).success).toBe(false);
  });
});
