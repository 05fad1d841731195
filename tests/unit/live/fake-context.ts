import type { LiveContext, LiveQuery } from '@/lib/search/live/source';

export interface SeenRequest {
  method: string;
  path: string;
  url: URL;
  headers: Record<string, string>;
  body: string;
}

/** A tool's answers by request, as recorded from the documented shapes: the handler returns a Response. */
export type Answer = (request: SeenRequest) => Response | Promise<Response>;

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

/** A LiveContext whose fetch calls `answer` and records every request (what the service's fetch would send). */
export function fakeContext(origin: string, answer: Answer, cookies: Record<string, string> = {}) {
  const requests: SeenRequest[] = [];
  const more = { value: false };
  const context: LiveContext = {
    origin,
    memory: new Map(),
    morePages: () => void (more.value = true),
    cookie: async (name) => cookies[name] ?? null,
    fetch: async (path, init = {}) => {
      const url = new URL(path, `${origin}/`);
      const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
      const request = { method: init.method ?? 'GET', path: url.pathname, url, headers, body: typeof init.body === 'string' ? init.body : '' };
      requests.push(request);
      return answer(request);
    },
  };
  return { context, requests, more };
}

export const query = (patch: Partial<LiveQuery> = {}): LiveQuery => ({ text: 'rollout', from: [], place: null, after: null, before: null, limit: 10, page: 1, ...patch });
