import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPageSession } from '@/lib/content/page-session';
import { gitlab } from '@/lib/tools/gitlab/adapter';

export default defineContentScript({
  matches: [...gitlab.matches],
  runAt: 'document_idle',
  // The page's own message listeners never hear of Daylight (WXT's custom event still replaces an old script).
  noScriptStartedPostMessage: true,
  main: (ctx) => startPageSession(gitlab, ctx),
});
