// @vitest-environment jsdom
/**
 * @vitest-environment-options { "url": "https://github.com/acme/open-handbook/issues/4" }
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readAndAnnotate } from '@/lib/content/annotate';
import { largeDocumentSubtrees, POSTS_READ_AT_ONCE, SlicedDocumentPass } from '@/lib/content/document-slices';
import type { Adapter } from '@/lib/tools/adapter';
import { github } from '@/lib/tools/github/adapter';
import { slack } from '@/lib/tools/slack/adapter';
import { githubIssue, slackMessages } from '../bench/synthetic-pages';

/** Every marker on the page, element by element, as text. */
const markerSnapshot = () =>
  [...document.querySelectorAll('[data-daylight-handle], [data-daylight-post], [data-daylight-author]')].map(
    (el) => `${el.getAttribute('data-daylight-handle')}|${el.getAttribute('data-daylight-post')}|${el.getAttribute('data-daylight-author')}`,
  );

function load(html: string): void {
  document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
}

/** The markers and readings of one pass over the whole document, then the page unmarked again. */
function onePass(adapter: Adapter) {
  const read = readAndAnnotate(adapter, document, { unmarked: true });
  const snapshot = markerSnapshot();
  for (const el of document.querySelectorAll('[data-daylight-handle], [data-daylight-post], [data-daylight-author]')) {
    for (const name of ['data-daylight-handle', 'data-daylight-post', 'data-daylight-author']) el.removeAttribute(name);
  }
  return { snapshot, posts: read.posts.map((p) => `${p.id}:${p.author}`), mentions: read.mentions.length };
}

function sliced(adapter: Adapter) {
  const subtrees = largeDocumentSubtrees(document, adapter.postSelector, SMALL_LIMIT);
  expect(subtrees).not.toBeNull();
  const pass = new SlicedDocumentPass(adapter, subtrees!);
  let slices = 0;
  for (let done = false; !done; slices += 1) done = pass.slice();
  const read = pass.current();
  return { snapshot: markerSnapshot(), posts: read.posts.map((p) => `${p.id}:${p.author}`), mentions: read.mentions.length, slices };
}

/** jsdom is slow: the tests read documents past a lower limit than the content script's. */
const SMALL_LIMIT = 100;

afterEach(() => {
  document.documentElement.innerHTML = '<head></head><body></body>';
});

describe('a large document read in slices', { timeout: 60_000 }, () => {
  it('leaves a small document to one pass', () => {
    load(githubIssue(SMALL_LIMIT, 2));
    expect(largeDocumentSubtrees(document, github.postSelector, SMALL_LIMIT)).toBeNull();
    expect(POSTS_READ_AT_ONCE).toBeGreaterThan(SMALL_LIMIT);
  });

  it('marks and reads exactly what one pass over the whole document does (GitHub, 250 comments)', () => {
    load(githubIssue(250, 2));
    const whole = onePass(github);
    expect(whole.posts).toHaveLength(250);
    expect(whole.mentions).toBe(500);
    const inSlices = sliced(github);
    expect(inSlices.snapshot).toEqual(whole.snapshot);
    expect(inSlices.posts).toEqual(whole.posts);
    expect(inSlices.mentions).toBe(whole.mentions);
    expect(inSlices.slices).toBeGreaterThan(1);
  });

  it('keeps chat follow-on messages with the author of their run across slices (Slack, 250 messages)', () => {
    load(`<!doctype html><html><body><div class="p-client"><div class="p-workspace"><div class="c-virtual_list__scroll_container" role="list">${slackMessages(250, 1764000000, 7)}</div></div></div></body></html>`);
    const whole = onePass(slack);
    expect(whole.posts.length).toBe(250);
    const inSlices = sliced(slack);
    expect(inSlices.snapshot).toEqual(whole.snapshot);
    expect(inSlices.posts).toEqual(whole.posts);
  });

  it('reads a change made between slices again, and drops what the page removed', () => {
    load(githubIssue(250, 1));
    const subtrees = largeDocumentSubtrees(document, github.postSelector, SMALL_LIMIT)!;
    const pass = new SlicedDocumentPass(github, subtrees);
    pass.slice();
    const first = document.querySelector('[data-wrapper-timeline-id="IC_0"]')!;
    first.remove();
    while (!pass.slice());
    const posts = pass.current().posts.map((p) => p.id);
    expect(posts).toHaveLength(249);
    expect(posts).not.toContain('issuecomment-1000');
  });
});
