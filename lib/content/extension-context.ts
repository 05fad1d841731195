import { browser } from 'wxt/browser';

/** What a tab says once the Daylight it was started by is gone (never the browser's "Extension context invalidated"). */
export const UPDATED_NOTICE = 'Daylight was updated. Reload the page to use it here.';

/** Whether this script's extension context is gone: the extension reloaded, updated or was removed. No page can cause it. */
export function contextGone(): boolean {
  return browser.runtime?.id == null;
}
