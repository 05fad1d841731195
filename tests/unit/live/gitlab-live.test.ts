import { describe, expect, it } from 'vitest';
import { LiveFailure } from '@/lib/search/live/source';
import { gitlabLiveSource } from '@/lib/tools/gitlab/live-search';
import { fakeContext, json, query } from './fake-context';

const ORIGIN = 'https://gitlab.com';
/** `GET /api/v4/search?scope=issues` as GitLab answers it (IssueBasic). */
const issue = {
  id: 901,
  iid: 31,
  project_id: 7,
  title: 'Terraform state <b>hygiene</b>',
  description: 'Lock the state bucket before the rollout.',
  state: 'opened',
  created_at: '2026-03-01T10:00:00.000Z',
  updated_at: '2026-03-04T12:00:00.000Z',
  author: { id: 3, username: 'praman', name: 'Priya Raman' },
  confidential: false,
  web_url: 'https://gitlab.com/acme/platform/infra-tools/-/issues/31',
  references: { short: '#31', relative: '#31', full: 'acme/platform/infra-tools#31' },
};
const mr = { ...issue, id: 902, iid: 8, title: 'Roll out the lock', author: { id: 4, username: 'nadia.o', name: 'Nadia O' }, web_url: 'https://gitlab.com/acme/platform/infra-tools/-/merge_requests/8', references: { full: 'acme/platform/infra-tools!8' } };

const answers = (scope: string | null) => (scope === 'issues' ? [issue] : [mr]);

describe('GitLab live search', () => {
  it('asks /api/v4/search per scope, one after the other, and maps issues and merge requests', async () => {
    const { context, requests } = fakeContext(ORIGIN, (r) => json(answers(r.url.searchParams.get('scope'))));
    const items = await gitlabLiveSource.search(context, query());
    expect(requests.map((r) => [r.method, r.path, r.url.searchParams.get('scope'), r.url.searchParams.get('search'), r.url.searchParams.get('per_page')])).toEqual([
      ['GET', '/api/v4/search', 'issues', 'rollout', '10'],
      ['GET', '/api/v4/search', 'merge_requests', 'rollout', '10'],
    ]);
    expect(items).toEqual([
      {
        tool: 'gitlab',
        url: issue.web_url,
        title: 'Terraform state hygiene',
        snippet: 'Lock the state bucket before the rollout.',
        author: { handle: 'praman', name: 'Priya Raman' },
        time: Date.parse(issue.updated_at),
        kind: 'issue',
        private: null,
        container: 'acme/platform/infra-tools',
      },
      expect.objectContaining({ url: mr.web_url, kind: 'merge_request', container: 'acme/platform/infra-tools' }),
    ]);
  });

  it('checks from: on the author after the answer (the API has no author filter), and asks confidential for is:private', async () => {
    const { context, requests } = fakeContext(ORIGIN, (r) => json(answers(r.url.searchParams.get('scope'))));
    const items = await gitlabLiveSource.search(context, query({ from: ['PRaman'], place: 'private' }));
    expect(items.map((i) => i.url)).toEqual([issue.web_url]);
    expect(requests.every((r) => r.url.searchParams.get('confidential') === 'true')).toBe(true);
  });

  it('drops links off the origin or not http(s)', async () => {
    const { context } = fakeContext(ORIGIN, (r) =>
      json(r.url.searchParams.get('scope') === 'issues' ? [{ ...issue, web_url: 'https://evil.example/x' }, { ...issue, web_url: 'javascript:alert(1)' }] : []),
    );
    expect(await gitlabLiveSource.search(context, query())).toEqual([]);
  });

  it.each([
    ['signed out (401)', () => json({ message: '401 Unauthorized' }, 401), 'signed-out'],
    ['scope disabled (403)', () => json({ message: 'Global Search is disabled for this scope' }, 403), 'signed-out'],
    ['rate-limited (429)', () => json({ message: 'Retry later' }, 429, { 'Retry-After': '42' }), 'rate-limited'],
    ['malformed', () => new Response('<html>oops', { status: 200 }), 'changed'],
    ['changed shape', () => json({ data: [issue] }), 'changed'],
    ['a field changed type', () => json([{ ...issue, iid: '31' }]), 'changed'],
    ['timeout (408)', () => json({}, 408), 'error'],
  ] as const)('%s is a %s failure', async (_, answer, kind) => {
    const { context } = fakeContext(ORIGIN, answer);
    const failure = await gitlabLiveSource.search(context, query()).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(LiveFailure);
    expect((failure as LiveFailure).kind).toBe(kind);
    if (kind === 'rate-limited') expect((failure as LiveFailure).retryAfterMs).toBe(42_000);
  });
});
