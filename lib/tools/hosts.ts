import { TOOL_FACTS, TOOL_IDS, type ToolId } from './tool-ids';

/** Every tool's SaaS hosts (its facts' `matches`), without its adapter: what extension pages and other tools' tabs check links against. */
export const SAAS_HOSTS: Readonly<Record<ToolId, readonly string[]>> = Object.fromEntries(TOOL_IDS.map((id) => [id, TOOL_FACTS[id].matches])) as Record<ToolId, readonly string[]>;
