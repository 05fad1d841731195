/**
 * @vitest-environment-options { "url": "https://github.com/" }
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startPageSession } from '@/lib/content/page-session';
import { github } from '@/lib/tools/github/adapter';

const markers = () => ({
  tool: document.documentElement.getAttribute('data-daylight-tool'),
  kind: document.documentElement.getAttribute('data-daylight-kind'),
  place: document.documentElement.getAttribute('data-daylight-place'),
});

let controller: AbortController;
afterEach(() => {
  controller.abort();
  for (const name of ['data-daylight-tool', 'data-daylight-kind', 'data-daylight-place']) document.documentElement.removeAttribute(name);
  document.body.innerHTML = '';
  document.head.innerHTML = '';
  history.replaceState(null, '', '/');
});

describe('page session', () => {
  it('marks the page and follows in-app navigation', async () => {
    history.replaceState(null, '', '/acme/open-handbook/issues/112');
    controller = new AbortController();
    startPageSession(github, controller.signal);
    await expect.poll(markers).toEqual({ tool: 'github', kind: 'issue', place: 'unknown' });

    history.pushState(null, '', '/acme/open-handbook/pull/118');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await expect.poll(markers).toEqual({ tool: 'github', kind: 'pull_request', place: 'unknown' });
  });

  it('notices a URL change made without any event, through the DOM update that follows it', async () => {
    history.replaceState(null, '', '/acme/open-handbook/issues/112');
    controller = new AbortController();
    startPageSession(github, controller.signal);
    history.pushState(null, '', '/acme/open-handbook/discussions/57');
    document.body.append(document.createElement('main'));
    await expect.poll(() => markers().kind).toBe('discussion');
  });

  it('puts the markers back when the host re-render drops them', async () => {
    history.replaceState(null, '', '/acme/open-handbook/issues/112');
    controller = new AbortController();
    startPageSession(github, controller.signal);
    document.documentElement.removeAttribute('data-daylight-kind');
    await expect.poll(() => markers().kind).toBe('issue');
  });

  it('marks comments and mentions that render after the page loaded, and re-marks a re-render', async () => {
    history.replaceState(null, '', '/acme/open-handbook/issues/112');
    controller = new AbortController();
    startPageSession(github, controller.signal);
    const comment = document.createElement('div');
    comment.className = 'react-issue-comment';
    comment.innerHTML = `<div data-testid="comment-header" id="issuecomment-42"><a data-testid="avatar-link" href="/lena-k">lena-k</a></div>
      <div class="markdown-body"><p>cc <a class="user-mention" data-hovercard-type="user" href="https://github.com/nadiaosei">@nadiaosei</a></p></div>`;
    document.body.append(comment);
    await expect.poll(() => comment.getAttribute('data-daylight-post')).toBe('issuecomment-42');
    expect(comment.getAttribute('data-daylight-author')).toBe('lena-k');
    const mention = comment.querySelector('a.user-mention')!;
    expect(mention.getAttribute('data-daylight-handle')).toBe('nadiaosei');
    // React re-renders the body: the new mention node is marked again.
    const fresh = mention.cloneNode(true) as Element;
    fresh.removeAttribute('data-daylight-handle');
    mention.replaceWith(fresh);
    await expect.poll(() => fresh.getAttribute('data-daylight-handle')).toBe('nadiaosei');
  });

  it('stops touching the page once invalidated', async () => {
    history.replaceState(null, '', '/acme/open-handbook/issues/112');
    controller = new AbortController();
    startPageSession(github, controller.signal);
    controller.abort();
    document.documentElement.removeAttribute('data-daylight-kind');
    document.body.append(document.createElement('div'));
    await new Promise((r) => setTimeout(r, 300));
    expect(markers().kind).toBeNull();
  });
});
