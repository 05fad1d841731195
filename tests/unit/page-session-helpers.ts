import { afterEach } from 'vitest';
import { PAGE_MARKER_NAMES, PAGE_MARKERS } from '@/lib/page/markers';

/** The page markers on `<html>` as a test reads them. */
export const markers = () => ({
  tool: document.documentElement.getAttribute(PAGE_MARKERS.tool),
  kind: document.documentElement.getAttribute(PAGE_MARKERS.kind),
  place: document.documentElement.getAttribute(PAGE_MARKERS.place),
});

/** One page session per test, stopped and its page cleaned up afterwards. */
export function sessionScope(): { signal(): AbortSignal; stop(): void } {
  let controller = new AbortController();
  afterEach(() => {
    controller.abort();
    for (const name of PAGE_MARKER_NAMES) document.documentElement.removeAttribute(name);
    document.body.innerHTML = '';
    document.head.innerHTML = '';
    history.replaceState(null, '', '/');
  });
  return {
    signal: () => {
      controller = new AbortController();
      return controller.signal;
    },
    /** Invalidate the session now, as an extension reload would. */
    stop: () => controller.abort(),
  };
}
