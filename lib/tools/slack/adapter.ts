import type { Adapter } from '../adapter';
import type { PageKind } from '../page';
import { hasAny, pathSegments } from '../url';

const SLACK_CLIENT = ['[data-qa="message_pane"]', '[data-qa="message_input"]', '.p-client_workspace', '.p-view_header'];

/**
 * Page kind from `/client/{team}/{conversation}[/thread/{id}]`. A conversation id's first letter
 * does not say whether a channel is private (converted channels keep their C id), so channel
 * versus private channel is read from the header; only `D` reliably means a direct message.
 */
export function slackKind(url: URL, doc: Document): PageKind {
  const [client, , conversation, view] = pathSegments(url);
  if (client !== 'client' || conversation === undefined || !/^[CDG][A-Z0-9]+$/.test(conversation)) return 'other';
  if (view === 'thread') return 'thread';
  const header = doc.querySelector('[data-qa="channel_name_button"]');
  if (conversation.startsWith('D') || header?.classList.contains('p-view_header__big_button--dm')) return 'dm';
  if (header?.classList.contains('p-view_header__big_button--mpdm')) return 'group-dm';
  if (header?.querySelector('[data-inline-channel-type-icon^="lock"]')) return 'private-channel';
  return 'channel';
}

export const slack: Adapter = {
  id: 'slack',
  name: 'Slack',
  matches: ['https://app.slack.com/*', 'https://*.slack.com/*'],
  detect: (doc) => hasAny(doc, SLACK_CLIENT),
  kind: slackKind,
  place: () => 'unknown',
};
