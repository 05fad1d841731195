import { describe, expect, it } from 'vitest';
import type { LiveFailure } from '@/lib/search/live/source';
import { mattermostLiveSource, mattermostTerms } from '@/lib/tools/mattermost/live-search';
import { fakeContext, json, query, type SeenRequest } from './fake-context';

const ORIGIN = 'https://chat.acme.example';
const teams = [{ id: 'team1', name: 'acme', display_name: 'Acme' }];
const channels = [
  { id: 'ch-town', team_id: 'team1', name: 'town-square', display_name: 'Town Square', type: 'O' },
  { id: 'ch-sec', team_id: 'team1', name: 'security', display_name: 'Security', type: 'P' },
];
/** PostSearchResults as `POST /api/v4/posts/search` answers it. */
const results = {
  order: ['p2', 'p1'],
  posts: {
    p1: { id: 'p1', message: 'The rollout is done', user_id: 'u1', channel_id: 'ch-town', create_at: 1_790_000_000_000, root_id: '' },
    p2: { id: 'p2', message: 'Rollout of the key rotation', user_id: 'u2', channel_id: 'ch-sec', create_at: 1_790_000_100_000, root_id: '' },
  },
  matches: { p1: ['rollout'], p2: ['Rollout'] },
  has_next: false,
};
const users = [
  { id: 'u1', username: 'priya.raman', first_name: 'Priya', last_name: 'Raman' },
  { id: 'u2', username: 'lena', first_name: '', last_name: '' },
];

function server(overrides: Partial<Record<string, (r: SeenRequest) => Response>> = {}) {
  return (r: SeenRequest): Response => {
    const own = overrides[`${r.method} ${r.path}`];
    if (own) return own(r);
    if (r.path === '/api/v4/users/me/teams') return json(teams);
    if (r.path === '/api/v4/users/me/teams/team1/channels') return json(channels);
    if (r.method === 'POST' && r.path === '/api/v4/users/ids') return json(users.filter((u) => (JSON.parse(r.body) as string[]).includes(u.id)));
    if (r.method === 'POST' && r.path.endsWith('/posts/search')) return json(results);
    return json({ message: 'not found' }, 404);
  };
}

describe('Mattermost live search', () => {
  it('searches all teams with the CSRF headers, and names channels and authors from cached lookups', async () => {
    const { context, requests } = fakeContext(ORIGIN, server(), { MMCSRF: 'csrf-123' });
    const items = await mattermostLiveSource.search(context, query());
    const search = requests.find((r) => r.path === '/api/v4/posts/search')!;
    expect(search.headers['x-requested-with']).toBe('XMLHttpRequest');
    expect(search.headers['x-csrf-token']).toBe('csrf-123');
    expect(JSON.parse(search.body)).toMatchObject({ terms: 'rollout', page: 0, per_page: 10 });
    expect(items).toEqual([
      { tool: 'mattermost', url: `${ORIGIN}/acme/pl/p2`, title: 'Rollout of the key rotation', snippet: 'Rollout of the key rotation', author: { handle: 'lena', name: 'lena' }, time: 1_790_000_100_000, kind: 'private-channel', private: true, container: 'Security' },
      expect.objectContaining({ url: `${ORIGIN}/acme/pl/p1`, author: { handle: 'priya.raman', name: 'Priya Raman' }, kind: 'channel', private: false, container: 'Town Square' }),
    ]);
    // Users in one batched request; a second search asks nothing but the search itself.
    expect(requests.filter((r) => r.path === '/api/v4/users/ids')).toHaveLength(1);
    requests.length = 0;
    await mattermostLiveSource.search(context, query());
    expect(requests.map((r) => r.path)).toEqual(['/api/v4/posts/search']);
  });

  it('sends no X-CSRF-Token when the server set no MMCSRF cookie', async () => {
    const { context, requests } = fakeContext(ORIGIN, server());
    await mattermostLiveSource.search(context, query());
    expect(requests.find((r) => r.path === '/api/v4/posts/search')!.headers['x-csrf-token']).toBeUndefined();
  });

  it('falls back to the per-team search on servers without the all-teams endpoint, and remembers', async () => {
    const { context, requests } = fakeContext(ORIGIN, server({ 'POST /api/v4/posts/search': () => json({ message: 'not found' }, 404) }));
    expect(await mattermostLiveSource.search(context, query())).toHaveLength(2);
    expect(requests.map((r) => r.path)).toContain('/api/v4/teams/team1/posts/search');
    requests.length = 0;
    await mattermostLiveSource.search(context, query());
    expect(requests.map((r) => r.path)).toEqual(['/api/v4/teams/team1/posts/search']);
  });

  it('writes from: and dates in Mattermost syntax (its after: is exclusive)', () => {
    expect(mattermostTerms('rollout', ['priya.raman', 'lena'], new Date(2026, 2, 10).getTime(), new Date(2026, 3, 1).getTime())).toBe(
      'rollout from:priya.raman from:lena after:2026-03-09 before:2026-04-01',
    );
  });

  it.each([
    ['no session (401)', { 'POST /api/v4/posts/search': () => json({ id: 'api.context.session_expired.app_error' }, 401) }, 'signed-out'],
    ['strict CSRF refused (401)', { 'GET /api/v4/users/me/teams': () => json({ id: 'api.context.session_expired.app_error' }, 401) }, 'signed-out'],
    ['rate-limited', { 'POST /api/v4/posts/search': () => json({}, 429, { 'Retry-After': '3' }) }, 'rate-limited'],
    ['busy (503)', { 'POST /api/v4/posts/search': () => json({}, 503) }, 'error'],
    ['changed shape', { 'POST /api/v4/posts/search': () => json({ results: [] }) }, 'changed'],
    ['malformed', { 'POST /api/v4/posts/search': () => new Response('{"order": [', { status: 200 }) }, 'changed'],
  ] as const)('%s → %s', async (_, overrides, kind) => {
    const { context } = fakeContext(ORIGIN, server(overrides));
    expect(((await mattermostLiveSource.search(context, query()).catch((e: unknown) => e)) as LiveFailure).kind).toBe(kind);
  });
});
