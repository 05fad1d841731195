import { joinTable, type SelectorTable } from '../selector-table';

/**
 * Asana web app selectors, by role (the pages they are checked on are in tests/fixtures/asana/; its README.md says where each came from). Asana is
 * closed source and moving to hashed CSS-module names: BEM-like `Component-element` classes are
 * matched by prefix where they have started to change, and everything here degrades to "unknown".
 *
 * Each role lists its alternatives with the markup generation they belong to and the day they were last
 * verified: 2026-12-07 where the alternative matches on this tool's fixtures, 2026-11-27 (the survey the
 * fixtures were built from) where no fixture has that markup.
 */
export const selectorTable = {
  app: [
    { selector: '#asana_main_page', generation: 'any', verified: '2026-12-07' },
    { selector: '#asana_full_page', generation: 'any', verified: '2026-11-27' },
    { selector: '.TaskPane', generation: 'bem', verified: '2026-12-07' },
    { selector: '.TaskStoryFeed', generation: 'bem', verified: '2026-12-07' },
  ],
  taskPane: [
    { selector: '.TaskPane', generation: 'bem', verified: '2026-12-07' },
  ],
  markComplete: [
    { selector: '[role="button"][aria-label="Mark complete"]', generation: 'any', verified: '2026-12-07' },
    { selector: '.MarkCompleteButton', generation: 'bem', verified: '2026-12-07' },
  ],
  taskTitle: [
    { selector: 'textarea[aria-label="Task Name"]', generation: 'any', verified: '2026-12-07' },
    { selector: 'textarea.TaskName-input', generation: 'bem', verified: '2026-12-07' },
  ],
  description: [
    { selector: '#TaskDescription', generation: 'any', verified: '2026-12-07' },
  ],
  descriptionBody: [
    { selector: '#TaskDescription .ProseMirror', generation: 'any', verified: '2026-12-07' },
  ],
  creationActor: [
    { selector: '.TaskStoryFeed-taskCreationStory .BlockStory-actorName', generation: 'bem', verified: '2026-12-07' },
    { selector: '.TaskCreationBlockStory .BlockStory-actorName', generation: 'bem', verified: '2026-12-07' },
  ],
  story: [
    { selector: '.FeedBlockStory[data-testid="FeedBlockStory"]', generation: 'any', verified: '2026-12-07' },
    { selector: '.TaskStoryFeed-blockStory', generation: 'bem', verified: '2026-12-07' },
  ],
  storyBody: [
    { selector: '.BlockStoryStructure-body', generation: 'bem', verified: '2026-12-07' },
  ],
  storyText: [
    { selector: '.BlockStoryStructure-body .RichText3', generation: 'bem', verified: '2026-12-07' },
  ],
  storyActor: [
    { selector: '.BlockStory-actorName', generation: 'bem', verified: '2026-12-07' },
  ],
  storyTimestamp: [
    { selector: '.BlockStory-timestamp', generation: 'bem', verified: '2026-12-07' },
  ],
  mention: [
    { selector: 'a[data-asana-type="user"][data-asana-gid]', generation: 'any', verified: '2026-12-07' },
    { selector: 'a[href*="/profile/"]', generation: 'any', verified: '2026-12-07' },
    { selector: 'a[href^="https://app.asana.com/0/"][href$="/list"]', generation: 'any', verified: '2026-12-07' },
  ],
  projectPill: [
    { selector: '.TaskProjectTokenPill-name', generation: 'bem', verified: '2026-12-07' },
  ],
  privacyBanner: [
    { selector: '[class*="PrivacyBanner"]', generation: 'css-modules-2025', verified: '2026-12-07' },
    { selector: '.TaskPaneBanner', generation: 'bem', verified: '2026-12-07' },
  ],
  projectTitle: [
    { selector: 'input[class*="PageHeaderEditableTitle"]', generation: 'css-modules-2025', verified: '2026-12-07' },
  ],
  projectHeader: [
    { selector: '.ProjectPageHeader', generation: 'bem', verified: '2026-12-07' },
    { selector: '[class*="ProjectPageHeader"]', generation: 'css-modules-2025', verified: '2026-12-07' },
  ],
  projectLock: [
    { selector: '[class*="ProjectPageHeader-privacyIcon"]', generation: 'css-modules-2025', verified: '2026-12-07' },
    { selector: '.ProjectPageHeader .LockIcon', generation: 'bem', verified: '2026-12-07' },
  ],
  viewer: [
    { selector: '.CommentComposer .AvatarButton[data-user-gid]', generation: 'any', verified: '2026-12-07' },
  ],
  composer: [
    { selector: '.CommentComposer .ProseMirror[contenteditable="true"]', generation: 'any', verified: '2026-12-07' },
  ],
  composerContainer: [
    { selector: '.CommentComposer', generation: 'bem', verified: '2026-12-07' },
  ],
  menuItem: [
    { selector: '[role="menuitem"]', generation: 'any', verified: '2026-12-07' },
  ],
  creationStory: [
    { selector: '.TaskStoryFeed-taskCreationStory', generation: 'bem', verified: '2026-12-07' },
    { selector: '.TaskCreationBlockStory', generation: 'bem', verified: '2026-12-07' },
  ],
  editor: [
    { selector: '.ProseMirror', generation: 'any', verified: '2026-12-07' },
  ],
  button: [
    { selector: 'button', generation: 'any', verified: '2026-11-27' },
    { selector: '[role="button"]', generation: 'any', verified: '2026-12-07' },
  ],
  menu: [
    { selector: '[role="menu"]', generation: 'any', verified: '2026-12-07' },
  ],
  // The viewer's avatar in the topbar, besides the comment composer's.
  topbarViewer: [
    { selector: '.TopbarPageHeaderGlobalActions .AvatarButton[data-user-gid]', generation: 'bem', verified: '2026-12-07' },
  ],
  // The link inside an actor name that wraps it instead of being it.
  link: [
    { selector: 'a[href]', generation: 'any', verified: '2026-12-07' },
  ],
} as const satisfies SelectorTable;

/** Each role's alternatives as one selector list, for the adapter's queries. */
export const selectors = joinTable(selectorTable);
