/**
 * Mattermost webapp selectors, by role, from the open-source webapp and its e2e page objects
 * (the pages they are checked on are in tests/fixtures/mattermost/; its README.md says where each came from). Test ids are maintained for
 * Mattermost's own e2e suite, so they come first.
 */
export const selectors = {
  app: '#channel_view, #channel-header, [data-testid="postView"], #post_textbox, #app-content',
  post: '[data-testid="postView"], [data-testid="rhsPostView"]',
  systemPost: '.post--system',
  row: '.item_measurer, [role="listitem"]',
  avatar: '.post__img img.Avatar[alt$=" profile image"]',
  permalink: 'a.post__permalink',
  time: 'time.post__time[datetime]',
  messageText: '.post-message__text',
  mention: '[data-mention]',
  mentionLink: '.mention-link',
  channelHeader: '#channel-header[data-channelid]',
  channelTitle: '#channelHeaderTitle',
  memberCount: '#channelMemberCountText',
  activeSidebarLink: '.SidebarChannel.active a.SidebarLink',
  threadChannel: '.ThreadPane h3 button.separated, .ThreadPane___header button.separated',
  viewerAvatar: '#userAccountMenuButton img.Avatar[alt$=" profile image"]',
  composer: 'textarea#post_textbox, textarea#reply_textbox',
  composerForm: 'form#create_post, form#create_comment, form',
  sendButton: 'button[data-testid="SendMessageButton"], button.SendMessageButton',
  // Reactions [I for the ids and the picker]: reactions under a post, "add reaction" in its hover menu.
  reaction: '.post__body-reactions-acks [id^="postReaction-"]',
  addReaction: '.post-menu button[aria-label="add reaction" i], button[id$="_reaction_"]',
  reactionChoice: '#emojiPicker [data-testid="pray"], #emojiPicker img[aria-label="pray emoji" i]',
  // Threads: the right-hand side (or the Threads view) holds the reply box.
  threadView: '#rhsContainer, .ThreadPane, .ThreadViewer, [data-testid="rhsPostView"]',
  replyComposer: 'textarea#reply_textbox',
  replyOpen: '.post-menu button[aria-label="reply" i], [id*="_commentIcon_"]',
  deletePost: '[data-testid^="delete_post_"], [id^="delete_post_"]',
  editPost: '[data-testid^="edit_post_"], [id^="edit_post_"]',
} as const;
