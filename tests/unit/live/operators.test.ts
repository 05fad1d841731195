import { describe, expect, it } from 'vitest';
import { filterAfter, type LiveQuery, type LiveSource } from '@/lib/search/live/source';
import { asanaLiveSource } from '@/lib/tools/asana/live-search';
import { githubLiveSource } from '@/lib/tools/github/live-search';
import { gitlabLiveSource } from '@/lib/tools/gitlab/live-search';
import { mattermostLiveSource } from '@/lib/tools/mattermost/live-search';
import { phabricatorLiveSource } from '@/lib/tools/phabricator/live-search';
import { slackLiveSource } from '@/lib/tools/slack/live-search';
import { fakeContext, json, query, type Answer, type SeenRequest } from './fake-context';

/**
 * The query's operators on every tool, as the service applies them (the source's request, then
 * filterAfter on the answer): `from:` as the tool's own author filter with the person's handle
 * there, `is:private`/`is:public` and `before:`/`after:` sent where the tool has them and checked
 * on every answer. (`tool:` narrowing the fan-out is the service's: live-search-service.test.ts.)
 */
const NOV_1 = new Date(2026, 10, 1).getTime();
const NOV_20 = new Date(2026, 10, 20).getTime();
const OCT = '2026-10-15T10:00:00.000Z';
const NOV = '2026-11-10T10:00:00.000Z';
const DEC = '2026-12-01T10:00:00.000Z';

async function run(source: LiveSource, origin: string, answer: Answer, q: Partial<LiveQuery>, cookies: Record<string, string> = {}) {
  const { context, requests } = fakeContext(origin, answer, cookies);
  const full = query(q);
  const items = filterAfter(await source.search(context, full), full);
  return { items, requests, titles: items.map((i) => i.title) };
}
const searchOf = (requests: SeenRequest[], test: (r: SeenRequest) => boolean) => requests.filter(test);

describe('operators on GitHub', () => {
  const hit = (n: number, created: string) => ({ hl_title: `Issue ${n}`, number: n, repo: { repository: { owner_login: 'acme', name: 'api' } }, issue: { issue: { pull_request_id: null } }, author_name: 'kit-gh', created });
  const answer: Answer = () => json({ payload: { blackbirdSearchRoute: { results: [hit(1, OCT), hit(2, NOV), hit(3, DEC)], logged_in: true } } });

  it('sends from:, is: and dates as its own qualifiers, and checks the dates on the answer', async () => {
    const { requests, titles } = await run(githubLiveSource, 'https://github.com', answer, { from: ['kit-gh', 'kit2'], place: 'private', after: NOV_1, before: NOV_20 });
    const q = requests[0]!.url.searchParams.get('q')!;
    expect(q).toContain('(author:kit-gh OR author:kit2)');
    expect(q).toContain('is:private');
    expect(q).toContain('created:>=2026-11-01');
    expect(q).toContain('created:<2026-11-20');
    expect(titles).toEqual(['Issue 2']);
  });
});

describe('operators on GitLab', () => {
  const issue = (n: number, author: string, updated: string, confidential = false) => ({
    iid: n, title: `Issue ${n}`, web_url: `https://gitlab.com/acme/infra/-/issues/${n}`, updated_at: updated, author: { username: author, name: author }, confidential,
  });
  const answer: Answer = (r) => json(r.url.searchParams.get('scope') === 'issues' ? [issue(1, 'Praman', OCT, true), issue(2, 'praman', NOV, true), issue(3, 'lena', NOV), issue(4, 'praman', DEC)] : []);

  it('checks from: on the author after the answer (no author parameter), case-insensitively', async () => {
    expect((await run(gitlabLiveSource, 'https://gitlab.com', answer, { from: ['praman'] })).titles).toEqual(['Issue 1', 'Issue 2', 'Issue 4']);
  });
  it('asks confidential issues for is:private', async () => {
    const { requests, titles } = await run(gitlabLiveSource, 'https://gitlab.com', answer, { place: 'private' });
    expect(requests.every((r) => r.url.searchParams.get('confidential') === 'true')).toBe(true);
    expect(titles).toEqual(['Issue 1', 'Issue 2']);
  });
  it('filters dates after the answer (the search API has none)', async () => {
    const { requests, titles } = await run(gitlabLiveSource, 'https://gitlab.com', answer, { after: NOV_1, before: NOV_20 });
    expect(requests.some((r) => [...r.url.searchParams.keys()].some((k) => /after|before/.test(k)))).toBe(false);
    expect(titles).toEqual(['Issue 2', 'Issue 3']);
  });
});

describe('operators on Mattermost', () => {
  const ORIGIN = 'https://chat.acme.example';
  const post = (id: string, channel: string, at: string) => ({ id, message: `Post ${id}`, user_id: 'u1', channel_id: channel, create_at: Date.parse(at) });
  const answer: Answer = (r) => {
    if (r.path === '/api/v4/users/me/teams') return json([{ id: 't1', name: 'acme' }]);
    if (r.path === '/api/v4/users/me/teams/t1/channels') return json([{ id: 'open', team_id: 't1', name: 'town', type: 'O' }, { id: 'closed', team_id: 't1', name: 'sec', type: 'P' }, { id: 'dm', team_id: 't1', name: 'u1__u2', type: 'D' }]);
    if (r.path === '/api/v4/users/ids') return json([{ id: 'u1', username: 'kit.mm' }]);
    const posts = [post('a', 'open', OCT), post('b', 'closed', NOV), post('c', 'open', NOV), post('d', 'dm', NOV)];
    return json({ order: posts.map((p) => p.id), posts: Object.fromEntries(posts.map((p) => [p.id, p])) });
  };
  const terms = (requests: SeenRequest[]) => (JSON.parse(searchOf(requests, (r) => r.path.endsWith('/posts/search'))[0]!.body) as { terms: string }).terms;

  it('sends from: and dates in its own search syntax', async () => {
    const { requests } = await run(mattermostLiveSource, ORIGIN, answer, { from: ['kit.mm'], after: NOV_1, before: NOV_20 });
    expect(terms(requests)).toBe('rollout from:kit.mm after:2026-10-31 before:2026-11-20');
  });
  it('is:private and is:public by the channel type (private channels and direct messages are private)', async () => {
    expect((await run(mattermostLiveSource, ORIGIN, answer, { place: 'private' })).titles).toEqual(['Post b', 'Post d']);
    expect((await run(mattermostLiveSource, ORIGIN, answer, { place: 'public' })).titles).toEqual(['Post a', 'Post c']);
  });
});

describe('operators on Slack', () => {
  const ORIGIN = 'https://acme.slack.com';
  const match = (ts: string, priv: boolean, extra: object = {}) => ({ ts, text: `Message ${ts}`, user: 'U1', permalink: `${ORIGIN}/archives/C1/p${ts.replace('.', '')}`, channel: { id: 'C1', name: 'c', is_private: priv, ...extra } });
  const nov = String(Date.parse(NOV) / 1000);
  const answer: Answer = (r) =>
    r.path === '/ssb/redirect'
      ? new Response('"api_token":"xoxc-1-2"')
      : json({ ok: true, messages: { matches: [match(`${Date.parse(OCT) / 1000}.000100`, false), match(`${nov}.000100`, true), match(`${nov}.000200`, false), match(`${nov}.000300`, false, { is_im: true, is_private: undefined })] } });
  const sent = (requests: SeenRequest[]) => new URLSearchParams(searchOf(requests, (r) => r.path === '/api/search.messages')[0]!.body).get('query');

  it("sends from: as member mentions and dates as Slack's modifiers", async () => {
    const { requests } = await run(slackLiveSource, ORIGIN, answer, { from: ['U0PRIYA001'], after: NOV_1, before: NOV_20 });
    expect(sent(requests)).toBe('rollout from:<@U0PRIYA001> after:2026-10-31 before:2026-11-20');
  });
  it('is:private and is:public by the channel the answer names (direct messages are private)', async () => {
    expect((await run(slackLiveSource, ORIGIN, answer, { place: 'private' })).items.map((i) => i.kind)).toEqual(['private-channel', 'dm']);
    expect((await run(slackLiveSource, ORIGIN, answer, { place: 'public' })).items).toHaveLength(2);
  });
});

describe('operators on Asana', () => {
  const task = (gid: string, by: string, modified: string) => ({ gid, name: `Task ${gid}`, permalink_url: `https://app.asana.com/0/1/${gid}`, created_by: { gid: by, name: by }, modified_at: modified });
  const tasks = [task('1', '101', OCT), task('2', '101', NOV), task('3', '102', NOV)];
  const premium: Answer = (r) => (r.path.endsWith('/users/me') ? json({ data: { workspaces: [{ gid: 'w1', name: 'Acme' }] } }) : json({ data: tasks }));
  const free: Answer = (r) => (r.path.endsWith('/tasks/search') ? json({ errors: [] }, 402) : premium(r));

  it('sends from: as created_by.any and dates as modified_at filters to the full-text search', async () => {
    const { requests } = await run(asanaLiveSource, 'https://app.asana.com', premium, { from: ['101'], after: NOV_1, before: NOV_20 });
    const params = searchOf(requests, (r) => r.path.endsWith('/tasks/search'))[0]!.url.searchParams;
    expect(params.get('created_by.any')).toBe('101');
    expect(params.get('modified_at.after')).toBe(new Date(NOV_1).toISOString());
    expect(params.get('modified_at.before')).toBe(new Date(NOV_20).toISOString());
  });
  it('on the typeahead (no search on the plan) checks from: and dates on the answer', async () => {
    expect((await run(asanaLiveSource, 'https://app.asana.com', free, { from: ['101'], after: NOV_1, before: NOV_20 })).titles).toEqual(['Task 2']);
  });
  it('is: leaves out tasks whose answer does not say who can see them', async () => {
    expect((await run(asanaLiveSource, 'https://app.asana.com', premium, { place: 'public' })).items).toEqual([]);
  });
});

describe('operators on Phabricator', () => {
  const ORIGIN = 'https://phab.acme.example';
  const object = (id: number, author: string, modified: string) => ({ id, phid: `PHID-TASK-${id}`, fields: { name: `Task ${id}`, authorPHID: author, dateModified: Date.parse(modified) / 1000 } });
  const conduit = (data: unknown[]) => json({ result: { data }, error_code: null, error_info: null });
  const answer: Answer = (r) => {
    if (r.path === '/login/refresh/') return new Response('for (;;);{"payload":{"token":"B@x"}}');
    const params = JSON.parse(new URLSearchParams(r.body).get('params')!) as { constraints: { usernames?: string[]; phids?: string[] } };
    if (r.path === '/api/user.search') return conduit([{ phid: 'PHID-USER-alice', fields: { username: 'alice', realName: 'Alice' } }].filter((u) => params.constraints.usernames?.includes('alice') || params.constraints.phids?.includes(u.phid)));
    if (r.path === '/api/maniphest.search') return conduit([object(1, 'PHID-USER-alice', OCT), object(2, 'PHID-USER-alice', NOV)]);
    return conduit([]);
  };

  it('sends from: as authorPHIDs (usernames looked up once), and checks dates on the answer', async () => {
    const { requests, titles } = await run(phabricatorLiveSource, ORIGIN, answer, { from: ['alice'], after: NOV_1, before: NOV_20 });
    const search = searchOf(requests, (r) => r.path === '/api/maniphest.search')[0]!;
    expect((JSON.parse(new URLSearchParams(search.body).get('params')!) as { constraints: unknown }).constraints).toEqual({ query: 'rollout', authorPHIDs: ['PHID-USER-alice'] });
    expect(titles).toEqual(['T2 Task 2']);
  });
  it('a from: nobody on the install has asks no search', async () => {
    const { requests, items } = await run(phabricatorLiveSource, ORIGIN, answer, { from: ['nobody'] });
    expect(items).toEqual([]);
    expect(searchOf(requests, (r) => r.path.endsWith('revision.search') || r.path === '/api/maniphest.search')).toEqual([]);
  });
});
