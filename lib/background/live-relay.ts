import { browser, type Browser } from 'wxt/browser';
import { sendToTab, type Response as MessageResponse } from '../messaging';
import { LiveFailure } from '../search/live/source';
import type { ToolId } from '../tools/tool-ids';

/** What the service asks of a tab instead of the network: the same two things a LiveContext needs. */
export interface LiveRelay {
  tabId: number;
  fetch: (url: URL, init: RequestInit) => Promise<Response>;
  cookie: (name: string) => Promise<string | null>;
}

/** At most this many open tabs of an origin are tried for one whose Daylight script answers. */
const TABS_TRIED = 3;

/** The tool's tabs on this exact origin that are loaded and awake: the active one first, then the most recent. */
async function openTabs(origin: string): Promise<Browser.tabs.Tab[]> {
  const { protocol, hostname } = new URL(origin);
  // Match patterns carry no port (lib/background/self-hosted.ts): the origin is compared below.
  const tabs = await browser.tabs.query({ url: `${protocol}//${hostname}/*` });
  const sameOrigin = (tab: Browser.tabs.Tab) => {
    try {
      return tab.url !== undefined && new URL(tab.url).origin === origin;
    } catch {
      return false;
    }
  };
  return tabs
    .filter((tab) => tab.id !== undefined && !tab.discarded && tab.status === 'complete' && sameOrigin(tab))
    .sort((a, b) => Number(b.active) - Number(a.active) || (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
}

function headersOf(init: RequestInit): Record<string, string> {
  return Object.fromEntries(new Headers(init.headers).entries());
}

/** The tab's answer as a Response the sources read like the network's (status, address, redirect, headers, body). */
export function relayedResponse(answer: MessageResponse<'live-relay-fetch'>): Response {
  if (answer.status < 200) throw new LiveFailure('error', `The tab answered ${answer.status}.`);
  const empty = answer.status === 204 || answer.status === 205 || answer.status === 304;
  const response = new Response(empty ? null : answer.body, { status: answer.status, headers: answer.headers });
  // A constructed Response has no address and never redirected; the sources check both (sign-in redirects).
  Object.defineProperties(response, { url: { value: answer.url }, redirected: { value: answer.redirected } });
  return response;
}

/** Reject when the search is aborted (superseded, timed out, popup closed): the tab's answer is then not waited for. */
function abortable<T>(work: Promise<T>, signal: AbortSignal | null | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * A relay through an open tab of the tool's origin whose Daylight script answers, or null when
 * there is none. Never opens a tab or a frame: only a tab the user already has open, loaded and
 * (the answers will say) signed in.
 */
export async function findLiveRelay(tool: ToolId, origin: string): Promise<LiveRelay | null> {
  for (const tab of (await openTabs(origin)).slice(0, TABS_TRIED)) {
    const tabId = tab.id!;
    const reachable = await sendToTab(tabId, 'live-relay-cookie', { tool, name: 'daylight-relay-check' }).then(
      () => true,
      () => false,
    );
    if (!reachable) continue;
    return {
      tabId,
      fetch: async (url, init) => {
        const method = (init.method ?? 'GET').toUpperCase();
        if (method !== 'GET' && method !== 'POST') throw new LiveFailure('error', `Refused to relay a ${method} request.`);
        const request = { tool, path: `${url.pathname}${url.search}`, method: method as 'GET' | 'POST', headers: headersOf(init), ...(typeof init.body === 'string' ? { body: init.body } : {}) };
        return relayedResponse(await abortable(sendToTab(tabId, 'live-relay-fetch', request), init.signal));
      },
      cookie: async (name) => (await sendToTab(tabId, 'live-relay-cookie', { tool, name })).value,
    };
  }
  return null;
}
