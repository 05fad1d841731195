import { homeSegments, type ToolFacts } from '../facts';

export const asanaFacts: ToolFacts = {
  name: 'Asana',
  handleWord: 'user gid',
  handleCase: 'exact',
  // Mentions are chips from Asana's picker: a typed gid stays text.
  mentionStyle: 'picker',
  matches: ['https://app.asana.com/*'],
  selfHostedName: 'Asana',
  distinctiveHandle: { pattern: /^\d{10,19}$/, phrase: 'an Asana user gid' },
  handleAdvice: (handle) =>
    /^\d+$/.test(handle) ? undefined : { looksLike: 'Asana handles are numeric user gids', fix: `Replace ${handle} with the person's Asana user gid (the number in their profile URL).` },
  profileUrl(handle, _origin, home) {
    // The new URL scheme (`/1/<workspace>/…`) has profile pages; the old one only a person's task list.
    const path = homeSegments(home?.path ?? '');
    return path[0] === '1' && path[1] ? `https://app.asana.com/1/${path[1]}/profile/${handle}` : `https://app.asana.com/0/${handle}/list`;
  },
};
