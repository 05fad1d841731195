/**
 * GitHub selectors, by role, for both markup generations
 * (the pages they are checked on are in tests/fixtures/github/; its README.md says where each came from).
 * React views are matched by `data-testid` and class-name prefixes, never by hashed class names.
 */
export const selectors = {
  page: 'meta[name="octolytics-url"], meta[name="octolytics-dimension-repository_nwo"], meta[property="og:site_name"][content="GitHub"], meta[name="github-keyboard-shortcuts"], react-app[app-name]',
  repositoryPublic: 'meta[name="octolytics-dimension-repository_public"]',
  repositoryName: 'meta[name="octolytics-dimension-repository_nwo"]',
  repositoryLabel: '#repository-container-header strong[itemprop="name"] ~ span.Label',
  viewer: 'meta[name="user-login"]',
  body: '.markdown-body, .comment-body, .js-comment-body',
  // Team mentions share the class on some renders; they are never persons.
  mention: 'a.user-mention[href]:not(.team-mention):not([data-hovercard-type="team"])',
  // React issues
  reactIssueBody: '[data-testid="issue-body"]',
  reactIssueAuthor: 'a[data-testid="issue-body-header-author"]',
  reactIssueLink: 'a[data-testid="issue-body-header-link"]',
  reactComment: '.react-issue-comment',
  reactCommentHeader: '[data-testid="comment-header"][id^="issuecomment-"]',
  reactCommentAuthor: 'a[data-testid="avatar-link"]',
  // Classic timeline (pull requests, discussions, older issues)
  classicPullBody: '.js-command-palette-pull-body',
  // Every classic post is a targetable element with its permalink id (filtered by pattern in code).
  classicPost: '.js-targetable-element[id], .timeline-comment-group[id], .review-comment[id]',
  classicAuthor: 'a.author',
  time: 'relative-time[datetime]',
  title:
    'bdi[data-testid="issue-title"], h1.gh-header-title .js-issue-title, h1[data-component="PH_Title"] .markdown-title, .gh-header-title .js-issue-title',
  composerField:
    '[data-testid="comment-composer"] textarea, textarea#new_comment_field, textarea.js-comment-field, [class*="AddCommentEditor"] textarea',
  // Reactions: existing ones (classic `.comment-reactions`, React rows) and the picker opener [E: refined-github].
  reactionButton: '.comment-reactions button, .reaction-row button, button.social-reaction-summary-item, button[class^="ReactionButton"]',
  reactionPicker: 'summary[aria-label="Add or remove reactions"], button[aria-label="Add or remove reactions"], button[aria-label="Add reaction"]',
  reactionChoice: '[role="menuitemcheckbox"][aria-label="hooray" i], button[aria-label="hooray" i], button[value="HOORAY react"]',
  // Inline review comments reply in their own thread.
  reviewComment: '.review-comment[id^="discussion_r"]',
  reviewThread: '.js-resolvable-timeline-thread-container, .review-thread-component',
  reviewReplyField: '.js-inline-comment-form-container textarea, [class*="AddCommentEditor"] textarea',
  reviewReplyOpen: 'button.review-thread-reply-button, .js-toggle-inline-comment-form',
  deleteControls: 'button[aria-label="Delete comment"], form.js-comment-delete button, #dialog-show-repo-delete-menu-dialog, [data-show-dialog-id="repo-delete-menu-dialog"]',
} as const;
