import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { relayedResponse, type LiveRelay } from '@/lib/background/live-relay';
import { createLiveSearchService } from '@/lib/background/live-search-service';
import { answerLiveRelay, pageCookie, relayFetch } from '@/lib/content/live-relay';
import { messages, type LiveSearchEvent } from '@/lib/messaging';
import { checkStatus } from '@/lib/search/live/source';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';

const MM = 'https://chat.acme.example';
const teams = [{ id: 'team1', name: 'acme' }];
const channels = [{ id: 'town', team_id: 'team1', name: 'town-square', display_name: 'Town Square', type: 'O' }];
const answer = (posts: Array<{ id: string; channel?: string }>) => ({
  order: posts.map((p) => p.id),
  posts: Object.fromEntries(posts.map((p) => [p.id, { id: p.id, message: `Rollout ${p.id}`, user_id: 'u1', channel_id: p.channel ?? 'town', create_at: 1_790_000_000_000 }])),
});

/** A Mattermost that answers `respond`, as either the network (the background) or a tab would. */
function mattermost(respond: (path: string, init: RequestInit) => unknown | number) {
  return (url: URL, init: RequestInit): Response => {
    const body = respond(url.pathname, init);
    return typeof body === 'number' ? new Response('{"message":"Invalid or expired session"}', { status: body }) : new Response(JSON.stringify(body), { status: 200 });
  };
}
const lookups = (path: string): unknown => {
  if (path === '/api/v4/users/me/teams') return teams;
  if (path === '/api/v4/users/me/teams/team1/channels') return channels;
  if (path === '/api/v4/users/ids') return [{ id: 'u1', username: 'kit.mm' }];
  return undefined;
};

function service(network: (url: URL, init: RequestInit) => Response, relay: LiveRelay | null) {
  const settings: Settings = { ...DEFAULT_SETTINGS, liveSearch: { github: false, gitlab: false, asana: false }, selfHosted: { mattermost: [MM] } };
  const asked: string[] = [];
  const relays: string[] = [];
  const live = createLiveSearchService({
    settings: async () => settings,
    fetch: async (input, init = {}) => {
      asked.push(new URL(String(input)).pathname);
      return network(new URL(String(input)), init);
    },
    hasAccess: async () => true,
    cookie: async () => null,
    reportChanged: () => undefined,
    relay: async (tool, origin) => {
      relays.push(`${tool} ${origin}`);
      return relay;
    },
    timeoutMs: 1_000,
  });
  let id = 0;
  const run = async (text = 'rollout') => {
    const events: LiveSearchEvent[] = [];
    await live.search({ id: ++id, text, tools: ['mattermost'], from: null, place: null, after: null, before: null }, (e) => events.push(e), new AbortController().signal);
    return events;
  };
  return { asked, relays, run };
}

/** A relay whose "tab" answers with `tab`, recording what it was asked. */
function fakeRelay(tab: (url: URL, init: RequestInit) => Response, cookies: Record<string, string> = {}) {
  const seen: Array<{ path: string; init: RequestInit }> = [];
  const relay: LiveRelay = {
    tabId: 7,
    fetch: async (url, init) => {
      seen.push({ path: url.pathname, init });
      return tab(url, init);
    },
    cookie: async (name) => cookies[name] ?? null,
  };
  return { relay, seen };
}

const items = (events: LiveSearchEvent[]) => events.flatMap((e) => (e.type === 'items' ? e.items.map((i) => i.url) : []));
const last = (events: LiveSearchEvent[]) => events.filter((e) => e.type === 'state').at(-1);

describe('the content-script relay', () => {
  it('where the background is refused as signed out, an open tab makes the request instead', async () => {
    // A server with strict CSRF: the background's POST is refused; the tab's (same origin) is not.
    const network = mattermost((path, init) => (init.method === 'POST' ? 401 : lookups(path)));
    const tab = fakeRelay(mattermost((path) => lookups(path) ?? answer([{ id: 'p1' }, { id: 'p2' }])), { MMCSRF: 'tab-csrf' });
    const { asked, relays, run } = service(network, tab.relay);
    const events = await run();
    expect(last(events)).toMatchObject({ tool: 'mattermost', state: 'done' });
    expect(items(events)).toEqual([`${MM}/acme/pl/p1`, `${MM}/acme/pl/p2`]);
    expect(relays).toEqual([`mattermost ${MM}`]);
    expect(asked).toContain('/api/v4/posts/search');
    // The tab's own CSRF cookie, read in the page, goes with the tab's POST.
    const post = tab.seen.find((s) => s.path === '/api/v4/posts/search')!;
    expect(new Headers(post.init.headers).get('X-CSRF-Token')).toBe('tab-csrf');

    // The next search goes through the tab at once: the background's request is not tried again.
    asked.length = 0;
    await run('rollout again');
    expect(asked).toEqual([]);
    expect(tab.seen.filter((s) => s.path === '/api/v4/posts/search')).toHaveLength(2);
  });

  it('with no open tab, stays signed out and says a tab would do', async () => {
    const { run } = service(mattermost(() => 401), null);
    const state = last(await run());
    expect(state).toMatchObject({ state: 'signed-out' });
    expect(state?.type === 'state' && state.text).toMatch(/keep a Mattermost tab open/);
  });

  it('a tab signed out too is signed out; its answers are checked like the network (links off the origin dropped)', async () => {
    const signedOutTab = fakeRelay(mattermost(() => 401));
    expect(last(await service(mattermost(() => 401), signedOutTab.relay).run())).toMatchObject({ state: 'signed-out' });

    const team = [{ id: 'team1', name: 'evil.example/x' }];
    const oddTab = fakeRelay(mattermost((path) => (path === '/api/v4/users/me/teams' ? team : (lookups(path) ?? answer([{ id: 'p1' }])))));
    const events = await service(mattermost(() => 401), oddTab.relay).run();
    expect(items(events).every((url) => url.startsWith(`${MM}/`))).toBe(true);

    const changedTab = fakeRelay(mattermost((path) => lookups(path) ?? { results: [] }));
    const changed = last(await service(mattermost(() => 401), changedTab.relay).run());
    expect(changed).toMatchObject({ state: 'error' });
    expect(changed?.type === 'state' && changed.text).toMatch(/changed shape/);
  });

  it("the tab's answer is validated by the message's schema before anything reads it", () => {
    const schema = messages['live-relay-fetch']().response;
    const good = { status: 200, url: `${MM}/api/v4/posts/search`, redirected: false, headers: { 'retry-after': '30' }, body: '{}' };
    expect(schema.safeParse(good).success).toBe(true);
    expect(schema.safeParse({ ...good, status: 0 }).success).toBe(false);
    expect(schema.safeParse({ ...good, body: 42 }).success).toBe(false);
    expect(schema.safeParse({ ...good, headers: { 'x-long': 'x'.repeat(2000) } }).success).toBe(false);
    // A relayed 429 and a redirect to the sign-in page read as the network's would.
    expect(() => checkStatus(relayedResponse({ ...good, status: 429 }), 'Mattermost')).toThrow(expect.objectContaining({ kind: 'rate-limited', retryAfterMs: 30_000 }));
    expect(() => checkStatus(relayedResponse({ ...good, redirected: true, url: `${MM}/login?redirect_to=x` }), 'Mattermost')).toThrow(expect.objectContaining({ kind: 'signed-out' }));
    // Its request: a path only, on no other origin, GET or POST.
    const request = messages['live-relay-fetch']().request;
    expect(request.safeParse({ tool: 'mattermost', path: 'https://evil.example/', method: 'GET', headers: {} }).success).toBe(false);
    expect(request.safeParse({ tool: 'mattermost', path: '/api/v4/posts/search', method: 'DELETE', headers: {} }).success).toBe(false);
  });
});

describe("the tab's side of the relay", () => {
  it('fetches on its own origin only, with the page credentials, and passes on only the headers sources read', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('{"ok":1}', { status: 200, headers: { 'Retry-After': '5', 'Set-Cookie': 'x=1', 'X-Secret': 'no' } }));
    const answer = await relayFetch({ tool: 'mattermost', path: '/api/v4/posts/search', method: 'POST', headers: { 'X-Requested-With': 'XMLHttpRequest' }, body: '{}' }, MM);
    expect(fetch).toHaveBeenCalledWith(`${MM}/api/v4/posts/search`, expect.objectContaining({ method: 'POST', credentials: 'same-origin', body: '{}' }));
    expect(answer).toMatchObject({ status: 200, body: '{"ok":1}', headers: { 'retry-after': '5' } });
    expect(Object.keys(answer.headers).sort()).toEqual(['content-type', 'retry-after']);
    await expect(relayFetch({ tool: 'mattermost', path: '//evil.example/steal', method: 'GET', headers: {} }, MM)).rejects.toThrow(/off https:\/\/chat.acme.example/);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("reads the page's cookies; answers only for its own tool", async () => {
    expect(pageCookie('MMCSRF', 'a=1; MMCSRF=abc%3D; b=2')).toBe('abc=');
    expect(pageCookie('MMAUTHTOKEN', 'a=1; MMCSRF=abc')).toBeNull();
    const stop = new AbortController();
    const listeners: Array<(raw: unknown) => Promise<unknown> | undefined> = [];
    vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener').mockImplementation((l) => void listeners.push(l as never));
    const win = { location: { origin: MM }, document: { cookie: 'MMCSRF=tab-csrf' } } as unknown as Window;
    answerLiveRelay('mattermost', win, stop.signal);
    expect(await listeners[0]!({ daylight: 1, type: 'live-relay-cookie', payload: { tool: 'mattermost', name: 'MMCSRF' } })).toEqual({ ok: true, data: { value: 'tab-csrf' } });
    expect(listeners[0]!({ daylight: 1, type: 'live-relay-cookie', payload: { tool: 'gitlab', name: 'MMCSRF' } })).toBeUndefined();
    expect(listeners[0]!({ daylight: 1, type: 'page-state', payload: {} })).toBeUndefined();
    stop.abort();
  });
});
