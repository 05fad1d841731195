import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPageSession } from '@/lib/content/page-session';
import { github } from '@/lib/tools/github/adapter';

export default defineContentScript({
  matches: [...github.matches],
  runAt: 'document_idle',
  main: (ctx) => startPageSession(github, ctx.signal),
});
