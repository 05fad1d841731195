import type { Adapter } from '../adapter';
import type { PageKind } from '../page';
import { hasAny, pathSegments } from '../url';

const PHABRICATOR_PAGE = ['.phabricator-standard-page', '.phabricator-wordmark', '.phui-crumbs-view'];

/** Page kind from the object monogram routes (`/T123`, `/D45`, `/rABCdef…`, `/w/…`). */
export function phabricatorKind(url: URL): PageKind {
  const [first = ''] = pathSegments(url);
  if (/^T\d+$/.test(first)) return 'task';
  if (/^D\d+$/.test(first)) return 'differential_revision';
  if (/^r[A-Z][A-Z0-9]*[0-9a-f]{7,40}$/.test(first) || /^R\d+:[0-9a-f]{7,40}$/.test(first)) return 'commit';
  if (first === 'w') return 'wiki';
  return 'other';
}

export const phabricator: Adapter = {
  id: 'phabricator',
  name: 'Phabricator',
  // Phorge's own instance, the upstream Phabricator archive and Wikimedia's public install:
  // the public Phabricator/Phorge hosts people work in. Company installs are added by policy.
  matches: ['https://we.phorge.it/*', 'https://secure.phabricator.com/*', 'https://phabricator.wikimedia.org/*'],
  detect: (doc) => hasAny(doc, PHABRICATOR_PAGE),
  kind: (url) => phabricatorKind(url),
  place: () => 'unknown',
};
