import { describe, expect, it } from 'vitest';
import type { LiveFailure } from '@/lib/search/live/source';
import { phabricatorLiveSource } from '@/lib/tools/phabricator/live-search';
import { fakeContext, json, query, type SeenRequest } from './fake-context';

const ORIGIN = 'https://phorge.acme.example';
/** `GET /login/refresh/` as a real Phorge answers it (reference §7.6). */
const refresh = (token: string) => new Response(`for (;;);${JSON.stringify({ error: null, payload: { token } })}`, { status: 200 });
const conduit = (data: unknown[]) => json({ result: { data, maps: {}, query: { queryKey: null }, cursor: { limit: 10, after: null, before: null, order: null } }, error_code: null, error_info: null });
const task = { id: 1234, type: 'TASK', phid: 'PHID-TASK-1', fields: { name: 'Release train rollout', description: { raw: 'Cut the branch on **Monday**' }, authorPHID: 'PHID-USER-alice', status: { value: 'open' }, dateCreated: 1_790_000_000, dateModified: 1_790_000_500 } };
const revision = { id: 77, type: 'DREV', phid: 'PHID-DREV-1', fields: { title: 'Rollout flag', summary: 'Adds the flag', authorPHID: 'PHID-USER-bob', dateCreated: 1_790_000_000, dateModified: 1_790_000_900 } };
const people = [
  { id: 1, type: 'USER', phid: 'PHID-USER-alice', fields: { username: 'alice', realName: 'Alice Liddell' } },
  { id: 2, type: 'USER', phid: 'PHID-USER-bob', fields: { username: 'bob', realName: 'Bob' } },
];

const params = (r: SeenRequest) => JSON.parse(new URLSearchParams(r.body).get('params')!) as { constraints: Record<string, unknown> };

function server(token = 'B@token1', overrides: Partial<Record<string, (r: SeenRequest) => Response>> = {}) {
  return (r: SeenRequest): Response => {
    const own = overrides[r.path];
    if (own) return own(r);
    if (r.path === '/login/refresh/') return refresh(token);
    if (r.headers['x-phabricator-csrf'] !== token) return json({ result: null, error_code: 'ERR-CONDUIT-CORE', error_info: 'CSRF token invalid' });
    if (r.path === '/api/maniphest.search') return conduit([task]);
    if (r.path === '/api/differential.revision.search') return conduit([revision]);
    if (r.path === '/api/user.search') {
      const { constraints } = params(r);
      const phids = constraints.phids as string[] | undefined;
      const names = constraints.usernames as string[] | undefined;
      return conduit(people.filter((p) => phids?.includes(p.phid) || names?.includes(p.fields.username)));
    }
    return json({}, 404);
  };
}

describe('Phabricator live search', () => {
  it('gets a CSRF token from /login/refresh/, searches tasks and revisions by full text, names authors in one user.search', async () => {
    const { context, requests } = fakeContext(ORIGIN, server());
    const items = await phabricatorLiveSource.search(context, query());
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /login/refresh/', 'POST /api/maniphest.search', 'POST /api/differential.revision.search', 'POST /api/user.search']);
    const search = requests[1]!;
    expect(search.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(new URLSearchParams(search.body).get('output')).toBe('json');
    expect(params(search).constraints).toEqual({ query: 'rollout' });
    expect(params(requests[3]!).constraints).toEqual({ phids: ['PHID-USER-alice', 'PHID-USER-bob'] });
    expect(items).toEqual([
      { tool: 'phabricator', url: `${ORIGIN}/T1234`, title: 'T1234 Release train rollout', snippet: 'Cut the branch on **Monday**', author: { handle: 'alice', name: 'Alice Liddell' }, time: 1_790_000_500_000, kind: 'task', private: null, container: 'Maniphest' },
      expect.objectContaining({ url: `${ORIGIN}/D77`, title: 'D77 Rollout flag', kind: 'differential_revision', author: { handle: 'bob', name: 'Bob' } }),
    ]);
  });

  it('turns from: usernames into authorPHIDs (names cached), and a stale CSRF token is fetched again once', async () => {
    let token = 'B@old';
    const { context, requests } = fakeContext(ORIGIN, (r) => server(token)(r));
    await phabricatorLiveSource.search(context, query());
    token = 'B@new';
    requests.length = 0;
    await phabricatorLiveSource.search(context, query({ from: ['Alice'] }));
    const searches = requests.filter((r) => r.path === '/api/maniphest.search');
    expect(params(searches.at(-1)!).constraints).toEqual({ query: 'rollout', authorPHIDs: ['PHID-USER-alice'] });
    expect(requests.filter((r) => r.path === '/login/refresh/')).toHaveLength(1);
    // alice is known from the first search: no user.search by username.
    expect(requests.filter((r) => r.path === '/api/user.search')).toHaveLength(0);
  });

  it.each([
    ['no session', { '/api/maniphest.search': () => json({ result: null, error_code: 'ERR-INVALID-SESSION', error_info: 'Session is not valid.' }) }, 'signed-out'],
    ['CSRF refused twice', { '/api/maniphest.search': () => json({ result: null, error_code: 'ERR-CONDUIT-CORE', error_info: 'CSRF' }) }, 'error'],
    ['rate-limited by the preamble', { '/api/maniphest.search': () => json({}, 429, { 'Retry-After': '60' }) }, 'rate-limited'],
    ['refresh without a token', { '/login/refresh/': () => new Response('for (;;);{"error":null,"payload":{}}') }, 'changed'],
    ['changed shape', { '/api/maniphest.search': () => json({ result: { rows: [] }, error_code: null }) }, 'changed'],
    ['malformed', { '/api/maniphest.search': () => new Response('for (;;);{', { status: 200 }) }, 'changed'],
  ] as const)('%s → %s', async (_, overrides, kind) => {
    const { context } = fakeContext(ORIGIN, server('B@token1', overrides));
    expect(((await phabricatorLiveSource.search(context, query()).catch((e: unknown) => e)) as LiveFailure).kind).toBe(kind);
  });
});
