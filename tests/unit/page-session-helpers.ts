import { afterEach } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PAGE_MARKER_NAMES, PAGE_MARKERS } from '@/lib/page/markers';

/** The page markers on `<html>` as a test reads them. */
export const markers = () => ({
  tool: document.documentElement.getAttribute(PAGE_MARKERS.tool),
  kind: document.documentElement.getAttribute(PAGE_MARKERS.kind),
  place: document.documentElement.getAttribute(PAGE_MARKERS.place),
});

/** One page session per test, on a real WXT content script context, stopped and its page cleaned up afterwards. */
export function sessionScope(): { context(): ContentScriptContext; stop(): void } {
  let ctx: ContentScriptContext | undefined;
  afterEach(() => {
    ctx?.abort();
    for (const name of PAGE_MARKER_NAMES) document.documentElement.removeAttribute(name);
    document.body.innerHTML = '';
    document.head.innerHTML = '';
    history.replaceState(null, '', '/');
  });
  return {
    context: () => {
      ctx = new ContentScriptContext('daylight-test');
      return ctx;
    },
    /** Invalidate the session now, as an extension reload would. */
    stop: () => ctx?.abort(),
  };
}
