import { describe, expect, it } from 'vitest';
import type { LiveSource } from '@/lib/search/live/source';
import { asanaLiveSource } from '@/lib/tools/asana/live-search';
import { githubLiveSource } from '@/lib/tools/github/live-search';
import { gitlabLiveSource } from '@/lib/tools/gitlab/live-search';
import { mattermostLiveSource } from '@/lib/tools/mattermost/live-search';
import { phabricatorLiveSource } from '@/lib/tools/phabricator/live-search';
import { slackLiveSource } from '@/lib/tools/slack/live-search';
import { fakeContext, json, query, type Answer, type SeenRequest } from './fake-context';

/** "More from <tool>": each source asks the page it is given and says when the tool has another. */
async function pageOf(source: LiveSource, origin: string, answer: Answer, page: number, memory?: Map<string, unknown>) {
  const { context, requests, more } = fakeContext(origin, answer);
  if (memory) for (const [k, v] of memory) context.memory.set(k, v);
  const items = await source.search(context, query({ page }));
  return { items, requests, more: more.value, memory: context.memory };
}
const searches = (requests: SeenRequest[], path: RegExp) => requests.filter((r) => path.test(r.path));

describe('pages of live answers', () => {
  it('GitHub: p= and page_count', async () => {
    const hit = { hl_title: 'x', number: 1, repo: { repository: { owner_login: 'a', name: 'b' } }, issue: { issue: { pull_request_id: null } } };
    const answer: Answer = (r) => json({ payload: { blackbirdSearchRoute: { results: [hit], page_count: 3, logged_in: true } }, p: r.url.searchParams.get('p') });
    const first = await pageOf(githubLiveSource, 'https://github.com', answer, 1);
    expect(first.requests[0]!.url.searchParams.has('p')).toBe(false);
    expect(first.more).toBe(true);
    const third = await pageOf(githubLiveSource, 'https://github.com', answer, 3);
    expect(third.requests[0]!.url.searchParams.get('p')).toBe('3');
    expect(third.more).toBe(false);
  });

  it('GitLab: page= per scope, another page when X-Next-Page says', async () => {
    const issue = { iid: 1, title: 'x', web_url: 'https://gitlab.com/a/b/-/issues/1' };
    const answer: Answer = (r) => json(r.url.searchParams.get('scope') === 'issues' ? [issue] : [], 200, r.url.searchParams.get('page') === '1' && r.url.searchParams.get('scope') === 'issues' ? { 'X-Next-Page': '2' } : { 'X-Next-Page': '' });
    const first = await pageOf(gitlabLiveSource, 'https://gitlab.com', answer, 1);
    expect(first.more).toBe(true);
    const second = await pageOf(gitlabLiveSource, 'https://gitlab.com', answer, 2);
    expect(second.requests.map((r) => r.url.searchParams.get('page'))).toEqual(['2', '2']);
    expect(second.more).toBe(false);
  });

  it('Mattermost: 0-based page, has_next', async () => {
    const answer: Answer = (r) => {
      if (r.path === '/api/v4/users/me/teams') return json([{ id: 't1', name: 'acme' }]);
      if (r.path.endsWith('/channels')) return json([]);
      if (r.path === '/api/v4/users/ids') return json([]);
      const { page } = JSON.parse(r.body) as { page: number };
      return json({ order: [`p${page}`], posts: { [`p${page}`]: { id: `p${page}`, message: 'x', user_id: 'u', channel_id: 'c', create_at: 1 } }, has_next: page === 0 });
    };
    const first = await pageOf(mattermostLiveSource, 'https://chat.acme.example', answer, 1);
    expect(first.more).toBe(true);
    const second = await pageOf(mattermostLiveSource, 'https://chat.acme.example', answer, 2);
    expect((JSON.parse(searches(second.requests, /posts\/search$/)[0]!.body) as { page: number }).page).toBe(1);
    expect(second.items.map((i) => i.url)).toEqual(['https://chat.acme.example/acme/pl/p1']);
    expect(second.more).toBe(false);
  });

  it('Slack: page= and pagination.page_count', async () => {
    const answer: Answer = (r) => {
      if (r.path === '/ssb/redirect') return new Response('"api_token":"xoxc-1"');
      const page = Number(new URLSearchParams(r.body).get('page'));
      return json({ ok: true, messages: { matches: [], pagination: { page, page_count: 2 } } });
    };
    expect((await pageOf(slackLiveSource, 'https://acme.slack.com', answer, 1)).more).toBe(true);
    const second = await pageOf(slackLiveSource, 'https://acme.slack.com', answer, 2);
    expect(new URLSearchParams(searches(second.requests, /search\.messages$/)[0]!.body).get('page')).toBe('2');
    expect(second.more).toBe(false);
  });

  it("Phabricator: the cursor's after is remembered for the next page of each kind", async () => {
    const conduit = (data: unknown[], after: string | null) => json({ result: { data, cursor: { limit: 10, after, before: null } }, error_code: null });
    const answer: Answer = (r) => {
      if (r.path === '/login/refresh/') return new Response('for (;;);{"payload":{"token":"B@x"}}');
      const params = JSON.parse(new URLSearchParams(r.body).get('params')!) as { after?: string };
      if (r.path === '/api/maniphest.search') return params.after === '41' ? conduit([{ id: 40, phid: 'P40', fields: { name: 'older' } }], null) : conduit([{ id: 42, phid: 'P42', fields: { name: 'newer' } }], '41');
      return conduit([], null);
    };
    const first = await pageOf(phabricatorLiveSource, 'https://phab.acme.example', answer, 1);
    expect(first.more).toBe(true);
    const second = await pageOf(phabricatorLiveSource, 'https://phab.acme.example', answer, 2, first.memory);
    expect(second.items.map((i) => i.title)).toEqual(['T40 older']);
    // Revisions had no further page: not asked again.
    expect(searches(second.requests, /revision\.search$/)).toEqual([]);
    expect(second.more).toBe(false);
  });

  it('Asana: one page (the typeahead has no pages, the search no stable ones)', async () => {
    const answer: Answer = (r) => (r.path.endsWith('/users/me') ? json({ data: { workspaces: [{ gid: 'w' }] } }) : json({ data: [] }));
    expect((await pageOf(asanaLiveSource, 'https://app.asana.com', answer, 1)).more).toBe(false);
  });
});
