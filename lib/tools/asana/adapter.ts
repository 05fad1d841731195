import type { Adapter } from '../adapter';
import type { PageKind } from '../page';
import { hasAny, pathSegments } from '../url';

const ASANA_APP = ['#asana_main_page', '#asana_full_page', '.TaskPane', '.TaskStoryFeed'];
const GID = /^\d{6,19}$/;

/** Page kind from both URL forms: legacy `/0/{project}/{task}[/f]` and `/1/{workspace}/…/task/{task}`. */
export function asanaKind(url: URL): PageKind {
  const segments = pathSegments(url);
  if (segments[0] === '0') return GID.test(segments[2] ?? '') ? 'task' : 'other';
  if (segments[0] === '1') {
    const at = segments.indexOf('task');
    return at > 0 && GID.test(segments[at + 1] ?? '') ? 'task' : 'other';
  }
  return 'other';
}

export const asana: Adapter = {
  id: 'asana',
  name: 'Asana',
  matches: ['https://app.asana.com/*'],
  detect: (doc) => hasAny(doc, ASANA_APP),
  kind: (url) => asanaKind(url),
  place: () => 'unknown',
};
