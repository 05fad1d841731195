import type * as z from 'zod/mini';
import { httpLink } from '../../tools/links';
import type { PageKind } from '../../tools/page';
import type { ToolId } from '../../tools/tool-ids';

/**
 * Live search: each tool's own search, asked from the background with the session the user already
 * has (docs/contract.md section 3). One `LiveSource` per tool, in the tool's folder
 * (lib/tools/<tool>/live-search.ts); lib/background/live-search-service.ts runs them.
 */

/** What a source is asked: the query as the popup parsed it, with `from:` already as this tool's handles. */
export interface LiveQuery {
  /** The free words, as typed (the tool's own search does its own matching). */
  text: string;
  /** The people of `from:`, as their handles on this tool (empty: anyone). */
  from: string[];
  place: 'private' | 'public' | null;
  /** Local midnight, in ms. */
  after: number | null;
  before: number | null;
  limit: number;
  /** Which page of the tool's answer (1 first): "more from <tool>" asks the next. */
  page: number;
}

/** One item a tool's search found. Shown in the popup, never stored. */
export interface LiveItem {
  tool: ToolId;
  url: string;
  title: string;
  snippet: string;
  author: { handle: string; name: string } | null;
  /** The item's time (last update where the tool says, else creation), in ms. */
  time: number | null;
  kind: PageKind;
  /** True or false only where the tool's answer says; null when it does not. */
  private: boolean | null;
  /** Where it lives: a repository, project, channel. */
  container: string;
}

/** Why a source could not answer; the popup shows each as the tool's state. */
export type LiveFailureKind = 'signed-out' | 'rate-limited' | 'changed' | 'error';

export class LiveFailure extends Error {
  override name = 'LiveFailure';
  constructor(
    readonly kind: LiveFailureKind,
    message: string,
    /** For `rate-limited`: how long the tool asked us to wait (Retry-After), when it said. */
    readonly retryAfterMs: number | null = null,
    /** For `signed-out`: false when no open tab of the origin could make the request instead. */
    readonly tabOpen: boolean | null = null,
  ) {
    super(message);
  }
}

/** What the service hands a source for one search on one origin. */
export interface LiveContext {
  /** The tool's origin searched (SaaS or self-hosted), without a trailing slash. */
  origin: string;
  /**
   * `fetch` with the session (credentials: 'include'), the search's abort signal, and a refusal of
   * any URL off `origin`. Answers are checked with `checkAnswer`.
   */
  fetch: (path: string, init?: RequestInit) => Promise<Response>;
  /** A cookie of `origin` (Mattermost's MMCSRF), or null. */
  cookie: (name: string) => Promise<string | null>;
  /**
   * Kept in the background's memory for the worker's life, per tool and origin: id → name
   * directories and session-derived tokens. Never written to storage, logs or exports.
   */
  memory: Map<string, unknown>;
  /** The source says the tool has another page of answers for this query. */
  morePages: () => void;
}

export interface LiveSource {
  tool: ToolId;
  /** Origins searched without any configuration (the tool's single SaaS site), if any. */
  saasOrigins: readonly string[];
  /** Live search is on for this tool unless the user or policy switches it off (Slack: off). */
  onByDefault: boolean;
  /** Searches per minute per origin, well under the tool's documented limit (README.md, "Cross-tool search"). */
  perMinute: number;
  /** Where the user signs in, on the origin. */
  signInPath: string;
  /**
   * What makes two addresses the same item on this tool, where the canonical URL does not (Asana's
   * API links and its web app's differ): popup results found both ways show once.
   */
  itemKey?: (url: URL) => string | null;
  search(context: LiveContext, query: LiveQuery): Promise<LiveItem[]>;
}

const LOGIN_PATH = /\/(login|sign_in|signin|users\/sign_in|auth)(\/|$|\?)/i;

/** Turn the HTTP outcome into a failure the popup can show, or return the response when it is usable. */
export function checkStatus(response: Response, tool: string): Response {
  if (response.status === 401 || response.status === 403) throw new LiveFailure('signed-out', `${tool} answered ${response.status}: not signed in here.`);
  if (response.redirected && LOGIN_PATH.test(new URL(response.url).pathname)) throw new LiveFailure('signed-out', `${tool} sent us to its sign-in page.`);
  if (response.status === 429) throw new LiveFailure('rate-limited', `${tool} asked us to slow down.`, retryAfterMs(response.headers.get('Retry-After')));
  if (!response.ok) throw new LiveFailure('error', `${tool} answered ${response.status}.`);
  return response;
}

/** `Retry-After` as ms: seconds, or an HTTP date. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Read a JSON answer (after an optional anti-JSON-hijacking prefix) and check it against its schema. */
export async function checkAnswer<T extends z.ZodMiniType>(response: Response, schema: T, tool: string, prefix?: string): Promise<z.infer<T>> {
  let text = await response.text();
  if (prefix !== undefined && text.startsWith(prefix)) text = text.slice(prefix.length);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new LiveFailure('changed', `${tool}'s search did not answer JSON.`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') ?? '';
    throw new LiveFailure('changed', `${tool}'s search answer changed shape${where ? ` (at "${where}")` : ''}.`);
  }
  return parsed.data as z.infer<T>;
}

/** The link when it is http(s) on the tool's own origin (lib/tools/links.ts's check), else null (the item is dropped). */
export function linkOnOrigin(url: string, origin: string): string | null {
  const parsed = httpLink(url, `${origin}/`);
  return parsed?.origin === origin ? parsed.href : null;
}

/** Highlight markup out, entities decoded, whitespace folded: what the popup shows as text. */
export function plainText(html: string, max = 300): string {
  const text = html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** `YYYY-MM-DD` of a local-midnight time, as the query's `before:`/`after:` were typed. */
export function dayOf(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A time field of an answer as ms (ISO text, or epoch seconds/ms), or null. */
export function timeOf(value: string | number | null | undefined, unit: 's' | 'ms' = 'ms'): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return unit === 's' ? value * 1000 : value;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? null : parsed;
}

/**
 * The query's place and dates checked on every item, as the local index checks them
 * (after <= time < before): an item whose answer does not say its place or time is left out of a
 * search that asks for one, since it cannot be shown to match.
 */
export function filterAfter(items: readonly LiveItem[], query: LiveQuery): LiveItem[] {
  return items.filter((item) => {
    if (query.place !== null && item.private !== (query.place === 'private')) return false;
    if (query.after !== null && (item.time === null || item.time < query.after)) return false;
    if (query.before !== null && (item.time === null || item.time >= query.before)) return false;
    return true;
  });
}
