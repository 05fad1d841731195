import { joinTable, type SelectorTable } from '../selector-table';

/**
 * GitHub selectors, by role, for both markup generations
 * (the pages they are checked on are in tests/fixtures/github/; its README.md says where each came from).
 * React views are matched by `data-testid` and class-name prefixes, never by hashed class names.
 *
 * Each role lists its alternatives with the markup generation they belong to and the day they were last
 * verified: 2026-12-07 where the alternative matches on this tool's fixtures, 2026-11-27 (the survey the
 * fixtures were built from) where no fixture has that markup.
 */
export const selectorTable = {
  page: [
    { selector: 'meta[name="octolytics-url"]', generation: 'any', verified: '2026-12-07' },
    { selector: 'meta[name="octolytics-dimension-repository_nwo"]', generation: 'any', verified: '2026-12-07' },
    { selector: 'meta[property="og:site_name"][content="GitHub"]', generation: 'any', verified: '2026-11-27' },
    { selector: 'meta[name="github-keyboard-shortcuts"]', generation: 'any', verified: '2026-11-27' },
    { selector: 'react-app[app-name]', generation: 'react-2025', verified: '2026-12-07' },
  ],
  repositoryPublic: [
    { selector: 'meta[name="octolytics-dimension-repository_public"]', generation: 'any', verified: '2026-12-07' },
  ],
  repositoryName: [
    { selector: 'meta[name="octolytics-dimension-repository_nwo"]', generation: 'any', verified: '2026-12-07' },
  ],
  repositoryLabel: [
    { selector: '#repository-container-header strong[itemprop="name"] ~ span.Label', generation: 'classic', verified: '2026-12-07' },
  ],
  viewer: [
    { selector: 'meta[name="user-login"]', generation: 'any', verified: '2026-12-07' },
  ],
  body: [
    { selector: '.markdown-body', generation: 'any', verified: '2026-12-07' },
    { selector: '.comment-body', generation: 'classic', verified: '2026-12-07' },
    { selector: '.js-comment-body', generation: 'classic', verified: '2026-12-07' },
  ],
  // Team mentions share the class on some renders; they are never persons.
  mention: [
    { selector: 'a.user-mention[href]:not(.team-mention):not([data-hovercard-type="team"])', generation: 'any', verified: '2026-12-07' },
  ],
  // React issues
  reactIssueBody: [
    { selector: '[data-testid="issue-body"]', generation: 'react-2025', verified: '2026-12-07' },
  ],
  reactIssueAuthor: [
    { selector: 'a[data-testid="issue-body-header-author"]', generation: 'react-2025', verified: '2026-12-07' },
  ],
  reactIssueLink: [
    { selector: 'a[data-testid="issue-body-header-link"]', generation: 'react-2025', verified: '2026-12-07' },
  ],
  reactComment: [
    { selector: '.react-issue-comment', generation: 'react-2025', verified: '2026-12-07' },
  ],
  reactCommentHeader: [
    { selector: '[data-testid="comment-header"][id^="issuecomment-"]', generation: 'react-2025', verified: '2026-12-07' },
  ],
  reactCommentAuthor: [
    { selector: 'a[data-testid="avatar-link"]', generation: 'react-2025', verified: '2026-12-07' },
  ],
  // Classic timeline (pull requests, discussions, older issues)
  classicPullBody: [
    { selector: '.js-command-palette-pull-body', generation: 'classic', verified: '2026-12-07' },
  ],
  // Every classic post is a targetable element with its permalink id (filtered by pattern in code).
  classicPost: [
    { selector: '.js-targetable-element[id]', generation: 'classic', verified: '2026-12-07' },
    { selector: '.timeline-comment-group[id]', generation: 'classic', verified: '2026-12-07' },
    { selector: '.review-comment[id]', generation: 'classic', verified: '2026-12-07' },
  ],
  classicAuthor: [
    { selector: 'a.author', generation: 'classic', verified: '2026-12-07' },
  ],
  time: [
    { selector: 'relative-time[datetime]', generation: 'any', verified: '2026-12-07' },
  ],
  title: [
    { selector: 'bdi[data-testid="issue-title"]', generation: 'react-2025', verified: '2026-12-07' },
    { selector: 'h1.gh-header-title .js-issue-title', generation: 'classic', verified: '2026-12-07' },
    { selector: 'h1[data-component="PH_Title"] .markdown-title', generation: 'react-2025', verified: '2026-12-07' },
    { selector: '.gh-header-title .js-issue-title', generation: 'classic', verified: '2026-12-07' },
  ],
  composerField: [
    { selector: '[data-testid="comment-composer"] textarea', generation: 'react-2025', verified: '2026-12-07' },
    { selector: 'textarea#new_comment_field', generation: 'classic', verified: '2026-12-07' },
    { selector: 'textarea.js-comment-field', generation: 'classic', verified: '2026-12-07' },
    { selector: '[class*="AddCommentEditor"] textarea', generation: 'react-2025', verified: '2026-11-27' },
  ],
  // Reactions: existing ones (classic `.comment-reactions`, React rows) and the picker opener [E: refined-github].
  reactionButton: [
    { selector: '.comment-reactions button', generation: 'classic', verified: '2026-12-07' },
    { selector: '.reaction-row button', generation: 'react-2025', verified: '2026-12-07' },
    { selector: 'button.social-reaction-summary-item', generation: 'any', verified: '2026-11-27' },
    { selector: 'button[class^="ReactionButton"]', generation: 'react-2025', verified: '2026-11-27' },
  ],
  reactionPicker: [
    { selector: 'summary[aria-label="Add or remove reactions"]', generation: 'classic', verified: '2026-11-27' },
    { selector: 'button[aria-label="Add or remove reactions"]', generation: 'react-2025', verified: '2026-11-27' },
    { selector: 'button[aria-label="Add reaction"]', generation: 'react-2025', verified: '2026-11-27' },
  ],
  reactionChoice: [
    { selector: '[role="menuitemcheckbox"][aria-label="hooray" i]', generation: 'react-2025', verified: '2026-11-27' },
    { selector: 'button[aria-label="hooray" i]', generation: 'any', verified: '2026-11-27' },
    { selector: 'button[value="HOORAY react"]', generation: 'any', verified: '2026-11-27' },
  ],
  // Inline review comments reply in their own thread.
  reviewComment: [
    { selector: '.review-comment[id^="discussion_r"]', generation: 'classic', verified: '2026-12-07' },
  ],
  reviewThread: [
    { selector: '.js-resolvable-timeline-thread-container', generation: 'classic', verified: '2026-12-07' },
    { selector: '.review-thread-component', generation: 'react-2025', verified: '2026-12-07' },
  ],
  reviewReplyField: [
    { selector: '.js-inline-comment-form-container textarea', generation: 'classic', verified: '2026-12-07' },
    { selector: '[class*="AddCommentEditor"] textarea', generation: 'react-2025', verified: '2026-11-27' },
  ],
  reviewReplyOpen: [
    { selector: 'button.review-thread-reply-button', generation: 'any', verified: '2026-12-07' },
    { selector: '.js-toggle-inline-comment-form', generation: 'classic', verified: '2026-12-07' },
  ],
  deleteControls: [
    { selector: 'button[aria-label="Delete comment"]', generation: 'react-2025', verified: '2026-12-07' },
    { selector: 'form.js-comment-delete button', generation: 'classic', verified: '2026-12-07' },
    { selector: '#dialog-show-repo-delete-menu-dialog', generation: 'classic', verified: '2026-11-27' },
    { selector: '[data-show-dialog-id="repo-delete-menu-dialog"]', generation: 'classic', verified: '2026-11-27' },
  ],
  // Post parts and page parts the readings use.
  markdownBody: [
    { selector: '.markdown-body', generation: 'any', verified: '2026-12-07' },
  ],
  issuePermalink: [
    { selector: 'a[href*="#issue-"]', generation: 'classic', verified: '2026-12-07' },
  ],
  classicPullCommentBody: [
    { selector: '.comment-body', generation: 'classic', verified: '2026-12-07' },
    { selector: '.js-comment-body', generation: 'classic', verified: '2026-12-07' },
  ],
  classicPostBody: [
    { selector: '.comment-body', generation: 'classic', verified: '2026-12-07' },
    { selector: '.js-comment-body', generation: 'classic', verified: '2026-12-07' },
    { selector: '.markdown-body', generation: 'any', verified: '2026-12-07' },
  ],
  composerContainer: [
    { selector: 'form', generation: 'any', verified: '2026-12-07' },
    { selector: '[data-testid="comment-composer"]', generation: 'react-2025', verified: '2026-12-07' },
  ],
  composerSubmit: [
    { selector: 'button[type="submit"].btn-primary', generation: 'any', verified: '2026-12-07' },
    { selector: 'button[data-variant="primary"]', generation: 'react-2025', verified: '2026-12-07' },
  ],
  form: [
    { selector: 'form', generation: 'any', verified: '2026-12-07' },
  ],
  button: [
    { selector: 'button', generation: 'any', verified: '2026-12-07' },
  ],
  submitButton: [
    { selector: 'button[type="submit"]', generation: 'any', verified: '2026-12-07' },
  ],
  repositoryDelete: [
    { selector: '#dialog-show-repo-delete-menu-dialog', generation: 'classic', verified: '2026-11-27' },
    { selector: '[data-show-dialog-id="repo-delete-menu-dialog"]', generation: 'classic', verified: '2026-11-27' },
  ],
  menuItem: [
    { selector: '[role="menuitem"]', generation: 'any', verified: '2026-12-07' },
  ],
  menuItemOrButton: [
    { selector: '[role="menuitem"]', generation: 'any', verified: '2026-12-07' },
    { selector: 'button', generation: 'any', verified: '2026-12-07' },
  ],
  commentMenu: [
    { selector: '[role="menu"]', generation: 'any', verified: '2026-12-07' },
    { selector: 'details-menu', generation: 'classic', verified: '2026-12-07' },
  ],
  hideControl: [
    { selector: '[role="menuitem"]', generation: 'any', verified: '2026-12-07' },
    { selector: '.js-comment-hide-button', generation: 'classic', verified: '2026-12-07' },
  ],
  ogTitle: [
    { selector: 'meta[property="og:title"]', generation: 'any', verified: '2026-12-07' },
  ],
  // The tool's own hovercard, shown on hovering a mention or an author (reference section 1a).
  hovercard: [
    { selector: '.Popover.js-hovercard-content', generation: 'classic', verified: '2026-11-27' },
  ],
  // The viewer's avatar button in the header: the second signal of who is signed in.
  viewerMenu: [
    { selector: 'button.js-user-nav[data-login]', generation: 'any', verified: '2026-12-07' },
    { selector: '.AppHeader-user [data-login]', generation: 'react-2025', verified: '2026-11-27' },
  ],
} as const satisfies SelectorTable;

/** Each role's alternatives as one selector list, for the adapter's queries. */
export const selectors = joinTable(selectorTable);
