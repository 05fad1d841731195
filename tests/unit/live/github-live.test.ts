import { describe, expect, it } from 'vitest';
import type { LiveFailure } from '@/lib/search/live/source';
import { githubLiveSource, githubQuery } from '@/lib/tools/github/live-search';
import { fakeContext, json, query } from './fake-context';

const ORIGIN = 'https://github.com';
/** `GET /search?type=issues` with `Accept: application/json`, as the web search answers it since 2026-08. */
const result = (number: number, pull: boolean) => ({
  hl_title: `Document the <em>rollout</em> checklist ${number}`,
  hl_text: 'Steps for the <em>rollout</em>',
  number,
  state: 'open',
  num_comments: 3,
  created: '2026-05-02T09:00:00Z',
  author_name: 'lena-k',
  author_avatar_url: 'https://avatars.githubusercontent.com/u/1',
  repo: { repository: { id: 5, owner_login: 'acme', name: 'open-handbook' } },
  issue: { issue: { pull_request_id: pull ? 77 : null } },
});
const answer = (results: unknown[], loggedIn = true) => ({ payload: { blackbirdSearchRoute: { results, result_count: results.length, page_count: 1, logged_in: loggedIn } } });

describe('GitHub live search', () => {
  it('asks the web search for JSON and builds issue and pull request links on github.com', async () => {
    const { context, requests } = fakeContext(ORIGIN, () => json(answer([result(112, false), result(113, true)])));
    const items = await githubLiveSource.search(context, query());
    expect(requests).toHaveLength(1);
    expect(requests[0]!.path).toBe('/search');
    expect(requests[0]!.url.searchParams.get('type')).toBe('issues');
    expect(requests[0]!.headers.accept).toBe('application/json');
    expect(items.map((i) => [i.url, i.kind, i.title, i.author?.handle, i.container])).toEqual([
      ['https://github.com/acme/open-handbook/issues/112', 'issue', 'Document the rollout checklist 112', 'lena-k', 'acme/open-handbook'],
      ['https://github.com/acme/open-handbook/pull/113', 'pull_request', 'Document the rollout checklist 113', 'lena-k', 'acme/open-handbook'],
    ]);
    expect(items[0]!.time).toBe(Date.parse('2026-05-02T09:00:00Z'));
  });

  it('turns from:, is: and dates into GitHub qualifiers', () => {
    const after = new Date(2026, 0, 5).getTime();
    const before = new Date(2026, 1, 1).getTime();
    expect(githubQuery(query({ from: ['priya-r'], place: 'private', after, before }))).toBe('rollout author:priya-r is:private created:>=2026-01-05 created:<2026-02-01');
    expect(githubQuery(query({ from: ['a', 'b'] }))).toBe('rollout (author:a OR author:b)');
  });

  it('is signed out when the answer says logged_in: false, or GitHub sends us to /login', async () => {
    const visitor = fakeContext(ORIGIN, () => json(answer([], false)));
    expect(await githubLiveSource.search(visitor.context, query()).catch((e: LiveFailure) => e.kind)).toBe('signed-out');
    const redirected = fakeContext(ORIGIN, () => {
      const response = new Response('<html>', { status: 200 });
      Object.defineProperty(response, 'redirected', { value: true });
      Object.defineProperty(response, 'url', { value: 'https://github.com/login?return_to=%2Fsearch' });
      return response;
    });
    expect(await githubLiveSource.search(redirected.context, query()).catch((e: LiveFailure) => e.kind)).toBe('signed-out');
  });

  it.each([
    ['the pre-2026-08 shape (results at the top level)', { results: [result(1, false)], logged_in: true }],
    ['a result without its repository', answer([{ ...result(1, false), repo: { name: 'x' } }])],
    ['HTML instead of JSON', '<!DOCTYPE html><html></html>'],
  ])('reports a changed shape for %s', async (_, body) => {
    const { context } = fakeContext(ORIGIN, () => json(body));
    const failure = (await githubLiveSource.search(context, query()).catch((e: unknown) => e)) as LiveFailure;
    expect(failure.kind).toBe('changed');
    expect(failure.message).toMatch(/GitHub/);
  });

  it('honours Retry-After on a secondary rate limit', async () => {
    const { context } = fakeContext(ORIGIN, () => json({ message: 'secondary rate limit' }, 429, { 'Retry-After': '60' }));
    const failure = (await githubLiveSource.search(context, query()).catch((e: unknown) => e)) as LiveFailure;
    expect([failure.kind, failure.retryAfterMs]).toEqual(['rate-limited', 60_000]);
  });
});
