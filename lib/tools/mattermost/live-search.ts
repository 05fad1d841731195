import * as z from 'zod/mini';
import { lazy } from '../../lazy';
import { checkAnswer, checkStatus, dayOf, linkOnOrigin, plainText, type LiveContext, type LiveItem, type LiveSource } from '../../search/live/source';
import type { PageKind } from '../page';

/**
 * Mattermost's own post search with the `MMAUTHTOKEN` session cookie:
 * `POST /api/v4/posts/search` (all teams, newer servers) or `/api/v4/teams/{id}/posts/search`.
 * A cookie-session POST passes Mattermost's CSRF check with `X-Requested-With: XMLHttpRequest`, or,
 * where the admin turned on strict enforcement, with `X-CSRF-Token` = the `MMCSRF` cookie; both are
 * sent, as the official web client does. Teams, channels and users come from lookups cached in
 * memory: never one request per result (README.md, "Cross-tool search").
 */
const DAY_MS = 24 * 60 * 60 * 1000;

const teamsSchema = lazy(() => z.array(z.object({ id: z.string(), name: z.string() })));
const channelsSchema = lazy(() =>
  z.array(z.object({ id: z.string(), team_id: z.optional(z.string()), name: z.string(), display_name: z.optional(z.string()), type: z.string() })),
);
const usersSchema = lazy(() => z.array(z.object({ id: z.string(), username: z.string(), first_name: z.optional(z.string()), last_name: z.optional(z.string()) })));
const answerSchema = lazy(() =>
  z.object({
    order: z.array(z.string()),
    has_next: z.optional(z.boolean()),
    posts: z.record(z.string(), z.object({ id: z.string(), message: z.string(), user_id: z.string(), channel_id: z.string(), create_at: z.number() })),
  }),
);

type Team = z.infer<ReturnType<typeof teamsSchema>>[number];
type Channel = z.infer<ReturnType<typeof channelsSchema>>[number];
type User = z.infer<ReturnType<typeof usersSchema>>[number];

const KINDS: Record<string, PageKind> = { O: 'channel', P: 'private-channel', D: 'dm', G: 'group-dm' };

async function headers(context: LiveContext): Promise<Record<string, string>> {
  const csrf = await context.cookie('MMCSRF');
  return { 'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest', ...(csrf ? { 'X-CSRF-Token': csrf } : {}) };
}

async function getJson<T extends z.ZodMiniType>(context: LiveContext, path: string, schema: T): Promise<z.infer<T>> {
  const response = checkStatus(await context.fetch(path, { headers: { 'X-Requested-With': 'XMLHttpRequest' } }), 'Mattermost');
  return checkAnswer(response, schema, 'Mattermost');
}

/** Remembered for the worker's life: the user's teams, and their channels per team. */
async function teams(context: LiveContext): Promise<Team[]> {
  const known = context.memory.get('teams') as Team[] | undefined;
  if (known) return known;
  const fresh = await getJson(context, '/api/v4/users/me/teams', teamsSchema());
  context.memory.set('teams', fresh);
  return fresh;
}

async function channels(context: LiveContext, team: Team): Promise<Channel[]> {
  const key = `channels ${team.id}`;
  const known = context.memory.get(key) as Channel[] | undefined;
  if (known) return known;
  const fresh = await getJson(context, `/api/v4/users/me/teams/${encodeURIComponent(team.id)}/channels`, channelsSchema());
  context.memory.set(key, fresh);
  return fresh;
}

/** The authors not known yet, in one batched request. */
async function users(context: LiveContext, ids: readonly string[]): Promise<Map<string, User>> {
  const known = (context.memory.get('users') as Map<string, User> | undefined) ?? new Map<string, User>();
  context.memory.set('users', known);
  const missing = [...new Set(ids)].filter((id) => !known.has(id));
  if (missing.length > 0) {
    const response = checkStatus(
      await context.fetch('/api/v4/users/ids', { method: 'POST', headers: await headers(context), body: JSON.stringify(missing) }),
      'Mattermost',
    );
    for (const user of await checkAnswer(response, usersSchema(), 'Mattermost')) known.set(user.id, user);
  }
  return known;
}

/** Mattermost's own search syntax: `from:` per handle (any of them), days for `before:`/`after:` (exclusive there). */
export function mattermostTerms(text: string, from: readonly string[], after: number | null, before: number | null): string {
  return [
    text,
    ...from.map((h) => `from:${h}`),
    ...(after === null ? [] : [`after:${dayOf(after - DAY_MS)}`]),
    ...(before === null ? [] : [`before:${dayOf(before)}`]),
  ]
    .filter((p) => p !== '')
    .join(' ');
}

async function searchPosts(context: LiveContext, path: string, body: string) {
  return context.fetch(path, { method: 'POST', headers: await headers(context), body });
}

export const mattermostLiveSource: LiveSource = {
  tool: 'mattermost',
  // Every Mattermost site is the organisation's own (Cloud included): only configured origins.
  saasOrigins: [],
  onByDefault: true,
  perMinute: 30,
  signInPath: '/login',
  async search(context, query) {
    const body = JSON.stringify({
      terms: mattermostTerms(query.text, query.from, query.after, query.before),
      is_or_search: false,
      time_zone_offset: -new Date().getTimezoneOffset() * 60,
      page: query.page - 1,
      per_page: query.limit,
    });
    const myTeams = await teams(context);
    let answer: Response | null = null;
    if (context.memory.get('all-teams') !== false) {
      answer = await searchPosts(context, '/api/v4/posts/search', body);
      // Older servers have only the per-team search.
      if (answer.status === 404 || answer.status === 405) {
        context.memory.set('all-teams', false);
        answer = null;
      }
    }
    const results = [];
    if (answer) results.push(await checkAnswer(checkStatus(answer, 'Mattermost'), answerSchema(), 'Mattermost'));
    else {
      for (const team of myTeams) {
        const response = await searchPosts(context, `/api/v4/teams/${encodeURIComponent(team.id)}/posts/search`, body);
        results.push(await checkAnswer(checkStatus(response, 'Mattermost'), answerSchema(), 'Mattermost'));
      }
    }
    if (results.some((r) => r.has_next === true)) context.morePages();
    const posts = results.flatMap((r) => r.order.map((id) => r.posts[id]).filter((p) => p !== undefined)).slice(0, query.limit);
    if (posts.length === 0) return [];
    const byChannel = new Map<string, Channel>();
    for (const team of myTeams) for (const channel of await channels(context, team)) byChannel.set(channel.id, channel);
    const people = await users(context, posts.map((p) => p.user_id));
    return posts.flatMap((post): LiveItem[] => {
      const channel = byChannel.get(post.channel_id);
      const team = myTeams.find((t) => t.id === channel?.team_id) ?? myTeams[0];
      if (!team) return [];
      const url = linkOnOrigin(`/${encodeURIComponent(team.name)}/pl/${encodeURIComponent(post.id)}`, context.origin);
      if (url === null) return [];
      const user = people.get(post.user_id);
      const name = user ? [user.first_name, user.last_name].filter(Boolean).join(' ') || user.username : '';
      return [
        {
          tool: 'mattermost',
          url,
          title: plainText(post.message, 100),
          snippet: plainText(post.message),
          author: user ? { handle: user.username, name } : null,
          time: post.create_at,
          kind: (channel && KINDS[channel.type]) ?? 'channel',
          private: channel ? channel.type !== 'O' : null,
          container: channel ? (channel.display_name || channel.name) : '',
        },
      ];
    });
  },
};
