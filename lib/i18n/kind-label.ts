import type { PageKind } from '../tools/page';
import { t, type MessageKey } from './t';

const KIND_KEYS: Record<PageKind, MessageKey> = {
  issue: 'kindIssue',
  pull_request: 'kindPullRequest',
  merge_request: 'kindMergeRequest',
  discussion: 'kindDiscussion',
  commit: 'kindCommit',
  wiki: 'kindWiki',
  task: 'kindTask',
  differential_revision: 'kindRevision',
  channel: 'kindChannel',
  'private-channel': 'kindPrivateChannel',
  dm: 'kindDm',
  'group-dm': 'kindGroupDm',
  thread: 'kindThread',
  other: 'kindOther',
};

/** A kind of page in the UI language ("pull request", "Pull-Request", "プルリクエスト"). */
export function kindLabel(kind: PageKind): string {
  return t(KIND_KEYS[kind]);
}
