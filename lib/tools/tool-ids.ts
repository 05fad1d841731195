import * as z from 'zod/mini';

/** Tool ids are part of the outside contract (contract.md section 1). */
export const TOOL_IDS = ['github', 'gitlab', 'slack', 'mattermost', 'asana', 'phabricator'] as const;
export const ToolIdSchema = z.enum(TOOL_IDS);
export type ToolId = z.infer<typeof ToolIdSchema>;

export const TOOL_NAMES: Record<ToolId, string> = {
  github: 'GitHub',
  gitlab: 'GitLab',
  slack: 'Slack',
  mattermost: 'Mattermost',
  asana: 'Asana',
  phabricator: 'Phabricator',
};
