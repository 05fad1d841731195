/**
 * Asana web app selectors, by role (the pages they are checked on are in tests/fixtures/asana/; its README.md says where each came from). Asana is
 * closed source and moving to hashed CSS-module names: BEM-like `Component-element` classes are
 * matched by prefix where they have started to change, and everything here degrades to "unknown".
 */
export const selectors = {
  app: '#asana_main_page, #asana_full_page, .TaskPane, .TaskStoryFeed',
  taskPane: '.TaskPane',
  markComplete: '[role="button"][aria-label="Mark complete"], .MarkCompleteButton',
  taskTitle: 'textarea[aria-label="Task Name"], textarea.TaskName-input',
  description: '#TaskDescription',
  descriptionBody: '#TaskDescription .ProseMirror',
  creationActor: '.TaskStoryFeed-taskCreationStory .BlockStory-actorName, .TaskCreationBlockStory .BlockStory-actorName',
  story: '.FeedBlockStory[data-testid="FeedBlockStory"], .TaskStoryFeed-blockStory',
  storyBody: '.BlockStoryStructure-body',
  storyText: '.BlockStoryStructure-body .RichText3',
  storyActor: '.BlockStory-actorName',
  storyTimestamp: '.BlockStory-timestamp',
  mention: 'a[data-asana-type="user"][data-asana-gid], a[href*="/profile/"], a[href^="https://app.asana.com/0/"][href$="/list"]',
  projectPill: '.TaskProjectTokenPill-name',
  privacyBanner: '[class*="PrivacyBanner"], .TaskPaneBanner',
  projectTitle: 'input[class*="PageHeaderEditableTitle"]',
  projectHeader: '.ProjectPageHeader, [class*="ProjectPageHeader"]',
  projectLock: '[class*="ProjectPageHeader-privacyIcon"], .ProjectPageHeader .LockIcon',
  viewer: '.CommentComposer .AvatarButton[data-user-gid], .AvatarButton[data-user-gid]',
  composer: '.CommentComposer .ProseMirror[contenteditable="true"]',
  composerContainer: '.CommentComposer',
  menuItem: '[role="menuitem"]',
} as const;
