import { SAAS_HOSTS as asana } from './asana/hosts';
import { SAAS_HOSTS as github } from './github/hosts';
import { SAAS_HOSTS as gitlab } from './gitlab/hosts';
import { SAAS_HOSTS as mattermost } from './mattermost/hosts';
import { SAAS_HOSTS as phabricator } from './phabricator/hosts';
import { SAAS_HOSTS as slack } from './slack/hosts';
import type { ToolId } from './tool-ids';

/** Every tool's SaaS hosts, without its adapter: what extension pages and other tools' tabs check links against. */
export const SAAS_HOSTS: Record<ToolId, readonly string[]> = { github, gitlab, slack, mattermost, asana, phabricator };
