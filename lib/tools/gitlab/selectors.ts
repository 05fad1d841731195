/**
 * GitLab selectors, by role, for the legacy notes app and the work-items view
 * (the pages they are checked on are in tests/fixtures/gitlab/; its README.md says where each came from). `data-testid`, `js-*` and structural
 * classes (`note`, `note-text`, `md`, `gfm`) first; utility classes never.
 */
export const selectors = {
  siteName: 'meta[property="og:site_name"][content="GitLab"]',
  body: '.md, .note-text, [data-testid="work-item-description"], [data-testid="gfm-content"]',
  mention: 'a.gfm[data-reference-type="user"]',
  description:
    '.detail-page-description .description, .work-item-description, [data-testid="work-item-description-wrapper"]',
  descriptionBody: '.md, [data-testid="gfm-content"], [data-testid="work-item-description"]',
  descriptionAuthor:
    'a.js-user-link[data-testid="work-item-author"], .issuable-meta a.author-link.js-user-link, .detail-page-header a.author-link.js-user-link, a.author-link.js-user-link[data-username]',
  note: 'li[id^="note_"].note-wrapper, li[id^="note_"].note',
  systemNote: '.system-note',
  noteAuthor: '.note-header a.js-user-link[data-username], a.author-name-link[data-username], .note-header [data-username]',
  noteTime: 'time[datetime]',
  noteBody: '.note-text',
  confidential: '[data-testid="confidential-badge-text"], .issuable-note-warning, [data-testid="issuable-note-warning"]',
  viewer: 'a[data-testid="user-profile-link"][href]',
  title: 'h1[data-testid="work-item-title"], h1.title[data-testid="issue-title"], h1.title[data-testid="title-content"], h1[data-testid="title-content"]',
  composerField:
    'textarea#note-body, textarea[data-testid="comment-field"], textarea#work-item-add-or-edit-comment, .js-main-target-form .ProseMirror[contenteditable="true"]',
  composerForm: 'form.common-note-form, form.js-main-target-form, .js-comment-form',
  submit: '[data-testid="comment-button"] button[type="submit"], button[data-testid="confirm-button"], .js-comment-submit-button button',
  // Award emoji: existing awards, and the "Add reaction" picker opener on notes and below the description.
  awardButton: 'button.award-control, button[data-testid="award-button"]',
  addAward: '.js-add-award, button[data-testid="add-reaction-button"], button[aria-label="Add reaction"]',
  awardChoice: 'button[data-testid="emoji-button"] gl-emoji[data-name="tada"], .emoji-menu-list gl-emoji[data-name="tada"], [data-name="tada"]',
  descriptionAwards: '.issuable-details .awards, [data-testid="work-item-award-list"], .js-awards-block',
  // Threads: the discussion's reply box and what opens it; a standalone note starts one.
  discussion: 'li.note-discussion, .js-noteable-discussion',
  replyField: '.discussion-reply-holder textarea, .discussion-reply-holder .ProseMirror[contenteditable="true"]',
  replyOpen: '[data-testid="discussion-reply-tab"], .js-vue-discussion-reply',
  replyToNote: '[data-testid="reply-comment-button"], .js-reply-button',
  deleteNote: '.js-note-delete, [data-testid="delete-note-action"]',
  deleteIssue: '[data-testid="delete-issue-button"], [data-testid="delete-action"]',
  deleteProject: '#js-project-delete-button',
  closeIssue: '[data-testid="close-reopen-button"], [data-testid="work-item-close"]',
} as const;
