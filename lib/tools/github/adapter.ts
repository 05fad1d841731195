import type { Adapter } from '../adapter';
import type { PageKind } from '../page';
import { hasAny, pathSegments } from '../url';

// Markers present on github.com and GitHub Enterprise Server pages of both markup generations.
const GITHUB_PAGE = [
  'meta[name="octolytics-url"]',
  'meta[name="octolytics-dimension-repository_nwo"]',
  'meta[property="og:site_name"][content="GitHub"]',
  'meta[name="github-keyboard-shortcuts"]',
  'react-app[app-name]',
];

/** Page kind from the path, after github-url-detection's rules. */
export function githubKind(url: URL): PageKind {
  const [first, second, section, id] = pathSegments(url);
  if (first === 'orgs' && section === 'discussions' && /^\d+$/.test(id ?? '')) return 'discussion';
  if (first === undefined || second === undefined) return 'other';
  if (section === 'issues' && /^\d+$/.test(id ?? '')) return 'issue';
  if (section === 'pull' && /^\d+$/.test(id ?? '')) return 'pull_request';
  if (section === 'discussions' && /^\d+$/.test(id ?? '')) return 'discussion';
  if (section === 'commit' && /^[0-9a-f]{5,40}$/i.test(id ?? '')) return 'commit';
  if (section === 'wiki') return 'wiki';
  return 'other';
}

export const github: Adapter = {
  id: 'github',
  name: 'GitHub',
  matches: ['https://github.com/*', 'https://gist.github.com/*'],
  detect: (doc) => hasAny(doc, GITHUB_PAGE),
  kind: (url) => githubKind(url),
  place: () => 'unknown',
};
