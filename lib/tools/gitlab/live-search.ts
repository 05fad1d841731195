import * as z from 'zod/mini';
import { lazy } from '../../lazy';
import { checkAnswer, checkStatus, linkOnOrigin, plainText, timeOf, type LiveItem, type LiveSource } from '../../search/live/source';

/**
 * GitLab's documented search API with the session cookie: `GET /api/v4/search` per scope (issues,
 * merge requests). A GET needs no CSRF token. The API has no author parameter, so `from:` is
 * checked on `author.username` after the answer (README.md, "Cross-tool search").
 */
const SCOPES = [
  ['issues', 'issue'],
  ['merge_requests', 'merge_request'],
] as const;

const answerSchema = lazy(() =>
  z.array(
    z.object({
      iid: z.number(),
      title: z.string(),
      web_url: z.string(),
      description: z.optional(z.nullable(z.string())),
      updated_at: z.optional(z.nullable(z.string())),
      created_at: z.optional(z.nullable(z.string())),
      author: z.optional(z.nullable(z.object({ username: z.string(), name: z.string() }))),
      confidential: z.optional(z.boolean()),
      references: z.optional(z.object({ full: z.string() })),
    }),
  ),
);

export const gitlabLiveSource: LiveSource = {
  tool: 'gitlab',
  saasOrigins: ['https://gitlab.com'],
  onByDefault: true,
  // One search is two requests (two scopes) against GitLab's 30 per minute per user.
  perMinute: 10,
  signInPath: '/users/sign_in',
  async search(context, query) {
    const from = new Set(query.from.map((h) => h.toLowerCase()));
    const items: LiveItem[] = [];
    // One scope after the other: at most one request in flight per origin.
    for (const [scope, kind] of SCOPES) {
      const params = new URLSearchParams({ scope, search: query.text, per_page: String(query.limit), page: String(query.page) });
      if (query.place === 'private') params.set('confidential', 'true');
      const response = checkStatus(await context.fetch(`/api/v4/search?${params}`, { headers: { Accept: 'application/json' } }), 'GitLab');
      // Search answers may leave totals out; X-Next-Page is there when another page is.
      if ((response.headers.get('X-Next-Page') ?? '') !== '') context.morePages();
      for (const hit of await checkAnswer(response, answerSchema(), 'GitLab')) {
        const url = linkOnOrigin(hit.web_url, context.origin);
        if (url === null) continue;
        if (from.size > 0 && !from.has(hit.author?.username.toLowerCase() ?? '')) continue;
        items.push({
          tool: 'gitlab',
          url,
          title: plainText(hit.title),
          snippet: plainText(hit.description ?? ''),
          author: hit.author ? { handle: hit.author.username, name: hit.author.name } : null,
          time: timeOf(hit.updated_at ?? hit.created_at),
          kind,
          // Only a confidential issue says so; visibility of the project is not in the answer.
          private: hit.confidential === true ? true : null,
          container: hit.references?.full.replace(/[#!]\d+$/, '') ?? '',
        });
      }
    }
    return items;
  },
};
