import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPageSession } from '@/lib/content/page-session';
import { asana } from '@/lib/tools/asana/adapter';

export default defineContentScript({
  matches: [...asana.matches],
  runAt: 'document_idle',
  main: (ctx) => startPageSession(asana, ctx.signal),
});
