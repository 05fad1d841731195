import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPageSession } from '@/lib/content/page-session';
import { mattermost } from '@/lib/tools/mattermost/adapter';

export default defineContentScript({
  matches: [...mattermost.matches],
  runAt: 'document_idle',
  main: (ctx) => startPageSession(mattermost, ctx.signal),
});
