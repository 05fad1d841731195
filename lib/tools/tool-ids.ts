import * as z from 'zod/mini';
import { lazy } from '../lazy';

/** Tool ids are part of the outside contract (docs/contract.md section 1). */
export const TOOL_IDS = ['github', 'gitlab', 'slack', 'mattermost', 'asana', 'phabricator'] as const;
export type ToolId = (typeof TOOL_IDS)[number];
export const toolIdSchema = lazy(() => z.enum(TOOL_IDS));

export const TOOL_NAMES: Record<ToolId, string> = {
  github: 'GitHub',
  gitlab: 'GitLab',
  slack: 'Slack',
  mattermost: 'Mattermost',
  asana: 'Asana',
  phabricator: 'Phabricator',
};
