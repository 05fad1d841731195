import { expect, type BrowserContext } from '@playwright/test';
import { TOOL_IDS, type ToolId } from '../../../lib/tools/tool-ids';
import type { DaylightBrowser } from '../chromium';
import { liveCorpus, SESSION_COOKIES } from './corpus';
import { FORWARDED_HOST, startLiveServer, type LiveServer } from './servers';

export type LiveServers = Record<ToolId, LiveServer>;

export async function startLiveServers(): Promise<LiveServers> {
  const corpus = liveCorpus();
  return Object.fromEntries(await Promise.all(TOOL_IDS.map(async (tool) => [tool, await startLiveServer(tool, SESSION_COOKIES[tool], corpus[tool])]))) as LiveServers;
}

const SAAS: Partial<Record<string, ToolId>> = { 'github.com': 'github', 'gitlab.com': 'gitlab', 'app.asana.com': 'asana', 'gitea.com': 'gitea', 'codeberg.org': 'gitea' };

/** Where each tool's live results link to: the SaaS host, or the loopback origin configured for it. */
export function liveOrigin(tool: ToolId, servers: LiveServers): string {
  return ({ github: 'https://github.com', gitlab: 'https://gitlab.com', asana: 'https://app.asana.com', gitea: 'https://gitea.com' } as Partial<Record<ToolId, string>>)[tool] ?? servers[tool].origin;
}

/**
 * Daylight set up for live search against the loopback servers: Mattermost, Phabricator and Slack
 * configured on their loopback origins (the browser sends their cookies itself), Slack switched on,
 * a session cookie per tool, and Kit, a person with handles on GitHub and Mattermost only.
 */
export async function setUpLiveSearch(browser: DaylightBrowser, servers: LiveServers): Promise<void> {
  const { context, extensionId } = browser;
  const settings = await context.newPage();
  await settings.goto(`chrome-extension://${extensionId}/welcome.html`);
  await settings.evaluate(
    (value) => chrome.storage.local.set({ settings: value }),
    { liveSearch: { slack: true }, selfHosted: { mattermost: [servers.mattermost.origin], phabricator: [servers.phabricator.origin], slack: [servers.slack.origin] } },
  );
  const kit = { id: 'kit', name: 'Kit Marlowe', handles: { github: 'kit-gh', mattermost: 'kit.mm' } };
  expect(await settings.evaluate((person) => chrome.runtime.sendMessage({ daylight: 1, type: 'person-save', payload: { person } }), kit)).toMatchObject({ ok: true });
  await settings.close();
  await context.addCookies([
    ...(['github', 'gitlab', 'asana', 'gitea'] as const).map((tool) => ({ name: SESSION_COOKIES[tool], value: `session-${tool}`, url: liveOrigin(tool, servers), secure: true, httpOnly: true, sameSite: 'Lax' as const })),
    { name: SESSION_COOKIES.gitea, value: 'session-gitea', url: 'https://codeberg.org', secure: true, httpOnly: true, sameSite: 'Lax' as const },
    ...(['mattermost', 'phabricator', 'slack'] as const).map((tool) => ({ name: SESSION_COOKIES[tool], value: `session-${tool}`, url: servers[tool].origin, httpOnly: true, sameSite: 'Lax' as const })),
    { name: 'MMCSRF', value: 'mm-csrf', url: servers.mattermost.origin },
  ]);
  await forwardSaas(context, servers);
}

/**
 * Requests to the GitHub, GitLab, Asana and Gitea (gitea.com, codeberg.org) APIs on their real hosts go to the loopback servers,
 * with the cookies the browser holds for those hosts (a route does not see the Cookie header the
 * browser adds). Registered last, so it wins over fixture routes for the same hosts.
 */
async function forwardSaas(context: BrowserContext, servers: LiveServers): Promise<void> {
  await context.route(
    (url) => SAAS[url.host] !== undefined && (url.pathname === '/search' || url.pathname.startsWith('/api/')),
    async (route) => {
      const request = route.request();
      const url = new URL(request.url());
      const cookies = await context.cookies(request.url());
      try {
        const response = await route.fetch({
          url: `${servers[SAAS[url.host]!].origin}${url.pathname}${url.search}`,
          headers: { ...(await request.allHeaders()), cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; '), [FORWARDED_HOST]: url.host },
        });
        await route.fulfill({ response });
      } catch {
        // Daylight aborted the request meanwhile (a newer query): nothing to answer.
      }
    },
  );
}
