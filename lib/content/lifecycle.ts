import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Adapter } from '../tools/adapter';
import { contextGone, UPDATED_NOTICE } from './extension-context';
import { answerLiveRelay } from './live-relay';
import { startPageSession } from './page-session';

/** How often a tab checks that the extension it came from still runs (one property read). */
const CONTEXT_CHECK_MS = 2_000;
/** The quiet notice left where a control of a reloaded Daylight was used stays this long. */
const NOTICE_MS = 8_000;

/** The Daylight element (`data-daylight`, the contract's marker) an event happened in, if any. */
function daylightElement(event: Event): Element | null {
  for (const node of event.composedPath()) if (node instanceof Element && node.hasAttribute('data-daylight')) return node;
  return null;
}

/** A short status beside where the user reached for a control of the Daylight that is gone. */
function tellUpdated(where: DOMRect): void {
  const note = document.createElement('div');
  note.setAttribute('role', 'status');
  note.setAttribute('data-daylight-updated', '');
  note.textContent = UPDATED_NOTICE;
  note.style.cssText = `all: initial; position: fixed; z-index: 2147483646; left: ${Math.max(4, where.left)}px; top: ${Math.max(4, where.bottom + 4)}px;
    font: 12px/1.4 system-ui, sans-serif; color: #1f2430; background: #fff8c5; border: 1px solid #d4a72c; border-radius: 6px; padding: 4px 8px;`;
  document.body.append(note);
  setTimeout(() => note.remove(), NOTICE_MS);
}

/**
 * Daylight's life in a tab, as WXT starts it. Two guards around the page session:
 * - WXT stops an older script when a newer one dispatches `<extension id>:<entrypoint>:wxt:content-script-started`
 *   on the document, an event the page's own scripts can dispatch too. Here an older script gives way only
 *   once its own extension context is gone (the newer one then is the update's), which no page can cause.
 * - After the extension reloads or updates, the tab's script can no longer reach the background: it stops
 *   (removing every Daylight element) as soon as it notices, at the latest when a control is used, and
 *   then says so where it was used instead of answering "Extension context invalidated".
 */
export function startDaylight(adapter: Adapter, ctx: ContentScriptContext): void {
  const verify = ctx.verifyScriptStartedEvent.bind(ctx);
  ctx.verifyScriptStartedEvent = (event) => contextGone() && verify(event);

  const stop = () => {
    if (!ctx.signal.aborted) ctx.notifyInvalidated();
  };
  const timer = setInterval(() => contextGone() && stop(), CONTEXT_CHECK_MS);
  ctx.onInvalidated(() => clearInterval(timer));
  const onUse = (event: Event) => {
    if (!contextGone()) return;
    const control = daylightElement(event);
    const where = control?.getBoundingClientRect();
    stop();
    if (!where) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    tellUpdated(where);
  };
  for (const type of ['pointerdown', 'keydown', 'focusin']) window.addEventListener(type, onUse, { capture: true, signal: ctx.signal });

  answerLiveRelay(adapter.id, window, ctx.signal);
  startPageSession(adapter, ctx);
}
