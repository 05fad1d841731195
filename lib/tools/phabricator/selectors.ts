import { joinTable, type SelectorTable } from '../selector-table';

/**
 * Phabricator / Phorge selectors, by role
 * (the pages they are checked on are in tests/fixtures/phabricator/; its README.md says where each came from).
 * The markup is server-rendered and stable; Phorge-only variations are noted where handled.
 *
 * Each role lists its alternatives with the markup generation they belong to and the day they were last
 * verified: 2026-12-07 where the alternative matches on this tool's fixtures, 2026-11-27 (the survey the
 * fixtures were built from) where no fixture has that markup.
 */
export const selectorTable = {
  page: [
    { selector: '.phabricator-standard-page', generation: 'phorge', verified: '2026-12-07' },
    { selector: '.phabricator-wordmark', generation: 'phorge', verified: '2026-12-07' },
    { selector: '.phui-crumbs-view', generation: 'phorge', verified: '2026-12-07' },
    { selector: '[data-sigil="phabricator-main-menu"]', generation: 'phorge', verified: '2026-11-27' },
  ],
  remarkup: [
    { selector: '.phabricator-remarkup', generation: 'phorge', verified: '2026-12-07' },
  ],
  mention: [
    { selector: 'a.phui-tag-type-person[href]', generation: 'phorge', verified: '2026-12-07' },
  ],
  exiled: [
    { selector: '.phui-tag-exiled', generation: 'phorge', verified: '2026-12-07' },
  ],
  policyCallout: [
    { selector: '.phui-header-view .policy-header-callout', generation: 'phorge', verified: '2026-12-07' },
  ],
  policyLink: [
    { selector: 'a.policy-link', generation: 'phorge', verified: '2026-12-07' },
  ],
  headerTitle: [
    { selector: '.phui-header-view .phui-header-header', generation: 'phorge', verified: '2026-12-07' },
  ],
  spacesName: [
    { selector: '.spaces-name', generation: 'phorge', verified: '2026-12-07' },
  ],
  descriptionSection: [
    { selector: '.phui-property-list-section .phui-property-list-text-content', generation: 'phorge', verified: '2026-12-07' },
  ],
  timelineShell: [
    { selector: '.phui-timeline-shell', generation: 'phorge', verified: '2026-12-07' },
  ],
  comment: [
    { selector: 'span.transaction-comment', generation: 'phorge', verified: '2026-12-07' },
    { selector: 'span.comment-deleted', generation: 'phorge', verified: '2026-11-27' },
  ],
  anchor: [
    { selector: 'a.phabricator-anchor-view[id]', generation: 'phorge', verified: '2026-12-07' },
  ],
  timelineAuthor: [
    { selector: '.phui-timeline-title a.phui-link-person', generation: 'phorge', verified: '2026-12-07' },
    { selector: 'a.phui-timeline-image', generation: 'phorge', verified: '2026-12-07' },
  ],
  printTime: [
    { selector: 'span.print-only', generation: 'phorge', verified: '2026-12-07' },
  ],
  curtainPanel: [
    { selector: '.phui-curtain-panel', generation: 'phorge', verified: '2026-12-07' },
  ],
  curtainHeader: [
    { selector: '.phui-curtain-panel-header', generation: 'phorge', verified: '2026-12-07' },
  ],
  headAuthor: [
    { selector: '.phui-head-thing-view a.phui-link-person', generation: 'phorge', verified: '2026-12-07' },
  ],
  tag: [
    { selector: 'a.phui-tag-view', generation: 'phorge', verified: '2026-12-07' },
  ],
  viewer: [
    { selector: 'a.phabricator-core-user-menu[href^="/p/"]', generation: 'phorge', verified: '2026-12-07' },
  ],
  composerForm: [
    { selector: 'form[data-sigil~="transaction-append"]', generation: 'phorge', verified: '2026-12-07' },
  ],
  composerField: [
    { selector: 'textarea[name="comment"]', generation: 'phorge', verified: '2026-12-07' },
    { selector: 'textarea.remarkup-assist-textarea', generation: 'phorge', verified: '2026-12-07' },
  ],
  submit: [
    { selector: 'button[name="__submit__"]', generation: 'phorge', verified: '2026-12-07' },
  ],
  awardToken: [
    { selector: 'a[href^="/token/give/"]', generation: 'phorge', verified: '2026-12-07' },
  ],
  // The token dialog's "Like" token [I].
  tokenChoice: [
    { selector: 'input[name="tokenPHID"][value="PHID-TOKN-like-1"]', generation: 'phorge', verified: '2026-11-27' },
    { selector: 'button[name="tokenPHID"][value="PHID-TOKN-like-1"]', generation: 'phorge', verified: '2026-11-27' },
  ],
  deleteLinks: [
    { selector: 'a[href^="/transactions/remove/"]', generation: 'phorge', verified: '2026-12-07' },
    { selector: 'a[href^="/phriction/delete/"]', generation: 'phorge', verified: '2026-11-27' },
    { selector: 'a[href^="/file/delete/"]', generation: 'phorge', verified: '2026-11-27' },
  ],
  policyAdjusted: [
    { selector: '[class*="policy-adjusted-"]', generation: 'phorge', verified: '2026-12-07' },
  ],
  policyIcon: [
    { selector: '.phui-icon-view', generation: 'phorge', verified: '2026-12-07' },
  ],
  profileLink: [
    { selector: 'a[href^="/p/"]', generation: 'phorge', verified: '2026-12-07' },
  ],
  commentMenu: [
    { selector: '.phuix-dropdown-menu', generation: 'phorge', verified: '2026-12-07' },
    { selector: '.phabricator-action-list-view', generation: 'phorge', verified: '2026-12-07' },
  ],
  editComment: [
    { selector: 'a[data-sigil~="transaction-edit"]', generation: 'phorge', verified: '2026-12-07' },
  ],
  // Phorge's hovercard, opened on hovering a `data-sigil="hovercard"` link.
  hovercard: [
    { selector: '.jx-hovercard-container', generation: 'phorge', verified: '2026-11-27' },
  ],
  // The viewer's profile button in the mobile main menu: the second signal of who is signed in [I].
  viewerMobileMenu: [
    { selector: 'a.phabricator-core-user-mobile-menu[href^="/p/"]', generation: 'phorge', verified: '2026-11-27' },
  ],
} as const satisfies SelectorTable;

/** Each role's alternatives as one selector list, for the adapter's queries. */
export const selectors = joinTable(selectorTable);
