import * as z from 'zod/mini';
import { lazy } from '../../lazy';
import { checkAnswer, checkStatus, LiveFailure, linkOnOrigin, plainText, timeOf, type LiveContext, type LiveItem, type LiveSource } from '../../search/live/source';

/**
 * Phabricator / Phorge Conduit over the web session: `POST /api/maniphest.search` and
 * `/api/differential.revision.search` with the full-text `query` constraint, the session cookies
 * and a CSRF token from `GET /login/refresh/` in `X-Phabricator-Csrf` (what the page's own
 * refresh-csrf behaviour does). Authors' names come from one batched `user.search`, remembered in
 * memory (README.md, "Cross-tool search").
 */
const AJAX_PREFIX = 'for (;;);';
const METHODS = [
  ['maniphest.search', 'T', 'task'],
  ['differential.revision.search', 'D', 'differential_revision'],
] as const;

const refreshSchema = lazy(() => z.object({ payload: z.object({ token: z.string().check(z.minLength(1)) }) }));
const conduitSchema = <T extends z.ZodMiniType>(data: T) =>
  z.object({
    result: z.nullable(z.object({ data: z.array(data), cursor: z.optional(z.object({ after: z.optional(z.nullable(z.union([z.string(), z.number()]))) })) })),
    error_code: z.optional(z.nullable(z.string())),
    error_info: z.optional(z.nullable(z.string())),
  });
const objectSchema = lazy(() =>
  conduitSchema(
    z.object({
      id: z.number(),
      phid: z.string(),
      fields: z.object({
        name: z.optional(z.string()),
        title: z.optional(z.string()),
        description: z.optional(z.union([z.string(), z.object({ raw: z.string() })])),
        summary: z.optional(z.string()),
        authorPHID: z.optional(z.nullable(z.string())),
        dateCreated: z.optional(z.number()),
        dateModified: z.optional(z.number()),
      }),
    }),
  ),
);
const userSchema = lazy(() => conduitSchema(z.object({ phid: z.string(), fields: z.object({ username: z.string(), realName: z.optional(z.string()) }) })));

interface PhabUser {
  phid: string;
  username: string;
  name: string;
}

async function csrfToken(context: LiveContext, fresh: boolean): Promise<string> {
  const known = context.memory.get('csrf') as string | undefined;
  if (known && !fresh) return known;
  const response = checkStatus(await context.fetch('/login/refresh/', { headers: { Accept: 'application/json' } }), 'Phabricator');
  const token = (await checkAnswer(response, refreshSchema(), 'Phabricator', AJAX_PREFIX)).payload.token;
  context.memory.set('csrf', token);
  return token;
}

/** One Conduit call; a refused CSRF token is fetched again once (tokens rotate with the session). */
async function conduit<T extends z.ZodMiniType>(context: LiveContext, method: string, params: object, schema: T): Promise<z.infer<T>> {
  for (const retry of [false, true]) {
    const token = await csrfToken(context, retry);
    const response = checkStatus(
      await context.fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Phabricator-Csrf': token },
        body: new URLSearchParams({ params: JSON.stringify(params), output: 'json' }).toString(),
      }),
      'Phabricator',
    );
    const answer = (await checkAnswer(response, schema, 'Phabricator')) as { error_code?: string | null; error_info?: string | null };
    if (answer.error_code === 'ERR-INVALID-SESSION') throw new LiveFailure('signed-out', 'Phabricator: no session (ERR-INVALID-SESSION).');
    if (answer.error_code === 'ERR-CONDUIT-CORE' && !retry) continue;
    if (answer.error_code) throw new LiveFailure('error', `Phabricator: ${answer.error_code}${answer.error_info ? ` (${plainText(answer.error_info, 200)})` : ''}`);
    return answer as z.infer<T>;
  }
  throw new LiveFailure('error', 'Phabricator refused the CSRF token twice.');
}

/** Users by username or PHID, remembered; the unknown ones asked in one batched `user.search`. */
async function usersBy(context: LiveContext, key: 'usernames' | 'phids', values: readonly string[]): Promise<PhabUser[]> {
  const known = (context.memory.get('users') as PhabUser[] | undefined) ?? [];
  context.memory.set('users', known);
  const field = key === 'phids' ? 'phid' : 'username';
  const norm = (v: string) => (key === 'usernames' ? v.toLowerCase() : v);
  const wanted = [...new Set(values.map(norm))];
  const missing = wanted.filter((v) => !known.some((u) => norm(u[field]) === v));
  if (missing.length > 0) {
    const answer = await conduit(context, 'user.search', { constraints: { [key]: missing }, limit: 100 }, userSchema());
    for (const user of answer.result?.data ?? []) known.push({ phid: user.phid, username: user.fields.username, name: user.fields.realName || user.fields.username });
  }
  return known.filter((u) => wanted.includes(norm(u[field])));
}

export const phabricatorLiveSource: LiveSource = {
  tool: 'phabricator',
  // Phabricator and Phorge are always an organisation's own installs: only configured origins.
  saasOrigins: [],
  onByDefault: true,
  perMinute: 30,
  signInPath: '/auth/',
  async search(context, query) {
    const constraints: Record<string, unknown> = { query: query.text };
    if (query.from.length > 0) {
      const authors = await usersBy(context, 'usernames', query.from);
      // Nobody by those names on this install: nothing can match.
      if (authors.length === 0) return [];
      constraints.authorPHIDs = authors.map((u) => u.phid);
    }
    const found: Array<{ prefix: string; kind: LiveItem['kind']; object: NonNullable<z.infer<ReturnType<typeof objectSchema>>['result']>['data'][number] }> = [];
    // Conduit pages by cursor: the next page's `after` is remembered with the page it opens.
    const cursorKey = (method: string, page: number) => `cursor ${method} ${JSON.stringify(constraints)} ${page}`;
    for (const [method, prefix, kind] of METHODS) {
      const after = query.page > 1 ? (context.memory.get(cursorKey(method, query.page)) as string | undefined) : undefined;
      // This kind had no further page.
      if (query.page > 1 && after === undefined) continue;
      const answer = await conduit(context, method, { constraints, limit: query.limit, ...(after === undefined ? {} : { after }) }, objectSchema());
      const next = answer.result?.cursor?.after;
      if (next !== null && next !== undefined) {
        context.memory.set(cursorKey(method, query.page + 1), String(next));
        context.morePages();
      }
      for (const object of answer.result?.data ?? []) found.push({ prefix, kind, object });
    }
    const authorPhids = found.map((f) => f.object.fields.authorPHID).filter((p): p is string => typeof p === 'string');
    const people = authorPhids.length > 0 ? await usersBy(context, 'phids', authorPhids) : [];
    return found.flatMap(({ prefix, kind, object }): LiveItem[] => {
      const url = linkOnOrigin(`/${prefix}${object.id}`, context.origin);
      if (url === null) return [];
      const { fields } = object;
      const author = people.find((u) => u.phid === fields.authorPHID);
      const description = typeof fields.description === 'object' ? fields.description.raw : (fields.description ?? fields.summary ?? '');
      return [
        {
          tool: 'phabricator',
          url,
          title: `${prefix}${object.id} ${plainText(fields.name ?? fields.title ?? '')}`.trim(),
          snippet: plainText(description),
          author: author ? { handle: author.username, name: author.name } : null,
          time: timeOf(fields.dateModified ?? fields.dateCreated ?? null, 's'),
          kind,
          private: null,
          container: prefix === 'T' ? 'Maniphest' : 'Differential',
        },
      ];
    });
  },
};
