import { SAAS_HOSTS } from './hosts';
import type { ToolId } from './tool-ids';
import { onPatternHost } from './url';

/** Each tool's configured self-hosted origins (`Settings['selfHosted']`, from policy and the user). */
export type SelfHostedOrigins = Partial<Record<ToolId, readonly string[]>>;

/** `href` (resolved against `base` when given) when it is http(s) without credentials, else null. */
export function httpLink(href: string, base?: string): URL | null {
  try {
    const url = new URL(href, base);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '' ? url : null;
  } catch {
    return null;
  }
}

/**
 * The one link check: `href` as Daylight may store or render it for `tool`, or null. A link is
 * http(s) on the tool's SaaS hosts or on one of the tool's configured self-hosted origins; nothing
 * else (another site, `javascript:`, `data:`) is ever stored as the tool's or shown as a link.
 */
export function toolLink(tool: ToolId, href: string, selfHosted: SelfHostedOrigins): string | null {
  const url = httpLink(href);
  if (!url) return null;
  return onPatternHost(SAAS_HOSTS[tool], url) || (selfHosted[tool] ?? []).includes(url.origin) ? url.href : null;
}

/**
 * Whether a link a content script names belongs to its own tab: the tab is on `tool`'s site and the
 * link on the same one (the SaaS hosts, where Slack's app and workspaces differ, or the tab's own
 * self-hosted origin). A Slack tab cannot name a GitHub issue, nor a Mattermost tab another server.
 */
export function belongsToTab(tool: ToolId, tab: URL, href: string, selfHosted: SelfHostedOrigins): boolean {
  if (toolLink(tool, tab.href, selfHosted) === null || toolLink(tool, href, selfHosted) === null) return false;
  const link = new URL(href);
  return onPatternHost(SAAS_HOSTS[tool], tab) ? onPatternHost(SAAS_HOSTS[tool], link) : link.origin === tab.origin;
}
