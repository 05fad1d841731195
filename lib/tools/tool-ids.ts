import * as z from 'zod/mini';
import { lazy } from '../lazy';
import { asanaFacts } from './asana/facts';
import type { ToolFacts } from './facts';
import { giteaFacts } from './gitea/facts';
import { githubFacts } from './github/facts';
import { gitlabFacts } from './gitlab/facts';
import { mattermostFacts } from './mattermost/facts';
import { phabricatorFacts } from './phabricator/facts';
import { slackFacts } from './slack/facts';

/** Tool ids are part of the outside contract (docs/contract.md section 1). */
export const TOOL_IDS = ['github', 'gitlab', 'slack', 'mattermost', 'asana', 'phabricator', 'gitea'] as const;
export type ToolId = (typeof TOOL_IDS)[number];
export const toolIdSchema = lazy(() => z.enum(TOOL_IDS));

/** Each tool's facts, from its folder; its adapter (lib/tools/registry.ts) carries the same object. */
export const TOOL_FACTS: Readonly<Record<ToolId, ToolFacts>> = {
  github: githubFacts,
  gitlab: gitlabFacts,
  slack: slackFacts,
  mattermost: mattermostFacts,
  asana: asanaFacts,
  phabricator: phabricatorFacts,
  gitea: giteaFacts,
};

export const TOOL_NAMES: Readonly<Record<ToolId, string>> = Object.fromEntries(TOOL_IDS.map((id) => [id, TOOL_FACTS[id].name])) as Record<ToolId, string>;

/** A tool key's facts (`gitlab`, or `gitlab:host` for a self-hosted instance); undefined for a key that names no tool. */
export function factsOf(key: string): ToolFacts | undefined {
  const colon = key.indexOf(':');
  const tool = colon < 0 ? key : key.slice(0, colon);
  return Object.hasOwn(TOOL_FACTS, tool) ? TOOL_FACTS[tool as ToolId] : undefined;
}

/** Every tool's name in contract order, as prose: "GitHub, GitLab, … and Phabricator". */
export function toolNameList(language = 'en'): string {
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(TOOL_IDS.map((id) => TOOL_FACTS[id].name));
}
