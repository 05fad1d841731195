import type { ToolFacts } from '../facts';

export const gitlabFacts: ToolFacts = {
  name: 'GitLab',
  handleWord: 'username',
  handleCase: 'insensitive',
  mentionStyle: 'text',
  matches: ['https://gitlab.com/*'],
  selfHostedName: 'GitLab',
  profileUrl: (handle, origin) => `${origin ?? 'https://gitlab.com'}/${handle}`,
};
