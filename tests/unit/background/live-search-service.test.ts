import { describe, expect, it } from 'vitest';
import { createLiveSearchService, type LiveSearchDeps } from '@/lib/background/live-search-service';
import type { LiveSearchEvent, LiveSearchRequest } from '@/lib/messaging';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { TOOL_IDS } from '@/lib/tools/tool-ids';

const issue = (n: number, author = 'praman') => ({
  iid: n,
  title: `Rollout ${n}`,
  web_url: `https://gitlab.com/acme/infra/-/issues/${n}`,
  updated_at: '2026-03-04T12:00:00.000Z',
  author: { username: author, name: author },
  references: { full: `acme/infra#${n}` },
});

interface Sent {
  url: string;
  init: RequestInit;
}

/** The service with GitLab only switched on (others off by setting), and a fetch that answers `answer`. */
function setup(answer: (url: URL, init: RequestInit) => Response | Promise<Response>, patch: Partial<Settings> = {}, deps: Partial<LiveSearchDeps> = {}) {
  const sent: Sent[] = [];
  const changed: string[] = [];
  let clock = 1_000_000;
  const settings: Settings = { ...DEFAULT_SETTINGS, liveSearch: Object.fromEntries(TOOL_IDS.map((tool) => [tool, tool === 'gitlab'])), ...patch };
  const service = createLiveSearchService({
    settings: async () => settings,
    fetch: async (input, init = {}) => {
      sent.push({ url: String(input), init });
      return answer(new URL(String(input)), init);
    },
    hasAccess: async () => true,
    cookie: async () => null,
    reportChanged: (tool, origin, message) => changed.push(`${tool} ${origin} ${message}`),
    now: () => clock,
    timeoutMs: 100,
    ...deps,
  });
  let id = 0;
  const run = async (patchRequest: Partial<LiveSearchRequest> = {}, signal = new AbortController().signal) => {
    const events: LiveSearchEvent[] = [];
    await service.search({ id: ++id, text: 'rollout', tools: [], from: null, place: null, after: null, before: null, ...patchRequest }, (e) => events.push(e), signal);
    return events;
  };
  const stateOf = (events: LiveSearchEvent[], tool = 'gitlab') => events.filter((e) => e.type === 'state' && e.tool === tool).map((e) => (e.type === 'state' ? e.state : ''));
  return { service, sent, changed, run, stateOf, tick: (ms: number) => (clock += ms) };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers });
const gitlab = (url: URL) => json(url.searchParams.get('scope') === 'issues' ? [issue(1), issue(2, 'lena')] : []);

describe('live search service', () => {
  it('asks only the tool origin, with the session, and streams items then done', async () => {
    const { sent, run, stateOf } = setup(gitlab);
    const events = await run();
    expect(sent.map((s) => new URL(s.url).origin)).toEqual(['https://gitlab.com', 'https://gitlab.com']);
    expect(sent.every((s) => s.init.credentials === 'include')).toBe(true);
    expect(stateOf(events)).toEqual(['searching', 'done']);
    const items = events.find((e) => e.type === 'items');
    expect(items?.type === 'items' && items.items.map((i) => i.url)).toEqual(['https://gitlab.com/acme/infra/-/issues/1', 'https://gitlab.com/acme/infra/-/issues/2']);
    // Every other tool says why it was not searched.
    expect(stateOf(events, 'github')).toEqual(['off']);
    expect(stateOf(events, 'slack')).toEqual(['off']);
  });

  it('also searches configured self-hosted origins, and from: uses the instance handle first', async () => {
    const { sent, run } = setup(gitlab, { selfHosted: { gitlab: ['https://gitlab.acme.internal'] } });
    await run({ from: [{ gitlab: 'priya', 'gitlab:gitlab.acme.internal': 'praman' }] });
    expect([...new Set(sent.map((s) => new URL(s.url).origin))].sort()).toEqual(['https://gitlab.acme.internal', 'https://gitlab.com']);
  });

  it('says when a tool has more; a further page asks that tool alone, and its others keep their states', async () => {
    const paged = (url: URL) => json(url.searchParams.get('scope') === 'issues' ? [issue(Number(url.searchParams.get('page')) * 10)] : [], 200, url.searchParams.get('page') === '1' ? { 'X-Next-Page': '2' } : {});
    const { sent, run } = setup(paged);
    const first = await run();
    expect(first.at(-1)).toMatchObject({ tool: 'gitlab', state: 'done', more: true });
    sent.length = 0;
    const second = await run({ tools: ['gitlab'], page: 2 });
    expect(sent.map((s) => new URL(s.url).searchParams.get('page'))).toEqual(['2', '2']);
    expect(second.every((e) => e.tool === 'gitlab')).toBe(true);
    expect(second.find((e) => e.type === 'items')).toMatchObject({ items: [{ url: 'https://gitlab.com/acme/infra/-/issues/20' }] });
    expect(second.at(-1)).toMatchObject({ state: 'done', text: 'GitLab: 1 more found.' });
    expect(second.at(-1)).not.toHaveProperty('more');
  });

  it('answers the same query from its cache for a while', async () => {
    const { sent, run, tick } = setup(gitlab);
    await run();
    await run();
    expect(sent).toHaveLength(2);
    tick(91_000);
    await run();
    expect(sent).toHaveLength(4);
  });

  it('a newer search aborts the one in flight on that origin; the older one ends without a state', async () => {
    let firstSent: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (firstSent = resolve));
    const { run, stateOf, sent } = setup(
      (url, init) =>
        new Promise<Response>((resolve, reject) => {
          if (url.searchParams.get('search') !== 'roll') return resolve(gitlab(url));
          init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
          firstSent();
        }),
      {},
      { timeoutMs: 5_000 },
    );
    const first = run({ text: 'roll' });
    await started;
    const second = await run({ text: 'rollout' });
    expect(stateOf(await first)).toEqual(['searching']);
    expect(stateOf(second)).toEqual(['searching', 'done']);
    expect(sent[0]!.init.signal?.aborted).toBe(true);
    expect(sent).toHaveLength(3);
  });

  it('a tool that does not answer in time is an error, and the others are not held up', async () => {
    const { run, stateOf } = setup((_, init) => new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('timeout', 'TimeoutError')))));
    const events = await run();
    expect(stateOf(events)).toEqual(['searching', 'error']);
    expect(events.at(-1)).toMatchObject({ text: expect.stringContaining('did not answer within 0.1 s') });
  });

  it('honours Retry-After: rate-limited without asking until the time passed, then asks again', async () => {
    let limited = true;
    const { run, stateOf, sent, tick } = setup((url) => (limited ? json({}, 429, { 'Retry-After': '30' }) : gitlab(url)));
    expect(stateOf(await run())).toEqual(['searching', 'rate-limited']);
    expect(sent).toHaveLength(1);
    expect(stateOf(await run({ text: 'other' }))).toEqual(['searching', 'rate-limited']);
    expect(sent).toHaveLength(1);
    limited = false;
    tick(31_000);
    expect(stateOf(await run({ text: 'other' }))).toEqual(['searching', 'done']);
  });

  it('keeps to the tool budget per minute', async () => {
    const { run, stateOf, sent, tick } = setup(gitlab);
    for (let i = 0; i < 10; i++) expect(stateOf(await run({ text: `q${i}` }))).toEqual(['searching', 'done']);
    expect(stateOf(await run({ text: 'one too many' }))).toEqual(['searching', 'rate-limited']);
    expect(sent).toHaveLength(20);
    tick(60_001);
    expect(stateOf(await run({ text: 'one too many' }))).toEqual(['searching', 'done']);
  });

  it('signed out links to the sign-in page; no access names the origins to ask for', async () => {
    const signedOut = setup(() => json({ message: '401 Unauthorized' }, 401));
    expect((await signedOut.run()).at(-1)).toMatchObject({ tool: 'gitlab', state: 'signed-out', signIn: 'https://gitlab.com/users/sign_in' });
    const noAccess = setup(gitlab, {}, { hasAccess: async () => false });
    expect((await noAccess.run()).at(-1)).toMatchObject({ tool: 'gitlab', state: 'no-access', origins: ['https://gitlab.com'] });
    expect(noAccess.sent).toHaveLength(0);
  });

  it('a changed answer is reported once and that source goes quiet', async () => {
    const { run, stateOf, sent, changed } = setup(() => json({ unexpected: true }));
    expect(stateOf(await run())).toEqual(['searching', 'error']);
    expect(stateOf(await run({ text: 'again' }))).toEqual(['searching', 'error']);
    expect(sent).toHaveLength(1);
    expect(changed).toEqual([expect.stringMatching(/^gitlab https:\/\/gitlab.com GitLab's search answer changed shape/)]);
  });

  it('tool: and from: narrow the fan-out; Slack is off unless switched on', async () => {
    const { run, sent, stateOf } = setup(gitlab, { liveSearch: { gitlab: true } });
    const narrowed = await run({ tools: ['github'] });
    expect(sent.filter((s) => new URL(s.url).host === 'gitlab.com')).toHaveLength(0);
    expect(stateOf(narrowed)).toEqual(['off']);
    sent.length = 0;
    // A person with no GitLab handle: GitLab is not asked.
    const nobody = await run({ from: [{ github: 'priya-r' }] });
    expect(sent.filter((s) => new URL(s.url).host === 'gitlab.com')).toHaveLength(0);
    expect(nobody.find((e) => e.type === 'state' && e.tool === 'gitlab')).toMatchObject({ state: 'off', text: expect.stringContaining('no GitLab handle') });
    expect(stateOf(nobody, 'slack')).toEqual(['off']);
  });

  it('the items honour is: and dates even where the tool could not filter', async () => {
    const { run } = setup(gitlab);
    const events = await run({ place: 'public' });
    expect(events.find((e) => e.type === 'items')).toMatchObject({ items: [] });
  });
});
