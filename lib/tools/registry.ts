import type { Adapter } from './adapter';
import { asana } from './asana/adapter';
import { gitea } from './gitea/adapter';
import { github } from './github/adapter';
import { gitlab } from './gitlab/adapter';
import { mattermost } from './mattermost/adapter';
import { phabricator } from './phabricator/adapter';
import { slack } from './slack/adapter';
import type { ToolId } from './tool-ids';

/** Every tool Daylight supports, in the order of docs/contract.md section 1. */
export const adapters: readonly Adapter[] = [github, gitlab, slack, mattermost, asana, phabricator, gitea];

export function adapterFor(id: ToolId): Adapter {
  const adapter = adapters.find((a) => a.id === id);
  if (!adapter) throw new Error(`No adapter for tool "${id}"`);
  return adapter;
}
