/**
 * Phabricator / Phorge selectors, by role
 * (the pages they are checked on are in tests/fixtures/phabricator/; its README.md says where each came from).
 * The markup is server-rendered and stable; Phorge-only variations are noted where handled.
 */
export const selectors = {
  page: '.phabricator-standard-page, .phabricator-wordmark, .phui-crumbs-view, [data-sigil="phabricator-main-menu"]',
  remarkup: '.phabricator-remarkup',
  mention: 'a.phui-tag-type-person[href]',
  exiled: '.phui-tag-exiled',
  policyCallout: '.phui-header-view .policy-header-callout',
  policyLink: 'a.policy-link',
  headerTitle: '.phui-header-view .phui-header-header',
  spacesName: '.spaces-name',
  descriptionSection: '.phui-property-list-section .phui-property-list-text-content',
  timelineShell: '.phui-timeline-shell',
  comment: 'span.transaction-comment, span.comment-deleted',
  anchor: 'a.phabricator-anchor-view[id]',
  timelineAuthor: '.phui-timeline-title a.phui-link-person, a.phui-timeline-image',
  printTime: 'span.print-only',
  curtainPanel: '.phui-curtain-panel',
  curtainHeader: '.phui-curtain-panel-header',
  headAuthor: '.phui-head-thing-view a.phui-link-person',
  tag: 'a.phui-tag-view',
  viewer: 'a.phabricator-core-user-menu[href^="/p/"]',
  composerForm: 'form[data-sigil~="transaction-append"]',
  composerField: 'textarea[name="comment"], textarea.remarkup-assist-textarea',
  submit: 'button[name="__submit__"]',
  awardToken: 'a[href^="/token/give/"]',
  // The token dialog's "Like" token [I].
  tokenChoice: 'input[name="tokenPHID"][value="PHID-TOKN-like-1"], button[name="tokenPHID"][value="PHID-TOKN-like-1"]',
  deleteLinks: 'a[href^="/transactions/remove/"], a[href^="/phriction/delete/"], a[href^="/file/delete/"]',
} as const;
