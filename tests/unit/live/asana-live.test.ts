import { describe, expect, it } from 'vitest';
import { sameItemKey } from '@/lib/search/live/sources';
import type { LiveFailure } from '@/lib/search/live/source';
import { asanaLiveSource } from '@/lib/tools/asana/live-search';
import { fakeContext, json, query, type SeenRequest } from './fake-context';

const ORIGIN = 'https://app.asana.com';
const me = { data: { gid: '1207000000000101', workspaces: [{ gid: '1207000000000001', name: 'Acme', resource_type: 'workspace' }] } };
const tasks = {
  data: [
    { gid: '1207000000002001', name: 'Rollout template', notes: 'Fix the layout', permalink_url: 'https://app.asana.com/0/1207000000001001/1207000000002001', created_by: { gid: '1207000000000101', name: 'Priya Raman', resource_type: 'user' }, modified_at: '2026-04-02T10:00:00.000Z', created_at: '2026-04-01T10:00:00.000Z' },
    { gid: '1207000000002002', name: 'Rollout comms', notes: '', permalink_url: 'https://app.asana.com/0/1207000000001001/1207000000002002', created_by: { gid: '1207000000000202', name: 'Lena' }, modified_at: null, created_at: '2026-04-03T10:00:00.000Z' },
  ],
};

function server(plan: 'premium' | 'free', overrides: Partial<Record<string, (r: SeenRequest) => Response>> = {}) {
  return (r: SeenRequest): Response => {
    const kind = r.path.split('/').at(-1)!;
    const own = overrides[kind];
    if (own) return own(r);
    if (r.path === '/api/1.0/users/me') return json(me);
    if (kind === 'search') return plan === 'premium' ? json(tasks) : json({ errors: [{ message: 'Search is only available to premium users.' }] }, 402);
    if (kind === 'typeahead') return json(tasks);
    return json({}, 404);
  };
}

describe('Asana live search', () => {
  it('uses tasks/search with the Asana client headers where the plan has it, from: as created_by.any', async () => {
    const { context, requests } = fakeContext(ORIGIN, server('premium'));
    const items = await asanaLiveSource.search(context, query({ from: ['1207000000000101'] }));
    const search = requests.find((r) => r.path.endsWith('/tasks/search'))!;
    expect(search.path).toBe('/api/1.0/workspaces/1207000000000001/tasks/search');
    expect(search.url.searchParams.get('text')).toBe('rollout');
    expect(search.url.searchParams.get('created_by.any')).toBe('1207000000000101');
    expect(search.headers['x-allow-asana-client']).toBe('1');
    expect(items).toEqual([
      { tool: 'asana', url: tasks.data[0]!.permalink_url, title: 'Rollout template', snippet: 'Fix the layout', author: { handle: '1207000000000101', name: 'Priya Raman' }, time: Date.parse('2026-04-02T10:00:00.000Z'), kind: 'task', private: null, container: 'Acme' },
    ]);
  });

  it('switches to the typeahead on 402 and remembers it for the workspace', async () => {
    const { context, requests } = fakeContext(ORIGIN, server('free'));
    expect(await asanaLiveSource.search(context, query())).toHaveLength(2);
    expect(requests.map((r) => r.path.split('/').at(-1))).toEqual(['me', 'search', 'typeahead']);
    requests.length = 0;
    await asanaLiveSource.search(context, query());
    expect(requests.map((r) => r.path.split('/').at(-1))).toEqual(['typeahead']);
    expect(requests[0]!.url.searchParams.get('resource_type')).toBe('task');
  });

  it('the same task is one item whichever Asana address names it', () => {
    expect(sameItemKey('asana', 'https://app.asana.com/1/1207000000000001/project/1207000000001001/task/1207000000002001')).toBe(
      sameItemKey('asana', 'https://app.asana.com/0/1207000000001001/1207000000002001'),
    );
  });

  it.each([
    ['signed out', { me: () => json({ errors: [{ message: 'Not Authorized' }] }, 401) }, 'signed-out'],
    ['rate-limited', { search: () => json({}, 429, { 'Retry-After': '30' }) }, 'rate-limited'],
    ['changed shape', { search: () => json({ tasks: [] }) }, 'changed'],
    ['malformed', { search: () => new Response('not json') }, 'changed'],
  ] as const)('%s → %s', async (_, overrides, kind) => {
    const { context } = fakeContext(ORIGIN, server('premium', overrides));
    expect(((await asanaLiveSource.search(context, query()).catch((e: unknown) => e)) as LiveFailure).kind).toBe(kind);
  });
});
