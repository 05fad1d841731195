import { defineContentScript } from 'wxt/utils/define-content-script';
import { startDaylight } from '@/lib/content/lifecycle';
import { gitea } from '@/lib/tools/gitea/adapter';

export default defineContentScript({
  matches: [...gitea.matches],
  runAt: 'document_idle',
  // The page's own message listeners never hear of Daylight; WXT's custom event replaces an old script only
  // once that one's extension is gone (lib/content/lifecycle.ts).
  noScriptStartedPostMessage: true,
  main: (ctx) => startDaylight(gitea, ctx),
});
