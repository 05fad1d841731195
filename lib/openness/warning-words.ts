import type { PageKind, Place } from '../tools/page';

export interface WarningWords {
  /** First words of the banner. */
  headline: string;
  /** Who can see what is posted here, in the page's words where it says. */
  who: string;
  /** What to do instead. */
  suggestion: string;
}

const NOUNS: Partial<Record<PageKind, string>> = {
  issue: 'issue',
  pull_request: 'pull request',
  merge_request: 'merge request',
  discussion: 'discussion',
  commit: 'commit',
  wiki: 'page',
  task: 'task',
  differential_revision: 'revision',
  channel: 'channel',
  'private-channel': 'channel',
  thread: 'thread',
};

/** The words of the private-place warning: the page's own audience when it says, else a plain fallback. */
export function warningWords(place: Place, audience: string | undefined, kind: PageKind): WarningWords {
  const conversation = kind === 'dm' || kind === 'group-dm';
  const said = audience?.trim();
  const who =
    said ||
    (place === 'unknown'
      ? 'Daylight cannot tell who can see this page'
      : conversation
        ? 'Only the people in this conversation'
        : `Only people with access to this ${NOUNS[kind] ?? 'place'}`);
  return {
    headline: place === 'unknown' ? 'Who can see this?' : 'Posting privately',
    who,
    suggestion: conversation || kind === 'private-channel'
      ? 'Could this go in an open channel, where others can find it and help?'
      : 'Could this go somewhere open, where others can find it, link to it and build on it?',
  };
}
