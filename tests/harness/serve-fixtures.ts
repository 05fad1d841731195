import type { BrowserContext } from '@playwright/test';
import { fixtureHtml, type FixtureEntry } from './fixture-catalog';

/** Extra pages to serve besides fixtures: URL (without hash) → HTML. */
export type ExtraPages = Record<string, string>;

/**
 * Serve saved pages at the tools' real URLs, and their same-origin API answers, through request
 * interception: the content scripts run exactly as on the real sites, with no network. Any other
 * request to a served host gets a 404, so nothing tries to leave the machine.
 */
export async function serveFixtures(context: BrowserContext, entries: readonly FixtureEntry[], extra: ExtraPages = {}): Promise<void> {
  const pages = new Map<string, () => string>();
  const api = new Map<string, unknown>();
  for (const entry of entries) {
    pages.set(withoutHash(entry.url), () => fixtureHtml(entry));
    const origin = new URL(entry.url).origin;
    for (const [pathname, body] of Object.entries(entry.api ?? {})) api.set(origin + pathname, body);
  }
  for (const [url, html] of Object.entries(extra)) pages.set(withoutHash(url), () => html);
  const hosts = new Set([...pages.keys(), ...api.keys()].map((u) => new URL(u).host));

  await context.route(
    (url) => hosts.has(url.host),
    async (route) => {
      const url = withoutHash(route.request().url());
      const page = pages.get(url);
      if (page) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: page() });
      if (api.has(url)) return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(api.get(url)) });
      return route.fulfill({ status: 404, contentType: 'text/plain', body: `Not in the Daylight fixtures: ${url}` });
    },
  );
}

function withoutHash(url: string): string {
  const u = new URL(url);
  u.hash = '';
  return u.href;
}
