import type { ToolFacts } from '../facts';

export const phabricatorFacts: ToolFacts = {
  name: 'Phabricator',
  handleWord: 'username',
  handleCase: 'insensitive',
  mentionStyle: 'text',
  // Phorge's own instance, the upstream Phabricator archive and Wikimedia's public install:
  // the public Phabricator/Phorge hosts people work in. Company installs are added by policy.
  matches: ['https://we.phorge.it/*', 'https://secure.phabricator.com/*', 'https://phabricator.wikimedia.org/*'],
  selfHostedName: 'Phabricator or Phorge',
  profileUrl(handle, origin, home) {
    const base = origin ?? home?.origin;
    return base ? `${base}/p/${handle}/` : null;
  },
};
