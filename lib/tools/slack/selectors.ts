import { joinTable, type SelectorTable } from '../selector-table';

/**
 * Slack web client selectors, by role. Slack is closed source and ships weekly: these come from
 * public extensions and automation code (the pages they are checked on are in tests/fixtures/slack/; its README.md says where each came from).
 * `data-qa` hooks are the steadiest thing available; class names are fallbacks.
 *
 * Each role lists its alternatives with the markup generation they belong to and the day they were last
 * verified: 2026-12-07 where the alternative matches on this tool's fixtures, 2026-11-27 (the survey the
 * fixtures were built from) where no fixture has that markup.
 */
export const selectorTable = {
  client: [
    { selector: '[data-qa="message_pane"]', generation: 'data-qa-2025', verified: '2026-12-07' },
    { selector: '[data-qa="message_input"]', generation: 'data-qa-2025', verified: '2026-12-07' },
    { selector: '.p-client_workspace', generation: 'classic-classes', verified: '2026-12-07' },
    { selector: '.p-view_header', generation: 'classic-classes', verified: '2026-12-07' },
  ],
  messageText: [
    { selector: '[data-qa="message-text"]', generation: 'data-qa-2025', verified: '2026-12-07' },
    { selector: '.c-message_kit__text', generation: 'classic-classes', verified: '2026-11-27' },
    { selector: '.c-message__body', generation: 'classic-classes', verified: '2026-11-27' },
  ],
  mention: [
    { selector: 'a.c-member_slug[data-member-id]', generation: 'classic-classes', verified: '2026-12-07' },
    { selector: 'a[data-stringify-type="mention"][data-stringify-id]', generation: 'data-qa-2025', verified: '2026-12-07' },
    { selector: '.c-mrkdwn__mention', generation: 'classic-classes', verified: '2026-11-27' },
    { selector: '.p-rich_text_slug', generation: 'classic-classes', verified: '2026-11-27' },
    { selector: '[data-qa="rich_text_message_mention_element"]', generation: 'data-qa-2025', verified: '2026-11-27' },
  ],
  message: [
    { selector: '[data-qa="message_container"]:not([data-qa-placeholder="true"])', generation: 'data-qa-2025', verified: '2026-12-07' },
  ],
  listItem: [
    { selector: '[data-qa="virtual-list-item"]', generation: 'data-qa-2025', verified: '2026-12-07' },
    { selector: '.c-virtual_list__item', generation: 'classic-classes', verified: '2026-12-07' },
  ],
  sender: [
    { selector: '[data-qa="message_sender_name"][data-message-sender]', generation: 'data-qa-2025', verified: '2026-12-07' },
  ],
  timestamp: [
    { selector: 'a.c-timestamp', generation: 'classic-classes', verified: '2026-12-07' },
  ],
  headerButton: [
    { selector: '[data-qa="channel_name_button"]', generation: 'data-qa-2025', verified: '2026-12-07' },
  ],
  headerTitle: [
    { selector: '[data-qa="channel_name"]', generation: 'data-qa-2025', verified: '2026-12-07' },
  ],
  headerTypeIcon: [
    { selector: '[data-inline-channel-type-icon]', generation: 'data-qa-2025', verified: '2026-12-07' },
  ],
  selectedSidebarRow: [
    { selector: '[data-qa-channel-sidebar-channel-is-selected="true"][data-qa-channel-sidebar-channel-type]', generation: 'data-qa-2025', verified: '2026-12-07' },
  ],
  externalConnection: [
    { selector: '[data-qa="context_bar_text_shared"]', generation: 'data-qa-2025', verified: '2026-11-27' },
    { selector: '[data-qa="shared_channel_connection_info_icon"]', generation: 'data-qa-2025', verified: '2026-11-27' },
  ],
  memberCount: [
    { selector: '[data-qa="avatar_stack_count"]', generation: 'data-qa-2025', verified: '2026-12-07' },
  ],
  viewer: [
    { selector: '[data-qa="user-button"][data-user-id]', generation: 'data-qa-2025', verified: '2026-12-07' },
  ],
  composerEditor: [
    { selector: '[data-qa="message_input"] .ql-editor[contenteditable="true"]', generation: 'data-qa-2025', verified: '2026-12-07' },
    { selector: '[data-qa="message_input_container"] [role="textbox"][contenteditable="true"]', generation: 'data-qa-2025', verified: '2026-12-07' },
    { selector: '[data-qa="texty_input"][contenteditable="true"]', generation: 'data-qa-2025', verified: '2026-11-27' },
  ],
  /** A mention chip in a draft (lib/content/draft-mentions.ts): the legacy `ts-mention`, and member-id spans. */
  composerMention: [
    { selector: 'ts-mention[data-id]', generation: 'classic-classes', verified: '2026-11-27' },
    { selector: '[data-member-id]', generation: 'classic-classes', verified: '2026-11-27' },
    { selector: '[data-user-id]', generation: 'data-qa-2025', verified: '2026-11-27' },
  ],
  composerContainer: [
    { selector: '[data-qa="message_input_container"]', generation: 'data-qa-2025', verified: '2026-12-07' },
    { selector: '.p-message_pane_input', generation: 'classic-classes', verified: '2026-12-07' },
    { selector: '[data-qa="threads_flexpane"]', generation: 'data-qa-2025', verified: '2026-11-27' },
  ],
  sendButton: [
    { selector: 'button[data-qa="texty_send_button"]', generation: 'data-qa-2025', verified: '2026-12-07' },
  ],
  // Reactions [E]: pills under a message, "Add reaction" in the hover toolbar or after the pills; picker items [I].
  reactionPill: [
    { selector: 'button[data-qa="reactji"]', generation: 'data-qa-2025', verified: '2026-11-27' },
    { selector: 'button.c-reaction', generation: 'classic-classes', verified: '2026-11-27' },
  ],
  addReaction: [
    { selector: '[data-qa="add_reaction_action"]', generation: 'data-qa-2025', verified: '2026-12-07' },
    { selector: 'button.c-reaction_add', generation: 'classic-classes', verified: '2026-11-27' },
  ],
  reactionChoice: [
    { selector: '[data-qa="emoji_list_item"][data-name="pray"]', generation: 'data-qa-2025', verified: '2026-11-27' },
    { selector: 'button[data-qa="emoji_list_item"][aria-label^="pray" i]', generation: 'data-qa-2025', verified: '2026-11-27' },
    { selector: '.p-emoji_picker [data-name="pray"]', generation: 'classic-classes', verified: '2026-11-27' },
  ],
  threadPane: [
    { selector: '[data-qa="threads_flexpane"]', generation: 'data-qa-2025', verified: '2026-11-27' },
  ],
  replyInThread: [
    { selector: '[data-qa="start_thread"]', generation: 'data-qa-2025', verified: '2026-12-07' },
    { selector: '[data-qa="reply_bar"]', generation: 'data-qa-2025', verified: '2026-12-07' },
  ],
  deleteMessage: [
    { selector: 'button[data-qa="delete_message"]', generation: 'data-qa-2025', verified: '2026-12-07' },
  ],
  editMessage: [
    { selector: 'button[data-qa="edit_message"]', generation: 'data-qa-2025', verified: '2026-12-07' },
  ],
  channelDetails: [
    { selector: '[data-qa="channel_details_modal"]', generation: 'data-qa-2025', verified: '2026-11-27' },
  ],
  messageTs: [
    { selector: '[data-msg-ts]', generation: 'data-qa-2025', verified: '2026-12-07' },
  ],
  control: [
    { selector: 'button', generation: 'any', verified: '2026-12-07' },
    { selector: '[role="button"]', generation: 'any', verified: '2026-12-07' },
    { selector: '[role="menuitem"]', generation: 'any', verified: '2026-12-07' },
  ],
  menu: [
    { selector: '[data-qa="menu"]', generation: 'data-qa-2025', verified: '2026-12-07' },
    { selector: '[role="menu"]', generation: 'any', verified: '2026-12-07' },
  ],
  button: [
    { selector: 'button', generation: 'any', verified: '2026-12-07' },
  ],
  // The viewer, besides the user button: Slack marks mentions of you with `c-member_slug--mention` (reference 2a).
  viewerMention: [
    { selector: 'a.c-member_slug--mention[data-member-id]', generation: 'classic-classes', verified: '2026-12-07' },
  ],
  // Apps and bots post with an APP badge by their name [I].
  appBadge: [
    { selector: '.c-app_badge', generation: 'classic-classes', verified: '2026-11-27' },
    { selector: '[data-qa="app_badge"]', generation: 'data-qa-2025', verified: '2026-11-27' },
  ],
} as const satisfies SelectorTable;

/** Each role's alternatives as one selector list, for the adapter's queries. */
export const selectors = joinTable(selectorTable);
