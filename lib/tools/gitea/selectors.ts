import { joinTable, type SelectorTable } from '../selector-table';

/**
 * Gitea and Forgejo selectors, by role (the pages they are checked on are in tests/fixtures/gitea/; its
 * README.md says which templates each page was built from). Forgejo is Gitea's fork and keeps its
 * markup family: Fomantic UI classes (`ui`, `comment`, `timeline-item`) and the templates' own
 * structural classes (`render-content`, `context-dropdown`, `select-reaction`); `tw-*` utility classes never.
 *
 * Generations: `gitea` for Gitea 1.22–1.25, `forgejo` for Forgejo 7–13, `any` where both render the
 * same. Verified 2026-12-08 where the alternative matches on this tool's fixtures, 2026-12-07 (the
 * day the templates were read) where no fixture has that markup.
 */
export const selectorTable = {
  // Every page: `window.config` (appSubUrl, csrfToken) written inline by templates/base/head_script.tmpl.
  inlineScript: [
    { selector: 'script:not([src])', generation: 'any', verified: '2026-12-08' },
  ],
  navbar: [
    { selector: 'nav#navbar', generation: 'any', verified: '2026-12-08' },
  ],
  // Pages outside a repository name the product in meta author (a repository page names its owner there).
  siteAuthor: [
    { selector: 'meta[name="author"][content="Gitea - Git with a cup of tea"]', generation: 'gitea', verified: '2026-12-07' },
    { selector: 'meta[name="author"][content^="Forgejo"]', generation: 'forgejo', verified: '2026-12-07' },
  ],
  repoHeader: [
    { selector: '.repo-header', generation: 'any', verified: '2026-12-08' },
  ],
  // The header's lock icons (language-free) and labels (Private, Internal) of a private repository or an internal owner.
  privateIcon: [
    { selector: '.repo-header svg.octicon-lock', generation: 'any', verified: '2026-12-08' },
  ],
  internalIcon: [
    { selector: '.repo-header svg.octicon-shield-lock', generation: 'any', verified: '2026-12-07' },
  ],
  repoLabel: [
    { selector: '.repo-header .flex-item-trailing .ui.label', generation: 'any', verified: '2026-12-08' },
    { selector: '.repo-header .repo-title .labels .ui.label', generation: 'gitea', verified: '2026-12-07' },
  ],
  // templates/repo/issue/view_title.tmpl
  title: [
    { selector: 'h1 #issue-title', generation: 'any', verified: '2026-12-08' },
  ],
  body: [
    { selector: '.render-content.markup', generation: 'any', verified: '2026-12-08' },
  ],
  // Gitea 1.23+ renders a mention as a plain link marked data-markdown-generated-content; Forgejo and older Gitea as a.mention.
  mention: [
    { selector: 'a.mention[href]', generation: 'forgejo', verified: '2026-12-08' },
    { selector: 'a[data-markdown-generated-content][href]', generation: 'gitea', verified: '2026-12-08' },
  ],
  // The opening post (`issue-<id>`) and each comment (`issuecomment-<id>`); events and the comment form share the class.
  post: [
    { selector: '.timeline-item.comment[id^="issue"]', generation: 'any', verified: '2026-12-08' },
  ],
  postAuthor: [
    { selector: '.comment-header a.author[href]', generation: 'any', verified: '2026-12-08' },
  ],
  postAvatar: [
    { selector: 'a.timeline-avatar[href]', generation: 'any', verified: '2026-12-08' },
  ],
  // The author link's "bot" label (templates/shared/user/authorlink.tmpl).
  authorBadge: [
    { selector: '.comment-header .ui.basic.label', generation: 'any', verified: '2026-12-08' },
  ],
  postTime: [
    { selector: '.comment-header relative-time[datetime]', generation: 'any', verified: '2026-12-08' },
  ],
  postBody: [
    { selector: '.comment-body .render-content.markup', generation: 'any', verified: '2026-12-08' },
  ],
  // The viewer: the user menu's name (two templates), and the comment form's avatar link.
  viewerName: [
    { selector: '[data-signed-in-username]', generation: 'gitea', verified: '2026-12-08' },
    { selector: '.user-menu .header strong', generation: 'any', verified: '2026-12-08' },
    { selector: 'details.dropdown .content .header strong', generation: 'forgejo', verified: '2026-12-07' },
  ],
  viewerAvatar: [
    { selector: '.timeline-item.comment.form a.timeline-avatar[href]', generation: 'any', verified: '2026-12-08' },
  ],
  composerField: [
    { selector: '#comment-form textarea.markdown-text-editor', generation: 'any', verified: '2026-12-08' },
    { selector: '#comment-form textarea[name="content"]', generation: 'any', verified: '2026-12-08' },
  ],
  composerForm: [
    { selector: 'form#comment-form', generation: 'any', verified: '2026-12-08' },
  ],
  submit: [
    { selector: '#comment-form .field.footer button.ui.primary.button:not(#status-button)', generation: 'any', verified: '2026-12-08' },
  ],
  // Reactions: each post's picker menu is in the page (templates/repo/issue/view_content/add_reaction.tmpl).
  reactionButton: [
    { selector: '.reactions a.comment-reaction-button', generation: 'any', verified: '2026-12-08' },
  ],
  reactionPicker: [
    { selector: '.comment-header-right .select-reaction', generation: 'any', verified: '2026-12-08' },
  ],
  pickerChoice: [
    { selector: '.menu a.item.emoji[data-reaction-content]', generation: 'any', verified: '2026-12-08' },
  ],
  // The comment's context menu (templates/repo/issue/view_content/context_menu.tmpl).
  contextMenu: [
    { selector: '.context-dropdown .menu', generation: 'any', verified: '2026-12-08' },
  ],
  deleteComment: [
    { selector: '.context-dropdown .item.delete-comment', generation: 'any', verified: '2026-12-08' },
  ],
  editComment: [
    { selector: '.context-dropdown .item.edit-content', generation: 'any', verified: '2026-12-08' },
  ],
  // The sidebar's "Delete" for repository admins, opening the delete-issue modal.
  deleteIssue: [
    { selector: 'button.show-modal[data-modal="#sidebar-delete-issue"]', generation: 'any', verified: '2026-12-08' },
  ],
  closeIssue: [
    { selector: '#comment-form button#status-button[value="close"]', generation: 'any', verified: '2026-12-08' },
  ],
} as const satisfies SelectorTable;

/** Each role's alternatives as one selector list, for the adapter's queries. */
export const selectors = joinTable(selectorTable);
