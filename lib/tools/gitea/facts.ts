import type { ToolFacts } from '../facts';

export const giteaFacts: ToolFacts = {
  name: 'Gitea / Forgejo',
  handleWord: 'username',
  // Gitea and Forgejo look users up by their lower-cased name.
  handleCase: 'insensitive',
  mentionStyle: 'text',
  // Gitea's own instance, and Codeberg, the public Forgejo instance.
  matches: ['https://gitea.com/*', 'https://codeberg.org/*'],
  selfHostedName: 'Gitea or Forgejo',
  profileUrl(handle, origin, home) {
    // Two public instances and any number of self-hosted ones: the plain key's profile is on the instance last used.
    const base = origin ?? home?.origin;
    return base ? `${base}/${handle}` : null;
  },
};
