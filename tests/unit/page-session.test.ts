// @vitest-environment jsdom
/**
 * @vitest-environment-options { "url": "https://github.com/" }
 */
import { describe, expect, it } from 'vitest';
import { startPageSession } from '@/lib/content/page-session';
import { markers, sessionScope } from './page-session-helpers';
import { github } from '@/lib/tools/github/adapter';

const session = sessionScope();

describe('page session', () => {
  it('marks the page and follows in-app navigation', async () => {
    history.replaceState(null, '', '/acme/open-handbook/issues/112');
    startPageSession(github, session.context());
    await expect.poll(markers).toEqual({ tool: 'github', kind: 'issue', place: 'unknown' });

    history.pushState(null, '', '/acme/open-handbook/pull/118');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await expect.poll(markers).toEqual({ tool: 'github', kind: 'pull_request', place: 'unknown' });
  });

  it('re-reads the page after an in-app navigation that fires no event and changes nothing yet (history.pushState, through WXT)', async () => {
    history.replaceState(null, '', '/acme/open-handbook/issues/112');
    startPageSession(github, session.context());
    await expect.poll(markers).toEqual({ tool: 'github', kind: 'issue', place: 'unknown' });

    history.pushState(null, '', '/acme/open-handbook/pull/118');
    // Only WXT's location watcher sees this (jsdom has no Navigation API: WXT looks at the URL every second).
    await expect.poll(() => markers().kind, { timeout: 3000 }).toBe('pull_request');
  });

  it('notices a URL change made without any event, through the DOM update that follows it', async () => {
    history.replaceState(null, '', '/acme/open-handbook/issues/112');
    startPageSession(github, session.context());
    history.pushState(null, '', '/acme/open-handbook/discussions/57');
    document.body.append(document.createElement('main'));
    await expect.poll(() => markers().kind).toBe('discussion');
  });

  it('puts the markers back when the host re-render drops them', async () => {
    history.replaceState(null, '', '/acme/open-handbook/issues/112');
    startPageSession(github, session.context());
    document.documentElement.removeAttribute('data-daylight-kind');
    await expect.poll(() => markers().kind).toBe('issue');
  });

  it('marks comments and mentions that render after the page loaded, and re-marks a re-render', async () => {
    history.replaceState(null, '', '/acme/open-handbook/issues/112');
    startPageSession(github, session.context());
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
    startPageSession(github, session.context());
    session.stop();
    document.documentElement.removeAttribute('data-daylight-kind');
    document.body.append(document.createElement('div'));
    await new Promise((r) => setTimeout(r, 300));
    expect(markers().kind).toBeNull();
  });
});
