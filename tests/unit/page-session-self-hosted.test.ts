// Runs at http://localhost:3000, an origin that is no tool's SaaS host: the DOM must say which tool it is.
import { describe, expect, it } from 'vitest';
import { startPageSession } from '@/lib/content/page-session';
import { markers, sessionScope } from './page-session-helpers';
import { gitlab } from '@/lib/tools/gitlab/adapter';

const session = sessionScope();

describe('page session on a self-hosted origin', () => {
  it('marks a self-hosted page only once the DOM says it is the tool', async () => {
    history.replaceState(null, '', '/acme/handbook/-/issues/58');
    startPageSession(gitlab, session.signal());
    expect(markers().tool).toBeNull();
    document.head.innerHTML = '<meta property="og:site_name" content="GitLab">';
    document.body.dataset.page = 'projects:issues:show';
    await expect.poll(() => markers().tool).toBe('gitlab');
    expect(markers().kind).toBe('issue');
  });

});
