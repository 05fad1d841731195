import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPageSession } from '@/lib/content/page-session';
import { slack } from '@/lib/tools/slack/adapter';

export default defineContentScript({
  matches: [...slack.matches],
  runAt: 'document_idle',
  // The page's own message listeners never hear of Daylight (WXT's custom event still replaces an old script).
  noScriptStartedPostMessage: true,
  main: (ctx) => startPageSession(slack, ctx),
});
