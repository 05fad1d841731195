import type { ToolFacts } from '../facts';

export const githubFacts: ToolFacts = {
  name: 'GitHub',
  handleWord: 'username',
  handleCase: 'insensitive',
  mentionStyle: 'text',
  matches: ['https://github.com/*', 'https://gist.github.com/*'],
  selfHostedName: 'GitHub Enterprise',
  profileUrl: (handle, origin) => `${origin ?? 'https://github.com'}/${handle}`,
};
