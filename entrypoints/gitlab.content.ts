import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPageSession } from '@/lib/content/page-session';
import { gitlab } from '@/lib/tools/gitlab/adapter';

export default defineContentScript({
  matches: [...gitlab.matches],
  runAt: 'document_idle',
  main: (ctx) => startPageSession(gitlab, ctx.signal),
});
