import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ToolId } from '../../../lib/tools/tool-ids';

/**
 * Loopback stand-ins for each tool's own search endpoint, answering the requests and in the shapes
 * of each tool's own search (the schemas in lib/tools/<tool>/live-search.ts, as the unit tests record them): a session cookie or
 * not, CSRF where the tool wants it, pagination, 429 with Retry-After, a slow answer, a malformed
 * one, a changed shape. Each logs the searches it got, for tests that count requests.
 */
export interface LiveDoc {
  id: string;
  title: string;
  text: string;
  /** The author's handle on this tool. */
  author: string;
  time: string;
  /** For GitLab and GitHub: the item's address on the real host, as the tool would link it. */
  url?: string;
}

export type LiveMode = 'ok' | 'rate-limited' | 'malformed' | 'changed';

export interface LiveServer {
  tool: ToolId;
  origin: string;
  /** The session cookie the tool authenticates with. */
  sessionCookie: string;
  docs: LiveDoc[];
  mode: LiveMode;
  /**
   * Fetch-Metadata CSRF, as strict servers have it (Rails 8.2's `:header_or_legacy_token`): a
   * cookie-session POST passes only with `Sec-Fetch-Site: same-origin`, i.e. from the tool's own
   * pages. The background's requests (`none`) are then refused as a bad session, a tab's pass.
   */
  sameOriginPostsOnly: boolean;
  latencyMs: number;
  /** Search requests: path and query or body, in order; when each arrived and when its answer was sent (ms since the epoch). */
  searches: Array<{ path: string; query: string; at: number; answeredAt?: number; fetchSite?: string }>;
  close(): Promise<void>;
}

interface Request {
  method: string;
  url: URL;
  cookies: Map<string, string>;
  headers: IncomingMessage['headers'];
  body: string;
}
interface Answer {
  status?: number;
  headers?: Record<string, string>;
  body: unknown;
}

const matches = (docs: readonly LiveDoc[], terms: string) => {
  const words = terms.toLowerCase().split(/\s+/).filter((w) => w !== '' && !w.includes(':') && !w.startsWith('('));
  return docs.filter((d) => words.every((w) => `${d.title} ${d.text}`.toLowerCase().includes(w)));
};
const page = <T>(items: readonly T[], pageIndex: number, perPage: number) => items.slice(pageIndex * perPage, (pageIndex + 1) * perPage);
const unauthorized = (message: string): Answer => ({ status: 401, body: { message } });

const MATTERMOST_PAGE = `<!doctype html><html><head><title>Town Square - Acme</title></head><body>
<div id="app-content"><div id="channel-header" data-channelid="town"><h2 id="channelHeaderTitle">Town Square</h2></div>
<div id="post-list"></div><textarea id="post_textbox" aria-label="Write to Town Square"></textarea></div></body></html>`;

type Handler = (server: LiveServer, request: Request) => Answer | null;

/** What each tool's search answers, by path (null: not one of its endpoints → 404). */
const HANDLERS: Record<ToolId, Handler> = {
  gitlab: (server, r) => {
    if (r.url.pathname !== '/api/v4/search') return null;
    if (!r.cookies.has(server.sessionCookie)) return unauthorized('401 Unauthorized');
    const scope = r.url.searchParams.get('scope');
    const found = matches(server.docs, r.url.searchParams.get('search') ?? '').filter((d) => (scope === 'merge_requests') === d.id.startsWith('!'));
    const perPage = Number(r.url.searchParams.get('per_page') ?? 20);
    const pageNo = Number(r.url.searchParams.get('page') ?? 1);
    return {
      headers: { 'X-Page': String(pageNo), 'X-Per-Page': String(perPage), ...(found.length > pageNo * perPage ? { 'X-Next-Page': String(pageNo + 1) } : {}) },
      body: page(found, pageNo - 1, perPage).map((d) => ({
        iid: Number(d.id.slice(1)),
        title: d.title,
        description: d.text,
        state: 'opened',
        created_at: d.time,
        updated_at: d.time,
        author: { username: d.author, name: d.author },
        confidential: false,
        web_url: d.url,
        references: { full: `${new URL(d.url!).pathname.split('/-/')[0]!.slice(1)}${d.id}` },
      })),
    };
  },
  github: (server, r) => {
    if (r.url.pathname !== '/search' || r.headers.accept !== 'application/json') return null;
    const loggedIn = r.cookies.has(server.sessionCookie);
    const found = loggedIn ? matches(server.docs, r.url.searchParams.get('q') ?? '') : [];
    const results = page(found, Number(r.url.searchParams.get('p') ?? 1) - 1, 10).map((d) => {
      const [, owner, repo, type, number] = new URL(d.url!).pathname.split('/');
      return { hl_title: d.title, hl_text: d.text, number: Number(number), created: d.time, author_name: d.author, state: 'open', num_comments: 0, repo: { repository: { owner_login: owner, name: repo } }, issue: { issue: { pull_request_id: type === 'pull' ? 1 : null } } };
    });
    return { body: { payload: { blackbirdSearchRoute: { results, result_count: found.length, page_count: Math.ceil(found.length / 10), logged_in: loggedIn } } } };
  },
  mattermost: (server, r) => {
    // A channel page for a signed-in tab: enough of Mattermost's markup for Daylight to recognise it.
    if (r.url.pathname === '/acme/channels/town-square') return { headers: { 'Content-Type': 'text/html' }, body: MATTERMOST_PAGE };
    if (server.sameOriginPostsOnly && r.method === 'POST' && r.headers['sec-fetch-site'] !== 'same-origin') return unauthorized('Invalid or expired session, please login again.');
    const csrfOk = r.headers['x-csrf-token'] === r.cookies.get('MMCSRF') || r.headers['x-requested-with'] === 'XMLHttpRequest';
    if (!r.cookies.has(server.sessionCookie) || (r.method === 'POST' && !csrfOk)) return r.url.pathname.startsWith('/api/v4/') ? unauthorized('Invalid or expired session, please login again.') : null;
    if (r.url.pathname === '/api/v4/users/me/teams') return { body: [{ id: 'team1', name: 'acme', display_name: 'Acme' }] };
    if (r.url.pathname === '/api/v4/users/me/teams/team1/channels') return { body: [{ id: 'town', team_id: 'team1', name: 'town-square', display_name: 'Town Square', type: 'O' }] };
    if (r.url.pathname === '/api/v4/users/ids') return { body: (JSON.parse(r.body) as string[]).map((id) => ({ id, username: id, first_name: '', last_name: '' })) };
    if (r.url.pathname !== '/api/v4/posts/search') return null;
    const { terms, page: pageNo = 0, per_page: perPage = 60 } = JSON.parse(r.body) as { terms: string; page?: number; per_page?: number };
    const all = matches(server.docs, terms);
    const found = page(all, pageNo, perPage);
    return { body: { order: found.map((d) => d.id), posts: Object.fromEntries(found.map((d) => [d.id, { id: d.id, message: `${d.title}. ${d.text}`, user_id: d.author, channel_id: 'town', create_at: Date.parse(d.time), root_id: '' }])), matches: {}, has_next: all.length > (pageNo + 1) * perPage } };
  },
  phabricator: (server, r) => {
    const token = 'B@loopback-csrf';
    if (r.url.pathname === '/login/refresh/') return { body: `for (;;);${JSON.stringify({ error: null, payload: { token } })}` };
    if (!r.url.pathname.startsWith('/api/')) return null;
    if (!r.cookies.has(server.sessionCookie)) return { body: { result: null, error_code: 'ERR-INVALID-SESSION', error_info: 'Session is not valid.' } };
    if (r.headers['x-phabricator-csrf'] !== token) return { body: { result: null, error_code: 'ERR-CONDUIT-CORE', error_info: 'CSRF token invalid.' } };
    const params = JSON.parse(new URLSearchParams(r.body).get('params') ?? '{}') as { constraints?: { query?: string; phids?: string[]; usernames?: string[] }; limit?: number };
    const method = r.url.pathname.slice('/api/'.length);
    if (method === 'user.search') {
      const names = [...new Set(server.docs.map((d) => d.author))];
      const wanted = names.filter((n) => params.constraints?.usernames?.includes(n) || params.constraints?.phids?.includes(`PHID-USER-${n}`));
      return { body: { result: { data: wanted.map((n) => ({ phid: `PHID-USER-${n}`, fields: { username: n, realName: n } })) }, error_code: null, error_info: null } };
    }
    const prefix = method === 'maniphest.search' ? 'T' : method === 'differential.revision.search' ? 'D' : null;
    if (prefix === null) return null;
    const found = matches(server.docs, params.constraints?.query ?? '').filter((d) => d.id.startsWith(prefix)).slice(0, params.limit ?? 100);
    return { body: { result: { data: found.map((d) => ({ id: Number(d.id.slice(1)), phid: `PHID-${d.id}`, fields: { [prefix === 'T' ? 'name' : 'title']: d.title, description: { raw: d.text }, authorPHID: `PHID-USER-${d.author}`, dateCreated: Date.parse(d.time) / 1000, dateModified: Date.parse(d.time) / 1000 } })), cursor: { limit: 100, after: null } }, error_code: null, error_info: null } };
  },
  asana: (server, r) => {
    if (!r.url.pathname.startsWith('/api/1.0/')) return null;
    if (!r.cookies.has(server.sessionCookie)) return unauthorized('Not Authorized');
    if (r.url.pathname === '/api/1.0/users/me') return { body: { data: { gid: 'me', workspaces: [{ gid: '1207000000000001', name: 'Acme' }] } } };
    // A free plan: full-text search needs premium.
    if (r.url.pathname.endsWith('/tasks/search')) return { status: 402, body: { errors: [{ message: 'Search is only available to premium users.' }] } };
    if (!r.url.pathname.endsWith('/typeahead')) return null;
    const found = matches(server.docs, r.url.searchParams.get('query') ?? '').slice(0, Number(r.url.searchParams.get('count') ?? 20));
    return { body: { data: found.map((d) => ({ gid: d.id, name: d.title, notes: d.text, permalink_url: `https://app.asana.com/0/1207000000001001/${d.id}`, created_by: { gid: d.author, name: d.author }, modified_at: d.time, created_at: d.time })) } };
  },
  gitea: (server, r) => {
    if (r.url.pathname !== '/api/v1/repos/issues/search') return null;
    // Signed out, Gitea answers with public repositories' items: these are all in a private one.
    const found = r.cookies.has(server.sessionCookie) ? matches(server.docs, r.url.searchParams.get('q') ?? '') : [];
    const limit = Number(r.url.searchParams.get('limit') ?? 20);
    const pageNo = Number(r.url.searchParams.get('page') ?? 1);
    return {
      headers: { 'X-Total-Count': String(found.length) },
      body: page(found, pageNo - 1, limit).map((d) => {
        const [, owner, repo] = new URL(d.url!).pathname.split('/');
        const pull = d.id.startsWith('!');
        return {
          id: 500000 + Number(d.id.slice(1)),
          number: Number(d.id.slice(1)),
          title: d.title,
          body: d.text,
          html_url: d.url,
          state: 'open',
          user: { id: 7, login: d.author, full_name: d.author },
          created_at: d.time,
          updated_at: d.time,
          repository: { id: 40211, name: repo, owner, full_name: `${owner}/${repo}` },
          pull_request: pull ? { merged: false, merged_at: null, draft: false, html_url: d.url } : null,
        };
      }),
    };
  },
  slack: (server, r) => {
    if (r.url.pathname === '/ssb/redirect') return { body: r.cookies.has(server.sessionCookie) ? `<html><script>boot_data={"api_token":"xoxc-loopback-1","team_id":"T0ACME"}</script></html>` : '<html>Sign in to Slack</html>' };
    if (r.url.pathname !== '/api/search.messages') return null;
    const form = new URLSearchParams(r.body);
    if (!r.cookies.has(server.sessionCookie) || form.get('token') !== 'xoxc-loopback-1') return { body: { ok: false, error: 'invalid_auth' } };
    const all = matches(server.docs, form.get('query') ?? '');
    const [pageNo, perPage] = [Number(form.get('page') ?? 1), Number(form.get('count') ?? 20)];
    const found = page(all, pageNo - 1, perPage);
    return { body: { ok: true, messages: { matches: found.map((d) => ({ ts: String(Date.parse(d.time) / 1000), text: `${d.title}. ${d.text}`, user: d.author, username: d.author, permalink: `${server.origin}/archives/C0GENERAL01/p${d.id}`, channel: { id: 'C0GENERAL01', name: 'general', is_private: false } })), pagination: { total_count: all.length, page: pageNo, per_page: perPage, page_count: Math.ceil(all.length / perPage) } } } };
  },
};

/** The SaaS host a request was forwarded from (tests/harness/live/browser.ts). */
export const FORWARDED_HOST = 'x-daylight-forwarded-host';

const SEARCH_PATHS = /\/api\/v4\/search$|\/repos\/issues\/search$|^\/search$|posts\/search$|\.search$|\/typeahead$|\/tasks\/search$|search\.messages$/;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => resolve(body));
  });
}

function cookiesOf(header: string | undefined): Map<string, string> {
  return new Map(
    (header ?? '')
      .split(';')
      .map((c) => c.trim().split('='))
      .filter((pair): pair is [string, string] => pair.length >= 2 && pair[0] !== '')
      .map(([name, ...value]) => [name, value.join('=')]),
  );
}

/** Start one tool's loopback server on 127.0.0.1 (a free port). */
export async function startLiveServer(tool: ToolId, sessionCookie: string, docs: LiveDoc[]): Promise<LiveServer> {
  const httpServer: Server = createServer((request, response) => void respond(request, response));
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const server: LiveServer = {
    tool,
    origin: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`,
    sessionCookie,
    docs,
    mode: 'ok',
    sameOriginPostsOnly: false,
    latencyMs: 0,
    searches: [],
    close: () =>
      new Promise((resolve) => {
        httpServer.close(() => resolve());
        // A tab still open on the server (the relay's) keeps its connection alive: closing waits for none.
        httpServer.closeAllConnections();
      }),
  };
  async function respond(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', server.origin);
    const body = await readBody(request);
    // A tool searched on two SaaS hosts (Gitea: gitea.com and codeberg.org) is one endpoint per host.
    const forwardedFrom = request.headers[FORWARDED_HOST];
    const path = typeof forwardedFrom === 'string' ? `//${forwardedFrom}${url.pathname}` : url.pathname;
    const search: LiveServer['searches'][number] | null = SEARCH_PATHS.test(url.pathname) && !url.pathname.startsWith('/api/user.') ? { path, query: url.search || body, at: Date.now(), fetchSite: String(request.headers['sec-fetch-site'] ?? '') } : null;
    if (search) server.searches.push(search);
    if (server.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, server.latencyMs));
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      response.end(typeof payload === 'string' ? payload : JSON.stringify(payload));
      if (search) search.answeredAt = Date.now();
    };
    const answer = HANDLERS[tool](server, { method: request.method ?? 'GET', url, cookies: cookiesOf(request.headers.cookie), headers: request.headers, body });
    if (answer === null) return send(404, { message: 'Not found' });
    if (SEARCH_PATHS.test(url.pathname) && server.mode === 'rate-limited') return send(429, { message: 'Retry later' }, { 'Retry-After': '30' });
    if (SEARCH_PATHS.test(url.pathname) && server.mode === 'malformed') return send(200, '{"results": [');
    if (SEARCH_PATHS.test(url.pathname) && server.mode === 'changed') return send(200, { data: { items: [] } });
    send(answer.status ?? 200, answer.body, answer.headers);
  }
  return server;
}
