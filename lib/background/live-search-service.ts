import { browser, type Browser } from 'wxt/browser';
import { classifySender, LIVE_SEARCH_PORT, liveSearchRequestSchema, type LiveSearchEvent, type LiveSearchRequest, type LiveState } from '../messaging';
import type { LiveRelay } from './live-relay';
import { filterAfter, LiveFailure, type LiveContext, type LiveItem, type LiveQuery } from '../search/live/source';
import { LIVE_SOURCES, liveSearchOn } from '../search/live/sources';
import type { Settings } from '../settings';
import { TOOL_IDS, TOOL_NAMES, type ToolId } from '../tools/tool-ids';

/** Per tool and origin: a tool that has not answered by then is shown as failed, never waited for. */
export const LIVE_TIMEOUT_MS = 3_000;
/** Answers are reused this long for the same query (typing back and forth, reopening a result). */
export const LIVE_CACHE_MS = 90_000;
const CACHE_ENTRIES = 50;
/** After a 429 without Retry-After: 1 minute, doubling up to 15 (README.md, "Cross-tool search"). */
const FIRST_BACKOFF_MS = 60_000;
const MAX_BACKOFF_MS = 15 * 60_000;
const RESULTS_PER_TOOL = 10;

export interface LiveSearchDeps {
  settings: () => Promise<Settings>;
  /** The browser's fetch: every request goes with the session (credentials: 'include'). */
  fetch: typeof fetch;
  /** Whether the extension may reach the origin (Firefox and restricted sites may not). */
  hasAccess: (origin: string) => Promise<boolean>;
  cookie: (origin: string, name: string) => Promise<string | null>;
  /**
   * An open tab of the origin whose Daylight script can make the request as the page (the fallback
   * where the background is treated as signed out), or null when there is none.
   */
  relay?: (tool: ToolId, origin: string) => Promise<LiveRelay | null>;
  /** A source's answer changed shape: said once in Diagnostics; the source stays quiet after. */
  reportChanged: (tool: ToolId, origin: string, message: string) => void;
  now?: () => number;
  timeoutMs?: number;
}

/** What the background remembers per tool and origin, in memory only. */
interface OriginState {
  inFlight: AbortController | null;
  memory: Map<string, unknown>;
  /** The same for requests relayed through a tab: its session, tokens and CSRF values are the tab's. */
  relayMemory: Map<string, unknown>;
  /** The last search here succeeded only through a tab: ask through a tab first while one is open. */
  viaTab: boolean;
  cache: Map<string, { at: number; items: LiveItem[]; more: boolean }>;
  /** Request times in the last minute (the tool's budget). */
  sent: number[];
  blockedUntil: number;
  backoffMs: number;
  /** Set when the answer changed shape: this origin is not asked again until the background restarts. */
  quiet: string | null;
}

type Outcome = { state: 'done'; items: LiveItem[]; more: boolean } | { state: Exclude<LiveState, 'done' | 'searching'>; text: string; origin: string } | { state: 'superseded' };

/** The handles the people of `from:` have on a tool: the instance's own key (`tool:host`) first, else the tool's. */
function handlesOn(tool: ToolId, origin: string, people: NonNullable<LiveSearchRequest['from']>): string[] {
  const host = new URL(origin).host;
  return [
    ...new Set(
      people.flatMap((handles) => {
        const value = handles[`${tool}:${host}`] ?? handles[tool];
        return value === undefined ? [] : Array.isArray(value) ? value : [value];
      }),
    ),
  ];
}

/**
 * Live search in the background: asks each switched-on tool's own search (lib/search/live/) on its
 * origins, the SaaS one and the configured self-hosted ones, with the user's session. At most one
 * request in flight per tool and origin (a newer search aborts the older), a 3 s timeout, a short
 * cache, a per-minute budget under each tool's limits and Retry-After backoff. Tokens, CSRF values
 * and lookups live only in `memory`; nothing here is stored, logged or sent anywhere but the tool.
 */
export function createLiveSearchService(deps: LiveSearchDeps) {
  const now = deps.now ?? Date.now;
  const timeoutMs = deps.timeoutMs ?? LIVE_TIMEOUT_MS;
  const origins = new Map<string, OriginState>();
  const stateOf = (tool: ToolId, origin: string): OriginState => {
    const key = `${tool} ${origin}`;
    let state = origins.get(key);
    if (!state) {
      state = { inFlight: null, memory: new Map(), relayMemory: new Map(), viaTab: false, cache: new Map(), sent: [], blockedUntil: 0, backoffMs: FIRST_BACKOFF_MS, quiet: null };
      origins.set(key, state);
    }
    return state;
  };

  async function searchOrigin(tool: ToolId, origin: string, query: LiveQuery, signal: AbortSignal): Promise<Outcome> {
    const source = LIVE_SOURCES[tool];
    const name = TOOL_NAMES[tool];
    const state = stateOf(tool, origin);
    if (!(await deps.hasAccess(origin))) return { state: 'no-access', text: `${name}: Daylight may not reach ${origin} yet.`, origin };
    if (state.quiet !== null) return { state: 'error', text: `${state.quiet} Live search on ${name} is paused (see Diagnostics).`, origin };
    const key = JSON.stringify(query);
    const cached = state.cache.get(key);
    if (cached && now() - cached.at < LIVE_CACHE_MS) return { state: 'done', items: cached.items, more: cached.more };
    if (state.blockedUntil > now()) return { state: 'rate-limited', text: `${name} asked Daylight to wait: trying again in ${Math.ceil((state.blockedUntil - now()) / 1000)} s.`, origin };
    state.sent = state.sent.filter((t) => now() - t < 60_000);
    if (state.sent.length >= source.perMinute) return { state: 'rate-limited', text: `${name}: ${source.perMinute} searches a minute is Daylight's limit; wait a moment.`, origin };

    state.inFlight?.abort();
    const superseded = new AbortController();
    state.inFlight = superseded;
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = AbortSignal.any([superseded.signal, timeout, signal]);
    state.sent.push(now());
    const onOrigin = (path: string): URL => {
      const url = new URL(path, `${origin}/`);
      if (url.origin !== origin) throw new LiveFailure('error', `${name}: refused a request off ${origin}.`);
      return url;
    };
    let more = false;
    const morePages = () => void (more = true);
    const direct: LiveContext = {
      origin,
      memory: state.memory,
      morePages,
      cookie: (cookieName) => deps.cookie(origin, cookieName),
      fetch: async (path, init = {}) => deps.fetch(onOrigin(path), { ...init, credentials: 'include', signal: combined }),
    };
    const throughTab = (relay: LiveRelay): LiveContext => ({
      origin,
      memory: state.relayMemory,
      morePages,
      cookie: relay.cookie,
      fetch: async (path, init = {}) => relay.fetch(onOrigin(path), { ...init, signal: combined }),
    });
    /** The background's own request first; where it is treated as signed out, an open signed-in tab's. */
    const searchSomehow = async (): Promise<LiveItem[]> => {
      const relay = state.viaTab && deps.relay ? await deps.relay(tool, origin) : null;
      if (relay) return source.search(throughTab(relay), query);
      try {
        const items = await source.search(direct, query);
        state.viaTab = false;
        return items;
      } catch (error) {
        if (!(error instanceof LiveFailure && error.kind === 'signed-out') || !deps.relay || combined.aborted) throw error;
        const tab = await deps.relay(tool, origin);
        if (!tab) throw new LiveFailure('signed-out', error.message, null, false);
        state.sent.push(now());
        const items = await source.search(throughTab(tab), query);
        state.viaTab = true;
        return items;
      }
    };
    try {
      const items = filterAfter(await searchSomehow(), query).slice(0, RESULTS_PER_TOOL);
      state.backoffMs = FIRST_BACKOFF_MS;
      state.cache.set(key, { at: now(), items, more });
      if (state.cache.size > CACHE_ENTRIES) state.cache.delete(state.cache.keys().next().value!);
      return { state: 'done', items, more };
    } catch (error) {
      if (superseded.signal.aborted || signal.aborted) return { state: 'superseded' };
      if (timeout.aborted) return { state: 'error', text: `${name} did not answer within ${timeoutMs / 1000} s.`, origin };
      if (!(error instanceof LiveFailure)) return { state: 'error', text: `${name} could not be reached (${origin}).`, origin };
      switch (error.kind) {
        case 'signed-out':
          return {
            state: 'signed-out',
            text: `Not signed in to ${name} (${new URL(origin).host}) in this browser${error.tabOpen === false ? `; or, signed in only in a container or a private window, keep a ${name} tab open there and search again` : ''}.`,
            origin,
          };
        case 'rate-limited': {
          const wait = error.retryAfterMs ?? state.backoffMs;
          state.blockedUntil = now() + wait;
          state.backoffMs = Math.min(MAX_BACKOFF_MS, state.backoffMs * 2);
          return { state: 'rate-limited', text: `${name} asked Daylight to wait ${Math.ceil(wait / 1000)} s.`, origin };
        }
        case 'changed':
          state.quiet = error.message;
          deps.reportChanged(tool, origin, error.message);
          return { state: 'error', text: `${error.message} Live search on ${name} is paused (see Diagnostics).`, origin };
        default:
          return { state: 'error', text: error.message, origin };
      }
    } finally {
      if (state.inFlight === superseded) state.inFlight = null;
    }
  }

  /** One tool over its origins: items as each origin answers, then one state for the tool. */
  async function searchTool(tool: ToolId, request: LiveSearchRequest, settings: Settings, emit: (event: LiveSearchEvent) => void, signal: AbortSignal): Promise<void> {
    const source = LIVE_SOURCES[tool];
    const name = TOOL_NAMES[tool];
    const off = (text: string) => emit({ type: 'state', id: request.id, tool, state: 'off', text });
    if (request.tools.length > 0 && !request.tools.includes(tool)) return off(`${name}: not searched (the query names other tools).`);
    if (!liveSearchOn(tool, settings.liveSearch)) return off(`${name}: live search is off (Settings).`);
    const all = [...new Set([...source.saasOrigins, ...(settings.selfHosted[tool] ?? [])])];
    if (all.length === 0) return off(`${name}: no site to search (add yours in Settings → Tools).`);
    const asked = all.flatMap((origin) => {
      const from = request.from === null ? [] : handlesOn(tool, origin, request.from);
      return request.from !== null && from.length === 0 ? [] : [{ origin, from }];
    });
    if (asked.length === 0) return off(`${name}: not searched (no ${name} handle for that person).`);
    emit({ type: 'state', id: request.id, tool, state: 'searching', text: `Searching ${name}…` });
    const outcomes = await Promise.all(
      asked.map(async ({ origin, from }) => {
        const query: LiveQuery = { text: request.text, from, place: request.place, after: request.after, before: request.before, limit: RESULTS_PER_TOOL, page: request.page ?? 1 };
        const outcome = await searchOrigin(tool, origin, query, signal);
        if (outcome.state === 'done' && !signal.aborted) emit({ type: 'items', id: request.id, tool, items: outcome.items });
        return outcome;
      }),
    );
    if (signal.aborted || outcomes.some((o) => o.state === 'superseded')) return;
    const found = outcomes.flatMap((o) => (o.state === 'done' ? o.items : []));
    const failed = outcomes.filter((o) => o.state !== 'done' && o.state !== 'superseded') as Array<Extract<Outcome, { text: string }>>;
    if (failed.length === 0 || failed.length < outcomes.length) {
      const also = failed.length > 0 ? ` ${failed.map((f) => f.text).join(' ')}` : '';
      const more = outcomes.some((o) => o.state === 'done' && o.more);
      const page = request.page ?? 1;
      const counted = found.length === 0 ? (page > 1 ? 'nothing more found' : 'nothing found') : page > 1 ? `${found.length} more found` : `${found.length} found`;
      return void emit({ type: 'state', id: request.id, tool, state: 'done', text: `${name}: ${counted}.${also}`, ...(more ? { more: true } : {}) });
    }
    const first = failed[0]!;
    emit({
      type: 'state',
      id: request.id,
      tool,
      state: first.state,
      text: failed.map((f) => f.text).join(' '),
      ...(first.state === 'signed-out' ? { signIn: new URL(source.signInPath, `${first.origin}/`).href } : {}),
      ...(first.state === 'no-access' ? { origins: failed.filter((f) => f.state === 'no-access').map((f) => f.origin) } : {}),
    });
  }

  /** Search every tool for one settled query; `signal` aborts it (a newer query, or the popup closed). */
  async function search(request: LiveSearchRequest, emit: (event: LiveSearchEvent) => void, signal: AbortSignal): Promise<void> {
    const settings = await deps.settings();
    if (signal.aborted) return;
    // A further page is asked of one tool only; the others keep what they showed.
    const tools = (request.page ?? 1) > 1 ? TOOL_IDS.filter((tool) => request.tools.includes(tool)) : TOOL_IDS;
    await Promise.all(tools.map((tool) => searchTool(tool, request, settings, emit, signal)));
  }

  return { search };
}

/**
 * The popup's port: each message is a search (the previous one is aborted), and the port closing
 * (the popup closed) aborts whatever still runs. Only Daylight's own pages may connect.
 */
export function acceptLiveSearchPorts(service: ReturnType<typeof createLiveSearchService>, signal: AbortSignal): void {
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  const listener = (port: Browser.runtime.Port) => {
    if (port.name !== LIVE_SEARCH_PORT) return;
    const sender = classifySender(port.sender ?? {}, self);
    if ('refused' in sender || sender.kind !== 'extension') {
      port.disconnect();
      return;
    }
    let current: AbortController | null = null;
    port.onMessage.addListener((raw: unknown) => {
      const request = liveSearchRequestSchema().safeParse(raw);
      if (!request.success) return;
      // A further page continues the current search (aborted with it); a new query replaces it.
      const further = (request.data.page ?? 1) > 1 && current !== null && !current.signal.aborted;
      if (!further) current?.abort();
      const controller = new AbortController();
      if (further) current!.signal.addEventListener('abort', () => controller.abort(), { once: true });
      else current = controller;
      const emit = (event: LiveSearchEvent) => {
        if (!controller.signal.aborted) port.postMessage(event);
      };
      void service.search(request.data, emit, controller.signal).catch(() => undefined);
    });
    port.onDisconnect.addListener(() => current?.abort());
  };
  browser.runtime.onConnect.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onConnect.removeListener(listener), { once: true });
}
