import { joinTable, type SelectorTable } from '../selector-table';

/**
 * Mattermost webapp selectors, by role, from the open-source webapp and its e2e page objects
 * (the pages they are checked on are in tests/fixtures/mattermost/; its README.md says where each came from). Test ids are maintained for
 * Mattermost's own e2e suite, so they come first.
 *
 * Each role lists its alternatives with the markup generation they belong to and the day they were last
 * verified: 2026-12-07 where the alternative matches on this tool's fixtures, 2026-11-27 (the survey the
 * fixtures were built from) where no fixture has that markup.
 */
export const selectorTable = {
  app: [
    { selector: '#channel_view', generation: 'webapp', verified: '2026-12-07' },
    { selector: '#channel-header', generation: 'webapp', verified: '2026-12-07' },
    { selector: '[data-testid="postView"]', generation: 'testid-2025', verified: '2026-12-07' },
    { selector: '#post_textbox', generation: 'webapp', verified: '2026-12-07' },
    { selector: '#app-content', generation: 'webapp', verified: '2026-12-07' },
  ],
  post: [
    { selector: '[data-testid="postView"]', generation: 'testid-2025', verified: '2026-12-07' },
    { selector: '[data-testid="rhsPostView"]', generation: 'testid-2025', verified: '2026-12-07' },
  ],
  systemPost: [
    { selector: '.post--system', generation: 'webapp', verified: '2026-12-07' },
  ],
  row: [
    { selector: '.item_measurer', generation: 'webapp', verified: '2026-12-07' },
    { selector: '[role="listitem"]', generation: 'any', verified: '2026-12-07' },
  ],
  avatar: [
    { selector: '.post__img img.Avatar[alt$=" profile image"]', generation: 'webapp', verified: '2026-12-07' },
  ],
  permalink: [
    { selector: 'a.post__permalink', generation: 'webapp', verified: '2026-12-07' },
  ],
  time: [
    { selector: 'time.post__time[datetime]', generation: 'webapp', verified: '2026-12-07' },
  ],
  messageText: [
    { selector: '.post-message__text', generation: 'webapp', verified: '2026-12-07' },
  ],
  mention: [
    { selector: '[data-mention]', generation: 'any', verified: '2026-12-07' },
  ],
  mentionLink: [
    { selector: '.mention-link', generation: 'webapp', verified: '2026-12-07' },
  ],
  channelHeader: [
    { selector: '#channel-header[data-channelid]', generation: 'webapp', verified: '2026-12-07' },
  ],
  channelTitle: [
    { selector: '#channelHeaderTitle', generation: 'webapp', verified: '2026-12-07' },
  ],
  memberCount: [
    { selector: '#channelMemberCountText', generation: 'webapp', verified: '2026-12-07' },
  ],
  activeSidebarLink: [
    { selector: '.SidebarChannel.active a.SidebarLink', generation: 'webapp', verified: '2026-12-07' },
  ],
  threadChannel: [
    { selector: '.ThreadPane h3 button.separated', generation: 'webapp', verified: '2026-12-07' },
    { selector: '.ThreadPane___header button.separated', generation: 'webapp', verified: '2026-12-07' },
  ],
  viewerAvatar: [
    { selector: '#userAccountMenuButton img.Avatar[alt$=" profile image"]', generation: 'webapp', verified: '2026-12-07' },
  ],
  composer: [
    { selector: 'textarea#post_textbox', generation: 'webapp', verified: '2026-12-07' },
    { selector: 'textarea#reply_textbox', generation: 'webapp', verified: '2026-12-07' },
  ],
  composerForm: [
    { selector: 'form#create_post', generation: 'webapp', verified: '2026-12-07' },
    { selector: 'form#create_comment', generation: 'webapp', verified: '2026-12-07' },
    { selector: 'form', generation: 'any', verified: '2026-12-07' },
  ],
  sendButton: [
    { selector: 'button[data-testid="SendMessageButton"]', generation: 'testid-2025', verified: '2026-12-07' },
    { selector: 'button.SendMessageButton', generation: 'webapp', verified: '2026-12-07' },
  ],
  // Reactions [I for the ids and the picker]: reactions under a post, "add reaction" in its hover menu.
  reaction: [
    { selector: '.post__body-reactions-acks [id^="postReaction-"]', generation: 'webapp', verified: '2026-11-27' },
  ],
  addReaction: [
    { selector: '.post-menu button[aria-label="add reaction" i]', generation: 'webapp', verified: '2026-12-07' },
    { selector: 'button[id$="_reaction_"]', generation: 'webapp', verified: '2026-11-27' },
  ],
  reactionChoice: [
    { selector: '#emojiPicker [data-testid="pray"]', generation: 'testid-2025', verified: '2026-11-27' },
    { selector: '#emojiPicker img[aria-label="pray emoji" i]', generation: 'webapp', verified: '2026-11-27' },
  ],
  // Threads: the right-hand side (or the Threads view) holds the reply box.
  threadView: [
    { selector: '#rhsContainer', generation: 'webapp', verified: '2026-11-27' },
    { selector: '.ThreadPane', generation: 'webapp', verified: '2026-12-07' },
    { selector: '.ThreadViewer', generation: 'webapp', verified: '2026-12-07' },
    { selector: '[data-testid="rhsPostView"]', generation: 'testid-2025', verified: '2026-12-07' },
  ],
  replyComposer: [
    { selector: 'textarea#reply_textbox', generation: 'webapp', verified: '2026-12-07' },
  ],
  replyOpen: [
    { selector: '.post-menu button[aria-label="reply" i]', generation: 'webapp', verified: '2026-12-07' },
    { selector: '[id*="_commentIcon_"]', generation: 'webapp', verified: '2026-11-27' },
  ],
  deletePost: [
    { selector: '[data-testid^="delete_post_"]', generation: 'testid-2025', verified: '2026-12-07' },
    { selector: '[id^="delete_post_"]', generation: 'webapp', verified: '2026-12-07' },
  ],
  editPost: [
    { selector: '[data-testid^="edit_post_"]', generation: 'testid-2025', verified: '2026-11-27' },
    { selector: '[id^="edit_post_"]', generation: 'webapp', verified: '2026-11-27' },
  ],
  sidebarPrivateIcon: [
    { selector: '.icon-lock-outline', generation: 'webapp', verified: '2026-12-07' },
    { selector: '.icon-archive-lock-outline', generation: 'webapp', verified: '2026-11-27' },
  ],
  sidebarPublicIcon: [
    { selector: '.icon-globe', generation: 'webapp', verified: '2026-12-07' },
    { selector: '.icon-archive-outline', generation: 'webapp', verified: '2026-11-27' },
  ],
  measurer: [
    { selector: '.item_measurer', generation: 'webapp', verified: '2026-12-07' },
  ],
  menu: [
    { selector: '[role="menu"]', generation: 'any', verified: '2026-12-07' },
  ],
  menuItem: [
    { selector: '[role="menuitem"]', generation: 'any', verified: '2026-12-07' },
  ],
  menuItemLabel: [
    { selector: '.label-elements', generation: 'webapp', verified: '2026-12-07' },
  ],
  // The viewer, besides the account menu: posts by you carry `current--user`, mentions of you are highlighted.
  ownPost: [
    { selector: '.post.current--user', generation: 'webapp', verified: '2026-12-07' },
  ],
  viewerMention: [
    { selector: '.mention--highlight [data-mention]', generation: 'webapp', verified: '2026-12-07' },
  ],
  // Bots and webhooks post with a BOT tag by their name (the webapp's BotTag) [I].
  botTag: [
    { selector: '.post__header .BotTag', generation: 'webapp', verified: '2026-11-27' },
    { selector: '.post__header .Tag--bot', generation: 'webapp', verified: '2026-11-27' },
  ],
} as const satisfies SelectorTable;

/** Each role's alternatives as one selector list, for the adapter's queries. */
export const selectors = joinTable(selectorTable);
