import type { Adapter } from '../adapter';
import type { PageKind } from '../page';
import { hasAny, pathSegments } from '../url';

const MATTERMOST_APP = ['#channel_view', '#channel-header', '[data-testid="postView"]', '#post_textbox'];

/**
 * Page kind from `/{team}/channels|messages|threads/…`. The site may live under a sub-path, so the
 * section is found by name rather than by position.
 */
export function mattermostKind(url: URL, doc: Document): PageKind {
  const segments = pathSegments(url);
  const at = segments.findIndex((s) => s === 'channels' || s === 'messages' || s === 'threads');
  if (at < 1) return 'other';
  const section = segments[at];
  const name = segments[at + 1] ?? '';
  if (section === 'threads') return name === '' ? 'other' : 'thread';
  if (section === 'messages') {
    if (name.startsWith('@')) return 'dm';
    return /^[0-9a-f]{40}$/.test(name) ? 'group-dm' : 'other';
  }
  const row = doc.querySelector('.SidebarChannel.active a.SidebarLink');
  const label = row?.getAttribute('aria-label') ?? '';
  if (/private channel$/i.test(label) || row?.querySelector('.icon-lock-outline')) return 'private-channel';
  return 'channel';
}

export const mattermost: Adapter = {
  id: 'mattermost',
  name: 'Mattermost',
  // Mattermost Cloud workspaces, and the project's own public community server.
  matches: ['https://*.cloud.mattermost.com/*', 'https://community.mattermost.com/*'],
  detect: (doc) => hasAny(doc, MATTERMOST_APP),
  kind: mattermostKind,
  place: () => 'unknown',
};
