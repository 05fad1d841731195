import type { Adapter } from '../adapter';
import type { PageKind } from '../page';
import { pathSegments } from '../url';

/** Page kind from the path: project paths nest, so everything is read after the `/-/` separator. */
export function gitlabKind(url: URL): PageKind {
  const segments = pathSegments(url);
  const dash = segments.indexOf('-');
  if (dash < 1) return 'other';
  const [section, id] = segments.slice(dash + 1);
  const numbered = /^\d+$/.test(id ?? '');
  if ((section === 'issues' || section === 'work_items' || section === 'epics') && numbered) return 'issue';
  if (section === 'merge_requests' && numbered) return 'merge_request';
  if (section === 'commit' && /^[0-9a-f]{7,64}$/i.test(id ?? '')) return 'commit';
  if (section === 'wikis') return 'wiki';
  return 'other';
}

export const gitlab: Adapter = {
  id: 'gitlab',
  name: 'GitLab',
  matches: ['https://gitlab.com/*'],
  // Any origin can run GitLab; its pages carry og:site_name and the controller path on <body>.
  detect: (doc) =>
    doc.querySelector('meta[property="og:site_name"][content="GitLab"]') !== null &&
    doc.body?.dataset.page !== undefined,
  kind: (url) => gitlabKind(url),
  place: () => 'unknown',
};
