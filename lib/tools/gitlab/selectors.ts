import { joinTable, type SelectorTable } from '../selector-table';

/**
 * GitLab selectors, by role, for the legacy notes app and the work-items view
 * (the pages they are checked on are in tests/fixtures/gitlab/; its README.md says where each came from). `data-testid`, `js-*` and structural
 * classes (`note`, `note-text`, `md`, `gfm`) first; utility classes never.
 *
 * Each role lists its alternatives with the markup generation they belong to and the day they were last
 * verified: 2026-12-07 where the alternative matches on this tool's fixtures, 2026-11-27 (the survey the
 * fixtures were built from) where no fixture has that markup.
 */
export const selectorTable = {
  siteName: [
    { selector: 'meta[property="og:site_name"][content="GitLab"]', generation: 'any', verified: '2026-12-07' },
  ],
  body: [
    { selector: '.md', generation: 'notes-app', verified: '2026-12-07' },
    { selector: '.note-text', generation: 'notes-app', verified: '2026-12-07' },
    { selector: '[data-testid="work-item-description"]', generation: 'work-items', verified: '2026-12-07' },
    { selector: '[data-testid="gfm-content"]', generation: 'any', verified: '2026-12-07' },
  ],
  mention: [
    { selector: 'a.gfm[data-reference-type="user"]', generation: 'any', verified: '2026-12-07' },
  ],
  description: [
    { selector: '.detail-page-description .description', generation: 'notes-app', verified: '2026-12-07' },
    { selector: '.work-item-description', generation: 'work-items', verified: '2026-12-07' },
    { selector: '[data-testid="work-item-description-wrapper"]', generation: 'work-items', verified: '2026-12-07' },
  ],
  descriptionBody: [
    { selector: '.md', generation: 'notes-app', verified: '2026-12-07' },
    { selector: '[data-testid="gfm-content"]', generation: 'any', verified: '2026-12-07' },
    { selector: '[data-testid="work-item-description"]', generation: 'work-items', verified: '2026-12-07' },
  ],
  descriptionAuthor: [
    { selector: 'a.js-user-link[data-testid="work-item-author"]', generation: 'work-items', verified: '2026-12-07' },
    { selector: '.issuable-meta a.author-link.js-user-link', generation: 'notes-app', verified: '2026-11-27' },
    { selector: '.detail-page-header a.author-link.js-user-link', generation: 'notes-app', verified: '2026-12-07' },
  ],
  note: [
    { selector: 'li[id^="note_"].note-wrapper', generation: 'notes-app', verified: '2026-12-07' },
    { selector: 'li[id^="note_"].note', generation: 'notes-app', verified: '2026-12-07' },
  ],
  systemNote: [
    { selector: '.system-note', generation: 'notes-app', verified: '2026-12-07' },
  ],
  noteAuthor: [
    { selector: '.note-header a.js-user-link[data-username]', generation: 'notes-app', verified: '2026-12-07' },
    { selector: 'a.author-name-link[data-username]', generation: 'notes-app', verified: '2026-12-07' },
    { selector: '.note-header [data-username]', generation: 'notes-app', verified: '2026-12-07' },
  ],
  noteTime: [
    { selector: 'time[datetime]', generation: 'any', verified: '2026-12-07' },
  ],
  noteBody: [
    { selector: '.note-text', generation: 'notes-app', verified: '2026-12-07' },
  ],
  confidential: [
    { selector: '[data-testid="confidential-badge-text"]', generation: 'notes-app', verified: '2026-12-07' },
    { selector: '.issuable-note-warning', generation: 'notes-app', verified: '2026-12-07' },
    { selector: '[data-testid="issuable-note-warning"]', generation: 'notes-app', verified: '2026-12-07' },
  ],
  viewer: [
    { selector: 'a[data-testid="user-profile-link"][href]', generation: 'any', verified: '2026-12-07' },
  ],
  title: [
    { selector: 'h1[data-testid="work-item-title"]', generation: 'work-items', verified: '2026-12-07' },
    { selector: 'h1.title[data-testid="issue-title"]', generation: 'notes-app', verified: '2026-12-07' },
    { selector: 'h1.title[data-testid="title-content"]', generation: 'notes-app', verified: '2026-12-07' },
    { selector: 'h1[data-testid="title-content"]', generation: 'notes-app', verified: '2026-12-07' },
  ],
  composerField: [
    { selector: 'textarea#note-body', generation: 'notes-app', verified: '2026-12-07' },
    { selector: 'textarea[data-testid="comment-field"]', generation: 'notes-app', verified: '2026-12-07' },
    { selector: 'textarea#work-item-add-or-edit-comment', generation: 'work-items', verified: '2026-12-07' },
    { selector: '.js-main-target-form .ProseMirror[contenteditable="true"]', generation: 'any', verified: '2026-12-07' },
  ],
  composerForm: [
    { selector: 'form.common-note-form', generation: 'notes-app', verified: '2026-12-07' },
    { selector: 'form.js-main-target-form', generation: 'notes-app', verified: '2026-12-07' },
    { selector: '.js-comment-form', generation: 'notes-app', verified: '2026-12-07' },
  ],
  submit: [
    { selector: '[data-testid="comment-button"] button[type="submit"]', generation: 'notes-app', verified: '2026-12-07' },
    { selector: 'button[data-testid="confirm-button"]', generation: 'notes-app', verified: '2026-12-07' },
    { selector: '.js-comment-submit-button button', generation: 'notes-app', verified: '2026-12-07' },
  ],
  // Award emoji: existing awards, and the "Add reaction" picker opener on notes and below the description.
  awardButton: [
    { selector: 'button.award-control', generation: 'notes-app', verified: '2026-11-27' },
    { selector: 'button[data-testid="award-button"]', generation: 'notes-app', verified: '2026-11-27' },
  ],
  addAward: [
    { selector: '.js-add-award', generation: 'notes-app', verified: '2026-12-07' },
    { selector: 'button[data-testid="add-reaction-button"]', generation: 'notes-app', verified: '2026-11-27' },
    { selector: 'button[aria-label="Add reaction"]', generation: 'notes-app', verified: '2026-12-07' },
  ],
  awardChoice: [
    { selector: 'button[data-testid="emoji-button"] gl-emoji[data-name="tada"]', generation: 'notes-app', verified: '2026-11-27' },
    { selector: '.emoji-menu-list gl-emoji[data-name="tada"]', generation: 'notes-app', verified: '2026-11-27' },
    { selector: '[data-name="tada"]', generation: 'notes-app', verified: '2026-11-27' },
  ],
  descriptionAwards: [
    { selector: '.issuable-details .awards', generation: 'notes-app', verified: '2026-11-27' },
    { selector: '[data-testid="work-item-award-list"]', generation: 'work-items', verified: '2026-11-27' },
    { selector: '.js-awards-block', generation: 'notes-app', verified: '2026-11-27' },
  ],
  // Threads: the discussion's reply box and what opens it; a standalone note starts one.
  discussion: [
    { selector: 'li.note-discussion', generation: 'notes-app', verified: '2026-12-07' },
    { selector: '.js-noteable-discussion', generation: 'notes-app', verified: '2026-12-07' },
  ],
  replyField: [
    { selector: '.discussion-reply-holder textarea', generation: 'notes-app', verified: '2026-11-27' },
    { selector: '.discussion-reply-holder .ProseMirror[contenteditable="true"]', generation: 'any', verified: '2026-11-27' },
  ],
  replyOpen: [
    { selector: '[data-testid="discussion-reply-tab"]', generation: 'notes-app', verified: '2026-12-07' },
    { selector: '.js-vue-discussion-reply', generation: 'notes-app', verified: '2026-12-07' },
  ],
  replyToNote: [
    { selector: '[data-testid="reply-comment-button"]', generation: 'notes-app', verified: '2026-12-07' },
    { selector: '.js-reply-button', generation: 'notes-app', verified: '2026-12-07' },
  ],
  deleteNote: [
    { selector: '.js-note-delete', generation: 'notes-app', verified: '2026-12-07' },
    { selector: '[data-testid="delete-note-action"]', generation: 'notes-app', verified: '2026-12-07' },
  ],
  deleteIssue: [
    { selector: '[data-testid="delete-issue-button"]', generation: 'notes-app', verified: '2026-11-27' },
    { selector: '[data-testid="delete-action"]', generation: 'notes-app', verified: '2026-11-27' },
  ],
  deleteProject: [
    { selector: '#js-project-delete-button', generation: 'notes-app', verified: '2026-11-27' },
  ],
  closeIssue: [
    { selector: '[data-testid="close-reopen-button"]', generation: 'notes-app', verified: '2026-12-07' },
    { selector: '[data-testid="work-item-close"]', generation: 'work-items', verified: '2026-12-07' },
  ],
  descriptionTime: [
    { selector: '[data-testid="work-item-created"] time', generation: 'work-items', verified: '2026-12-07' },
    { selector: '.issuable-meta time', generation: 'notes-app', verified: '2026-11-27' },
    { selector: '.detail-page-header time', generation: 'notes-app', verified: '2026-12-07' },
  ],
  awardEmoji: [
    { selector: 'gl-emoji', generation: 'any', verified: '2026-11-27' },
  ],
  noteItem: [
    { selector: 'li[id^="note_"]', generation: 'notes-app', verified: '2026-12-07' },
  ],
  editNote: [
    { selector: '.js-note-edit', generation: 'notes-app', verified: '2026-12-07' },
    { selector: 'button[aria-label="Edit comment"]', generation: 'notes-app', verified: '2026-12-07' },
  ],
  buttonOrLink: [
    { selector: 'button', generation: 'any', verified: '2026-12-07' },
    { selector: 'a', generation: 'any', verified: '2026-12-07' },
  ],
  // The user popover GitLab opens on hovering a `.js-user-link` (user_popovers.js).
  hovercard: [
    { selector: '.gl-popover.popover', generation: 'any', verified: '2026-11-27' },
  ],
  // The viewer, besides the user menu: the page's `gon.current_username` (an inline script), the composer's avatar link.
  inlineScript: [
    { selector: 'script:not([src])', generation: 'any', verified: '2026-11-27' },
  ],
  viewerAvatar: [
    { selector: '.js-comment-form .timeline-avatar a.js-user-link[data-username]', generation: 'notes-app', verified: '2026-12-07' },
    { selector: 'a.header-user-dropdown-toggle[href]', generation: 'notes-app', verified: '2026-11-27' },
  ],
  // A badge in a note header ("Bot" marks bot users).
  noteBadge: [
    { selector: '.note-header .gl-badge', generation: 'notes-app', verified: '2026-11-27' },
    { selector: '.note-header .badge', generation: 'notes-app', verified: '2026-11-27' },
  ],
  // The link inside an element that wraps it instead of being it.
  link: [
    { selector: 'a[href]', generation: 'any', verified: '2026-12-07' },
  ],
} as const satisfies SelectorTable;

/** Each role's alternatives as one selector list, for the adapter's queries. */
export const selectors = joinTable(selectorTable);
