import { homeSegments, type ToolFacts } from '../facts';

export const mattermostFacts: ToolFacts = {
  name: 'Mattermost',
  handleWord: 'username',
  handleCase: 'insensitive',
  mentionStyle: 'text',
  // Mattermost Cloud workspaces, and the project's own public community server.
  matches: ['https://*.cloud.mattermost.com/*', 'https://community.mattermost.com/*'],
  selfHostedName: 'Mattermost',
  profileUrl(handle, origin, home) {
    // A direct-message link needs the team, which only a visited Mattermost page tells.
    const base = origin ?? home?.origin;
    const path = homeSegments(home && (!origin || home.origin === origin) ? home.path : '');
    const at = path.findIndex((s) => s === 'channels' || s === 'messages' || s === 'threads');
    return base && at >= 1 ? `${base}/${path.slice(0, at).join('/')}/messages/@${handle}` : null;
  },
};
