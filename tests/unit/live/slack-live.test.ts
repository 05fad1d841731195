import { describe, expect, it } from 'vitest';
import type { LiveFailure } from '@/lib/search/live/source';
import { slackLiveSource, slackQuery } from '@/lib/tools/slack/live-search';
import { fakeContext, json, query, type SeenRequest } from './fake-context';

const ORIGIN = 'https://acme.slack.com';
const boot = (token: string) => new Response(`<html><script>var boot_data = {"api_token":"${token}","team_id":"T0ACME"};</script></html>`, { status: 200 });
/** `search.messages` as documented (messages.matches[]). */
const matches = {
  ok: true,
  query: 'rollout',
  messages: {
    total: 1,
    pagination: { total_count: 1, page: 1, per_page: 20, page_count: 1 },
    matches: [
      { iid: 'x', ts: '1795515309.000200', text: 'The migration ledger <b>rollout</b>', user: 'U0PRIYA001', username: 'priya', permalink: 'https://acme.slack.com/archives/C0GENERAL01/p1795515309000200', channel: { id: 'C0GENERAL01', name: 'general', is_private: false }, team: 'T0ACME' },
      { ts: '1795515310.000100', text: 'elsewhere', user: 'U1', permalink: 'https://evil.example/archives/C1/p1', channel: { id: 'C1', name: 'x' } },
    ],
  },
};

function server(tokens: string[], answer: (r: SeenRequest) => Response = () => json(matches)) {
  let minted = 0;
  return (r: SeenRequest): Response => {
    if (r.path === '/ssb/redirect') return boot(tokens[Math.min(minted++, tokens.length - 1)]!);
    if (r.path === '/api/search.messages') {
      const token = new URLSearchParams(r.body).get('token');
      return token === tokens.at(-1) ? answer(r) : json({ ok: false, error: 'invalid_auth' });
    }
    return json({}, 404);
  };
}

describe('Slack live search', () => {
  it('reads the client token from the boot page, searches messages, keeps links on the workspace', async () => {
    const { context, requests } = fakeContext(ORIGIN, server(['xoxc-1-abc']));
    const items = await slackLiveSource.search(context, query());
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /ssb/redirect', 'POST /api/search.messages']);
    expect(new URLSearchParams(requests[1]!.body).get('query')).toBe('rollout');
    expect(items).toEqual([
      { tool: 'slack', url: matches.messages.matches[0]!.permalink, title: 'The migration ledger rollout', snippet: 'The migration ledger rollout', author: { handle: 'U0PRIYA001', name: 'priya' }, time: 1_795_515_309_000.2, kind: 'channel', private: false, container: '#general' },
    ]);
    // The token stays in memory: the next search does not read the boot page again.
    requests.length = 0;
    await slackLiveSource.search(context, query());
    expect(requests.map((r) => r.path)).toEqual(['/api/search.messages']);
  });

  it('reads the token again once when Slack says it expired', async () => {
    const { context, requests } = fakeContext(ORIGIN, server(['xoxc-new']));
    context.memory.set('token', 'xoxc-old');
    expect(await slackLiveSource.search(context, query())).toHaveLength(1);
    expect(requests.map((r) => r.path)).toEqual(['/api/search.messages', '/ssb/redirect', '/api/search.messages']);
  });

  it('an Enterprise Grid workspace that refuses the client token says so (its org-level token is not supported)', async () => {
    const { context } = fakeContext(ORIGIN, server(['xoxc-1'], () => json({ ok: false, error: 'team_is_restricted' })));
    await expect(slackLiveSource.search(context, query())).rejects.toMatchObject({ kind: 'error', message: expect.stringMatching(/Enterprise Grid/) });
  });

  it('writes from: as member mentions and dates as Slack modifiers', () => {
    expect(slackQuery('rollout', ['U0PRIYA001'], new Date(2026, 0, 10).getTime(), new Date(2026, 0, 20).getTime())).toBe('rollout from:<@U0PRIYA001> after:2026-01-09 before:2026-01-20');
  });

  it.each([
    ['no workspace session (no token on the boot page)', () => new Response('<html>sign in</html>'), 'signed-out'],
    ['ratelimited', () => json({ ok: false, error: 'ratelimited' }), 'rate-limited'],
    ['429', () => json({}, 429, { 'Retry-After': '20' }), 'rate-limited'],
    ['changed shape', () => json({ ok: true, messages: { hits: [] } }), 'changed'],
    ['malformed', () => new Response('{ok', { status: 200 }), 'changed'],
  ] as const)('%s → %s', async (_, answer, kind) => {
    const bootless = kind === 'signed-out';
    const { context } = fakeContext(ORIGIN, bootless ? answer : server(['xoxc-1'], answer));
    expect(((await slackLiveSource.search(context, query()).catch((e: unknown) => e)) as LiveFailure).kind).toBe(kind);
  });

  it('is off unless switched on', () => {
    expect(slackLiveSource.onByDefault).toBe(false);
  });
});
