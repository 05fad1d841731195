import { browser } from 'wxt/browser';
import type { Request, Response } from '../messaging';
import { RELAY_BODY_MAX, RELAY_HEADERS } from '../search/live/relay-limits';
import type { ToolId } from '../tools/tool-ids';

/** A relayed request that has not answered by then is abandoned (the background's own limit is 3 s). */
const RELAY_TIMEOUT_MS = 3_000;

/** The page's own fetch: Firefox's content-script `fetch` is the extension's, `content.fetch` the page's. */
function pageFetch(): typeof fetch {
  const content = (globalThis as { content?: { fetch?: typeof fetch } }).content;
  return content?.fetch ? content.fetch.bind(content) : fetch.bind(globalThis);
}

/**
 * One request of a live search, made from this tab as the page itself would (same origin, the
 * page's cookies, `Sec-Fetch-Site: same-origin`): the background's fallback where its own request
 * is treated as signed out. Only paths on this page's own origin; nothing is kept.
 */
export async function relayFetch(request: Request<'live-relay-fetch'>, origin: string): Promise<Response<'live-relay-fetch'>> {
  const url = new URL(request.path, `${origin}/`);
  if (url.origin !== origin) throw new Error(`Refused a relayed request off ${origin}.`);
  const answer = await pageFetch()(url.href, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    credentials: 'same-origin',
    signal: AbortSignal.timeout(RELAY_TIMEOUT_MS),
  });
  const body = await answer.text();
  if (body.length > RELAY_BODY_MAX) throw new Error(`The answer is too large to relay (${body.length} characters).`);
  const headers: Record<string, string> = {};
  for (const name of RELAY_HEADERS) {
    const value = answer.headers.get(name);
    if (value !== null) headers[name] = value.slice(0, 1000);
  }
  return { status: answer.status, url: answer.url, redirected: answer.redirected, headers, body };
}

/** A cookie the page's scripts can read (HttpOnly ones never are), or null. */
export function pageCookie(name: string, cookies: string): string | null {
  for (const pair of cookies.split(';')) {
    const [key, ...value] = pair.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return null;
}

/**
 * Answer the background's relay requests for this tool (lib/messaging.ts, `live-relay-fetch` and
 * `live-relay-cookie`). Several tools' scripts may share an origin's tabs (loopback, one host for
 * several installs): each answers only for its own tool.
 */
export function answerLiveRelay(tool: ToolId, win: Window, signal: AbortSignal): void {
  const listener = (raw: unknown): Promise<unknown> | undefined => {
    if (typeof raw !== 'object' || raw === null || (raw as { daylight?: unknown }).daylight !== 1) return undefined;
    const { type, payload } = raw as { type?: unknown; payload?: { tool?: unknown } };
    if ((type !== 'live-relay-fetch' && type !== 'live-relay-cookie') || payload?.tool !== tool) return undefined;
    const work =
      type === 'live-relay-fetch'
        ? relayFetch(payload as Request<'live-relay-fetch'>, win.location.origin)
        : Promise.resolve({ value: pageCookie(String((payload as { name?: unknown }).name), win.document.cookie) });
    return work.then(
      (data) => ({ ok: true, data }),
      (error: unknown) => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}
