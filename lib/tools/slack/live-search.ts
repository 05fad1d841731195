import * as z from 'zod/mini';
import { lazy } from '../../lazy';
import { checkAnswer, checkStatus, dayOf, LiveFailure, linkOnOrigin, plainText, type LiveContext, type LiveItem, type LiveSource } from '../../search/live/source';

/**
 * Slack's `search.messages` on the workspace's origin. Every Slack Web API call needs a token and the
 * `d` session cookie; the web client's token is read from the workspace's boot page
 * (`GET /ssb/redirect`, which the `d` cookie authorises), kept in the background's memory only and
 * read again once when Slack says it expired. Off unless the user or the organisation switches it
 * on: the client token is outside Slack's app model (README.md, "Cross-tool search").
 */
const DAY_MS = 24 * 60 * 60 * 1000;
const AUTH_ERRORS = new Set(['invalid_auth', 'not_authed', 'token_expired', 'token_revoked', 'account_inactive']);

const answerSchema = lazy(() =>
  z.object({
    ok: z.boolean(),
    error: z.optional(z.string()),
    messages: z.optional(
      z.object({
        pagination: z.optional(z.object({ page: z.optional(z.number()), page_count: z.optional(z.number()) })),
        matches: z.array(
          z.object({
            ts: z.string(),
            text: z.string(),
            user: z.optional(z.nullable(z.string())),
            username: z.optional(z.nullable(z.string())),
            permalink: z.string(),
            channel: z.object({
              id: z.string(),
              name: z.optional(z.string()),
              is_private: z.optional(z.boolean()),
              is_im: z.optional(z.boolean()),
              is_mpim: z.optional(z.boolean()),
            }),
          }),
        ),
      }),
    ),
  }),
);

async function clientToken(context: LiveContext, fresh: boolean): Promise<string> {
  const known = context.memory.get('token') as string | undefined;
  if (known && !fresh) return known;
  context.memory.delete('token');
  const page = await checkStatus(await context.fetch('/ssb/redirect'), 'Slack').text();
  const token = /"api_token":"(xox[a-z]-[A-Za-z0-9-]+)"/.exec(page)?.[1];
  if (!token) throw new LiveFailure('signed-out', 'Slack did not open the workspace for this browser session.');
  context.memory.set('token', token);
  return token;
}

/** Slack's search modifiers: `from:<@U…>` per member id, days for `before:`/`after:` (exclusive there). */
export function slackQuery(text: string, from: readonly string[], after: number | null, before: number | null): string {
  return [
    text,
    ...from.map((id) => `from:<@${id}>`),
    ...(after === null ? [] : [`after:${dayOf(after - DAY_MS)}`]),
    ...(before === null ? [] : [`before:${dayOf(before)}`]),
  ]
    .filter((p) => p !== '')
    .join(' ');
}

export const slackLiveSource: LiveSource = {
  tool: 'slack',
  // A workspace's own origin (https://<workspace>.slack.com), named in Options → Tools or by policy.
  saasOrigins: [],
  onByDefault: false,
  // search.messages is Tier 2 (20+ per minute).
  perMinute: 12,
  signInPath: '/',
  async search(context, query) {
    for (const retry of [false, true]) {
      const token = await clientToken(context, retry);
      const body = new URLSearchParams({ token, query: slackQuery(query.text, query.from, query.after, query.before), count: String(query.limit), page: String(query.page), sort: 'score' });
      const response = checkStatus(
        await context.fetch('/api/search.messages', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: body.toString() }),
        'Slack',
      );
      const answer = await checkAnswer(response, answerSchema(), 'Slack');
      if (!answer.ok) {
        if (answer.error === 'ratelimited') throw new LiveFailure('rate-limited', 'Slack asked us to slow down.', null);
        if (answer.error !== undefined && AUTH_ERRORS.has(answer.error)) {
          if (!retry) continue;
          context.memory.delete('token');
          throw new LiveFailure('signed-out', `Slack: ${answer.error}.`);
        }
        // Enterprise Grid's org-wide search refuses a workspace's client token; the org-level token it needs is not read here.
        if (answer.error === 'team_is_restricted') throw new LiveFailure('error', 'Slack: this workspace belongs to an Enterprise Grid organisation, whose search Daylight cannot ask yet (it needs the organisation’s token).');
        throw new LiveFailure('error', `Slack: ${answer.error ?? 'unknown error'}.`);
      }
      if ((answer.messages?.pagination?.page_count ?? 0) > query.page) context.morePages();
      return (answer.messages?.matches ?? []).slice(0, query.limit).flatMap((match): LiveItem[] => {
        const url = linkOnOrigin(match.permalink, context.origin);
        if (url === null) return [];
        const { channel } = match;
        const kind = channel.is_im ? 'dm' : channel.is_mpim ? 'group-dm' : channel.is_private ? 'private-channel' : 'channel';
        const time = Number(match.ts) * 1000;
        return [
          {
            tool: 'slack',
            url,
            title: plainText(match.text, 100),
            snippet: plainText(match.text),
            author: match.user ? { handle: match.user, name: match.username ?? match.user } : null,
            time: Number.isFinite(time) ? time : null,
            kind,
            private: channel.is_private ?? (channel.is_im === true || channel.is_mpim === true ? true : null),
            container: channel.name ? `#${channel.name}` : '',
          },
        ];
      });
    }
    throw new LiveFailure('signed-out', 'Slack refused the session twice.');
  },
};
