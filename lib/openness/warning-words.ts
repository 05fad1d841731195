import { t, type MessageKey } from '../i18n/t';
import type { PageKind, Place } from '../tools/page';

export interface WarningWords {
  /** First words of the banner. */
  headline: string;
  /** Who can see what is posted here, in the page's words where it says. */
  who: string;
  /** What to do instead. */
  suggestion: string;
}

/** "Only people with access to this …", one whole sentence per kind (German declines the noun). */
const WHO: Partial<Record<PageKind, MessageKey>> = {
  issue: 'whoIssue',
  pull_request: 'whoPullRequest',
  merge_request: 'whoMergeRequest',
  discussion: 'whoDiscussion',
  commit: 'whoCommit',
  wiki: 'whoPage',
  task: 'whoTask',
  differential_revision: 'whoRevision',
  channel: 'whoChannel',
  'private-channel': 'whoChannel',
  thread: 'whoThread',
};

/** The words of the private-place warning: the page's own audience when it says, else a plain fallback. */
export function warningWords(place: Place, audience: string | undefined, kind: PageKind): WarningWords {
  const conversation = kind === 'dm' || kind === 'group-dm';
  const said = audience?.trim();
  const who =
    said ||
    (place === 'unknown'
      ? t('whoUnknown')
      : conversation
        ? t('whoConversation')
        : t(WHO[kind] ?? 'whoPlace'));
  return {
    headline: t(place === 'unknown' ? 'warnHeadlineUnknown' : 'warnHeadlinePrivate'),
    who,
    suggestion: t(conversation || kind === 'private-channel' ? 'suggestOpenChannel' : 'suggestOpenPlace'),
  };
}
