// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { UPDATED_NOTICE } from '@/lib/content/extension-context';
import { startDaylight } from '@/lib/content/lifecycle';
import { post } from '@/lib/content/messages';
import { PAGE_MARKER_NAMES } from '@/lib/page/markers';
import { github } from '@/lib/tools/github/adapter';

let ctx: ContentScriptContext | undefined;
// The fake browser's reset leaves an id set to undefined as it is; later files in the worker need it back.
const extensionId = fakeBrowser.runtime.id;
afterEach(() => {
  fakeBrowser.runtime.id = extensionId;
  ctx?.abort();
  for (const name of PAGE_MARKER_NAMES) document.documentElement.removeAttribute(name);
  document.body.innerHTML = '';
});

/** WXT's replacement event, as any script on the page can dispatch it (its name holds nothing secret). */
function forgedStart(name: string): void {
  const type = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;
  document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: name, messageId: 'forged' } }));
}

describe("Daylight's life in a tab", () => {
  it('does not stop on the replacement event while its extension runs: the page can dispatch it', () => {
    ctx = new ContentScriptContext('github');
    startDaylight(github, ctx);
    forgedStart('github');
    expect(ctx.signal.aborted).toBe(false);
  });

  it('gives way to a newer script once its own extension is gone', () => {
    ctx = new ContentScriptContext('github');
    startDaylight(github, ctx);
    fakeBrowser.runtime.id = undefined as unknown as string; // what an old tab sees after an update
    forgedStart('github');
    expect(ctx.signal.aborted).toBe(true);
  });

  it('after an update, a control used stops Daylight in the tab and says so there, never "context invalidated"', async () => {
    ctx = new ContentScriptContext('github');
    startDaylight(github, ctx);
    const control = document.body.appendChild(document.createElement('button'));
    control.setAttribute('data-daylight', 'thank');
    let reached = false;
    control.addEventListener('pointerdown', () => (reached = true));
    fakeBrowser.runtime.id = undefined as unknown as string;
    control.dispatchEvent(new Event('pointerdown', { bubbles: true, composed: true }));
    expect(ctx.signal.aborted).toBe(true);
    expect(reached).toBe(false); // the dead control's own handler never runs
    expect(document.querySelector('[role="status"][data-daylight-updated]')?.textContent).toBe(UPDATED_NOTICE);
    await expect(post('thanks-state', { postKeys: [] })).rejects.toThrow(UPDATED_NOTICE);
  });
});
