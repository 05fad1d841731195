import type { ToolFacts } from '../facts';

const MEMBER_ID = /^[UW][A-Z0-9]{6,}$/;

export const slackFacts: ToolFacts = {
  name: 'Slack',
  handleWord: 'member id',
  handleCase: 'exact',
  // Mentions are chips from Slack's picker: a typed member id stays text.
  mentionStyle: 'picker',
  matches: ['https://app.slack.com/*', 'https://*.slack.com/*'],
  selfHostedName: 'Slack',
  distinctiveHandle: { pattern: MEMBER_ID, phrase: 'a Slack member id' },
  handleAdvice(handle) {
    if (MEMBER_ID.test(handle)) return undefined;
    if (MEMBER_ID.test(handle.toUpperCase())) return { looksLike: 'Slack member ids are in capitals', fix: `Write it as ${handle.toUpperCase()}.` };
    // Anything else is a name (another tool's distinctive id is caught before this is asked).
    return {
      looksLike: 'Slack mentions use member ids (U… or W…), not names',
      fix: `Replace ${handle} with the person's member id (in Slack: their profile, ⋮ More, Copy member ID).`,
    };
  },
  profileUrl: (handle) => `https://app.slack.com/team/${handle}`,
};
