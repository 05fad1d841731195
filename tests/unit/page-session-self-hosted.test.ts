// Runs at http://localhost:3000, an origin that is no tool's SaaS host: the DOM must say which tool it is.
import { afterEach, describe, expect, it } from 'vitest';
import { startPageSession } from '@/lib/content/page-session';
import { gitlab } from '@/lib/tools/gitlab/adapter';

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

describe('page session on a self-hosted origin', () => {
  it('marks a self-hosted page only once the DOM says it is the tool', async () => {
    history.replaceState(null, '', '/acme/handbook/-/issues/58');
    controller = new AbortController();
    startPageSession(gitlab, controller.signal);
    expect(markers().tool).toBeNull();
    document.head.innerHTML = '<meta property="og:site_name" content="GitLab">';
    document.body.dataset.page = 'projects:issues:show';
    await expect.poll(() => markers().tool).toBe('gitlab');
    expect(markers().kind).toBe('issue');
  });

});
