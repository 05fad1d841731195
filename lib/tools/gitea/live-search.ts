import * as z from 'zod/mini';
import { lazy } from '../../lazy';
import { checkAnswer, checkStatus, linkOnOrigin, plainText, timeOf, type LiveItem, type LiveSource } from '../../search/live/source';

/**
 * Gitea's and Forgejo's documented issue search, `GET /api/v1/repos/issues/search?q=…`, with the web
 * session cookie: the API takes the session for GET requests, and a GET needs no CSRF token. Without
 * `type` it answers issues and pull requests in one list (a pull request carries `pull_request`).
 * Signed out, it answers with public repositories' items only. It has no author parameter, so
 * `from:` is checked on `user.login` after the answer; `since` and `before` narrow by update time,
 * and the dates are checked again on each item (lib/search/live/source.ts).
 */

const answerSchema = lazy(() =>
  z.array(
    z.object({
      number: z.number(),
      title: z.string(),
      html_url: z.string(),
      body: z.optional(z.nullable(z.string())),
      user: z.optional(z.nullable(z.object({ login: z.string(), full_name: z.optional(z.nullable(z.string())) }))),
      created_at: z.optional(z.nullable(z.string())),
      updated_at: z.optional(z.nullable(z.string())),
      repository: z.optional(z.nullable(z.object({ full_name: z.string() }))),
      pull_request: z.optional(z.nullable(z.object({}))),
    }),
  ),
);

export const giteaLiveSource: LiveSource = {
  tool: 'gitea',
  // Gitea's own instance and Codeberg (Forgejo), as the content script's hosts.
  saasOrigins: ['https://gitea.com', 'https://codeberg.org'],
  onByDefault: true,
  // Gitea's API has no documented rate limit; Codeberg asks clients to be gentle: one request per search, 10 a minute.
  perMinute: 10,
  signInPath: '/user/login',
  async search(context, query) {
    const from = new Set(query.from.map((h) => h.toLowerCase()));
    const items: LiveItem[] = [];
    const params = new URLSearchParams({ q: query.text, state: 'all', limit: String(query.limit) });
    if (query.after !== null) params.set('since', new Date(query.after).toISOString());
    if (query.before !== null) params.set('before', new Date(query.before).toISOString());
    const response = checkStatus(await context.fetch(`/api/v1/repos/issues/search?${params}`, { headers: { Accept: 'application/json' } }), 'Gitea');
    for (const hit of await checkAnswer(response, answerSchema(), 'Gitea')) {
      const url = linkOnOrigin(hit.html_url, context.origin);
      if (url === null) continue;
      const login = hit.user?.login ?? '';
      if (from.size > 0 && !from.has(login.toLowerCase())) continue;
      items.push({
        tool: 'gitea',
        url,
        title: plainText(hit.title),
        snippet: plainText(hit.body ?? ''),
        author: login ? { handle: login, name: hit.user?.full_name || login } : null,
        time: timeOf(hit.updated_at ?? hit.created_at),
        kind: hit.pull_request ? 'pull_request' : 'issue',
        // The answer's repository carries no visibility.
        private: null,
        container: hit.repository?.full_name ?? '',
      });
    }
    return items;
  },
};
