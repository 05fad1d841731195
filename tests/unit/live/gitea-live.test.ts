import { describe, expect, it } from 'vitest';
import type { LiveFailure } from '@/lib/search/live/source';
import { giteaLiveSource } from '@/lib/tools/gitea/live-search';
import { fakeContext, json, query } from './fake-context';

const ORIGIN = 'https://codeberg.org';
/** `GET /api/v1/repos/issues/search` as Gitea and Forgejo answer it (a list of Issue; trimmed to the fields that matter). */
const issue = {
  id: 3310051,
  url: 'https://codeberg.org/api/v1/repos/acme-ops/handbook/issues/58',
  html_url: 'https://codeberg.org/acme-ops/handbook/issues/58',
  number: 58,
  user: { id: 4411, login: 'Grace_Liu', full_name: 'Grace Liu', email: 'grace@noreply.codeberg.org' },
  title: 'Parental leave  rollout\n policy',
  body: 'Who approves **cover** during the rollout?',
  state: 'open',
  comments: 3,
  created_at: '2026-11-10T09:00:00Z',
  updated_at: '2026-11-12T08:05:45Z',
  pull_request: null,
  repository: { id: 118842, name: 'handbook', owner: 'acme-ops', full_name: 'acme-ops/handbook' },
};
const pull = { ...issue, id: 3310077, number: 61, html_url: 'https://codeberg.org/acme-ops/handbook/pulls/61', title: 'Rollout roles', user: { id: 4412, login: 'samuel_adeyemi', full_name: '' }, pull_request: { merged: false, merged_at: null, draft: false, html_url: 'https://codeberg.org/acme-ops/handbook/pulls/61' } };

describe('Gitea / Forgejo live search', () => {
  it('asks /api/v1/repos/issues/search once, for issues and pull requests together, and maps both', async () => {
    const { context, requests } = fakeContext(ORIGIN, () => json([issue, pull]));
    const items = await giteaLiveSource.search(context, query());
    expect(requests.map((r) => [r.method, r.path, Object.fromEntries(r.url.searchParams)])).toEqual([['GET', '/api/v1/repos/issues/search', { q: 'rollout', state: 'all', limit: '10' }]]);
    expect(requests[0]!.headers.accept).toBe('application/json');
    expect(items).toEqual([
      {
        tool: 'gitea',
        url: issue.html_url,
        title: 'Parental leave rollout policy',
        snippet: 'Who approves **cover** during the rollout?',
        author: { handle: 'Grace_Liu', name: 'Grace Liu' },
        time: Date.parse('2026-11-12T08:05:45Z'),
        kind: 'issue',
        private: null,
        container: 'acme-ops/handbook',
      },
      expect.objectContaining({ url: pull.html_url, kind: 'pull_request', author: { handle: 'samuel_adeyemi', name: 'samuel_adeyemi' } }),
    ]);
  });

  it('sends dates as since/before, and checks from: on the author login, case-insensitively', async () => {
    const { context, requests } = fakeContext(ORIGIN, () => json([issue, pull]));
    const after = Date.parse('2026-11-01T00:00:00Z');
    const before = Date.parse('2026-12-01T00:00:00Z');
    const items = await giteaLiveSource.search(context, query({ from: ['grace_liu'], after, before }));
    expect(requests[0]!.url.searchParams.get('since')).toBe('2026-11-01T00:00:00.000Z');
    expect(requests[0]!.url.searchParams.get('before')).toBe('2026-12-01T00:00:00.000Z');
    expect(items.map((i) => i.url)).toEqual([issue.html_url]);
  });

  it('drops links off the searched origin or not http(s)', async () => {
    const elsewhere = { ...issue, html_url: 'https://gitea.com/acme-ops/handbook/issues/58' };
    const script = { ...issue, html_url: 'javascript:alert(1)' };
    const credentials = { ...issue, html_url: 'https://user:pw@codeberg.org/acme-ops/handbook/issues/58' };
    const { context } = fakeContext(ORIGIN, () => json([elsewhere, script, credentials, pull]));
    expect((await giteaLiveSource.search(context, query())).map((i) => i.url)).toEqual([pull.html_url]);
  });

  it('says signed out on 401/403, rate-limited on 429, and changed when the answer is not a list of issues', async () => {
    const failure = async (response: Response) => {
      const { context } = fakeContext(ORIGIN, () => response);
      return giteaLiveSource.search(context, query()).then(() => null, (error: unknown) => error as LiveFailure);
    };
    expect((await failure(json({ message: 'token is required' }, 401)))?.kind).toBe('signed-out');
    expect(await failure(json({ message: 'slow down' }, 429, { 'Retry-After': '20' }))).toMatchObject({ kind: 'rate-limited', retryAfterMs: 20_000 });
    expect((await failure(json({ data: [issue] })))?.kind).toBe('changed');
    expect((await failure(json([{ ...issue, html_url: 42 }])))?.kind).toBe('changed');
    expect((await failure(new Response('<html>login</html>', { status: 200 })))?.kind).toBe('changed');
  });
});
