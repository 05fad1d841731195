import { asanaLiveSource } from '../../tools/asana/live-search';
import { giteaLiveSource } from '../../tools/gitea/live-search';
import { githubLiveSource } from '../../tools/github/live-search';
import { gitlabLiveSource } from '../../tools/gitlab/live-search';
import { mattermostLiveSource } from '../../tools/mattermost/live-search';
import { phabricatorLiveSource } from '../../tools/phabricator/live-search';
import { slackLiveSource } from '../../tools/slack/live-search';
import { canonicalUrl } from '../../tools/records';
import type { ToolId } from '../../tools/tool-ids';
import type { LiveSource } from './source';

/** Each tool's live search, in the order of docs/contract.md section 1. */
export const LIVE_SOURCES: Record<ToolId, LiveSource> = {
  github: githubLiveSource,
  gitlab: gitlabLiveSource,
  slack: slackLiveSource,
  mattermost: mattermostLiveSource,
  asana: asanaLiveSource,
  phabricator: phabricatorLiveSource,
  gitea: giteaLiveSource,
};

/** Whether live search is on for a tool: the setting (or policy), else the source's default. */
export function liveSearchOn(tool: ToolId, setting: Partial<Record<ToolId, boolean>>): boolean {
  return setting[tool] ?? LIVE_SOURCES[tool].onByDefault;
}

/**
 * The key two results share when they are the same item (found locally and live): the canonical
 * address with its fragment, since a comment's permalink is another item than its page.
 */
export function sameItemKey(tool: ToolId, url: string): string {
  try {
    const parsed = new URL(url);
    return LIVE_SOURCES[tool].itemKey?.(parsed) ?? canonicalUrl(parsed) + parsed.hash;
  } catch {
    return url;
  }
}
