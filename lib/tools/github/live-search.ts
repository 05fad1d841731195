import * as z from 'zod/mini';
import { lazy } from '../../lazy';
import { checkAnswer, checkStatus, dayOf, LiveFailure, linkOnOrigin, plainText, timeOf, type LiveQuery, type LiveSource } from '../../search/live/source';

/**
 * GitHub's web search, answered as JSON (`GET /search?type=issues` with `Accept: application/json`),
 * with the `user_session` cookie: `api.github.com` does not accept the web session. The answer is
 * not a documented API (it moved into `payload.blackbirdSearchRoute` once already), so every answer
 * is checked against this schema and a mismatch stops this source only (README.md, "Cross-tool search").
 */
const resultSchema = lazy(() =>
  z.object({
    hl_title: z.string(),
    hl_text: z.optional(z.nullable(z.string())),
    number: z.number(),
    repo: z.object({ repository: z.object({ owner_login: z.string(), name: z.string() }) }),
    issue: z.object({ issue: z.object({ pull_request_id: z.optional(z.nullable(z.number())) }) }),
    author_name: z.optional(z.nullable(z.string())),
    created: z.optional(z.nullable(z.string())),
  }),
);
const answerSchema = lazy(() =>
  z.object({
    payload: z.object({
      blackbirdSearchRoute: z.object({
        results: z.array(resultSchema()),
        page_count: z.optional(z.nullable(z.number())),
        logged_in: z.boolean(),
      }),
    }),
  }),
);

/** GitHub's own qualifiers for what the query asks: author, visibility, creation dates. */
export function githubQuery(query: LiveQuery): string {
  const parts = [query.text];
  if (query.from.length === 1) parts.push(`author:${query.from[0]}`);
  if (query.from.length > 1) parts.push(`(${query.from.map((h) => `author:${h}`).join(' OR ')})`);
  if (query.place !== null) parts.push(`is:${query.place}`);
  if (query.after !== null) parts.push(`created:>=${dayOf(query.after)}`);
  if (query.before !== null) parts.push(`created:<${dayOf(query.before)}`);
  return parts.filter((p) => p !== '').join(' ');
}

export const githubLiveSource: LiveSource = {
  tool: 'github',
  saasOrigins: ['https://github.com'],
  onByDefault: true,
  // Web search limits are undocumented: budgeted like the REST search API (30/min), well under.
  perMinute: 10,
  signInPath: '/login',
  async search(context, query) {
    const params = new URLSearchParams({ q: githubQuery(query), type: 'issues', ...(query.page > 1 ? { p: String(query.page) } : {}) });
    const response = checkStatus(
      await context.fetch(`/search?${params}`, { headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' } }),
      'GitHub',
    );
    const route = (await checkAnswer(response, answerSchema(), 'GitHub')).payload.blackbirdSearchRoute;
    if (!route.logged_in) throw new LiveFailure('signed-out', 'GitHub answered as to a visitor who is not signed in.');
    if ((route.page_count ?? 0) > query.page) context.morePages();
    return route.results.slice(0, query.limit).flatMap((hit) => {
      const { owner_login: owner, name } = hit.repo.repository;
      const pull = hit.issue.issue.pull_request_id !== null && hit.issue.issue.pull_request_id !== undefined;
      const url = linkOnOrigin(`/${encodeURIComponent(owner)}/${encodeURIComponent(name)}/${pull ? 'pull' : 'issues'}/${hit.number}`, context.origin);
      if (url === null) return [];
      return [
        {
          tool: 'github' as const,
          url,
          title: plainText(hit.hl_title),
          snippet: plainText(hit.hl_text ?? ''),
          author: hit.author_name ? { handle: hit.author_name, name: hit.author_name } : null,
          time: timeOf(hit.created),
          kind: pull ? ('pull_request' as const) : ('issue' as const),
          // GitHub applied `is:` itself; without it the answer does not say.
          private: query.place === null ? null : query.place === 'private',
          container: `${owner}/${name}`,
        },
      ];
    });
  },
};
