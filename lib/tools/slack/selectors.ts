/**
 * Slack web client selectors, by role. Slack is closed source and ships weekly: these come from
 * public extensions and automation code (the pages they are checked on are in tests/fixtures/slack/; its README.md says where each came from).
 * `data-qa` hooks are the steadiest thing available; class names are fallbacks.
 */
export const selectors = {
  client: '[data-qa="message_pane"], [data-qa="message_input"], .p-client_workspace, .p-view_header',
  messageText: '[data-qa="message-text"], .c-message_kit__text, .c-message__body',
  mention: [
    'a.c-member_slug[data-member-id]',
    'a[data-stringify-type="mention"][data-stringify-id]',
    '.c-mrkdwn__mention',
    '.p-rich_text_slug',
    '[data-qa="rich_text_message_mention_element"]',
  ].join(', '),
  message: '[data-qa="message_container"]:not([data-qa-placeholder="true"])',
  listItem: '[data-qa="virtual-list-item"], .c-virtual_list__item',
  sender: '[data-qa="message_sender_name"][data-message-sender]',
  timestamp: 'a.c-timestamp',
  headerButton: '[data-qa="channel_name_button"]',
  headerTitle: '[data-qa="channel_name"]',
  headerTypeIcon: '[data-inline-channel-type-icon]',
  selectedSidebarRow: '[data-qa-channel-sidebar-channel-is-selected="true"][data-qa-channel-sidebar-channel-type]',
  externalConnection: '[data-qa="context_bar_text_shared"], [data-qa="shared_channel_connection_info_icon"]',
  memberCount: '[data-qa="avatar_stack_count"]',
  viewer: '[data-qa="user-button"][data-user-id]',
  composerEditor:
    '[data-qa="message_input"] .ql-editor[contenteditable="true"], [data-qa="message_input_container"] [role="textbox"][contenteditable="true"], [data-qa="texty_input"][contenteditable="true"]',
  composerContainer: '[data-qa="message_input_container"], .p-message_pane_input, [data-qa="threads_flexpane"]',
  sendButton: 'button[data-qa="texty_send_button"]',
  // Reactions [E]: pills under a message, "Add reaction" in the hover toolbar or after the pills; picker items [I].
  reactionPill: 'button[data-qa="reactji"], button.c-reaction',
  addReaction: '[data-qa="add_reaction_action"], button.c-reaction_add',
  reactionChoice: '[data-qa="emoji_list_item"][data-name="pray"], button[data-qa="emoji_list_item"][aria-label^="pray" i], .p-emoji_picker [data-name="pray"]',
  threadPane: '[data-qa="threads_flexpane"]',
  replyInThread: '[data-qa="start_thread"], [data-qa="reply_bar"]',
  deleteMessage: 'button[data-qa="delete_message"]',
  editMessage: 'button[data-qa="edit_message"]',
  channelDetails: '[data-qa="channel_details_modal"]',
} as const;
