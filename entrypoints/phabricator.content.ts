import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPageSession } from '@/lib/content/page-session';
import { phabricator } from '@/lib/tools/phabricator/adapter';

export default defineContentScript({
  matches: [...phabricator.matches],
  runAt: 'document_idle',
  main: (ctx) => startPageSession(phabricator, ctx.signal),
});
