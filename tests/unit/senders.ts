import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { MessageSender } from '@/lib/messaging';

/**
 * Senders as the browser describes them (lib/messaging.ts's MessageSender): WXT's fake browser
 * delivers `runtime.sendMessage` with no sender at all, so tests say who is speaking.
 */
type BrowserSender = Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1];
const id = () => fakeBrowser.runtime.id;
const page = (path: string) => fakeBrowser.runtime.getURL(path);

export const senders = {
  /** Options opened as a tab: Daylight's page is the tab's top frame. */
  optionsTab: (): MessageSender => ({ id: id(), url: page('/options.html'), frameId: 0, tab: { id: 41, url: page('/options.html') } }),
  /** The popup: no tab. */
  popup: (): MessageSender => ({ id: id(), url: page('/popup.html') }),
  /** The content script in a tool tab's top frame. */
  contentScript: (url: string, tabId = 7): MessageSender => ({ id: id(), url, frameId: 0, tab: { id: tabId, url, incognito: false } }),
  /** Daylight's options page framed by a web page (clickjacking): not Daylight speaking. */
  framedOptions: (): MessageSender => ({ id: id(), url: page('/options.html'), frameId: 3, tab: { id: 7, url: 'https://evil.example/' } }),
  /** Another extension's page. */
  otherExtension: (): MessageSender => ({ id: 'another-extension', url: 'chrome-extension://another-extension/page.html' }),
  /** A data: frame inside a tab. */
  dataFrame: (): MessageSender => ({ id: id(), url: 'data:text/html,<p>hi</p>', frameId: 2, tab: { id: 7, url: 'https://github.com/acme/api' } }),
  /** No sender at all. */
  nobody: (): MessageSender => ({}),
};

/** Send a Daylight envelope to the background's listeners as coming from `sender`; its answer. */
export async function sendAs(sender: MessageSender, type: string, payload: unknown): Promise<{ ok: boolean; data?: unknown; error?: string }> {
  const answers = (await fakeBrowser.runtime.onMessage.trigger({ daylight: 1, type, payload }, sender as BrowserSender)) as unknown[];
  const answer = answers.find((a) => a !== undefined);
  if (answer === undefined) throw new Error(`Nothing answered "${type}"`);
  return answer as { ok: boolean; data?: unknown; error?: string };
}

/** From now on in this test, `browser.runtime.sendMessage` reaches the listeners as coming from `sender`. */
export function speakAs(sender: MessageSender) {
  return vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
    const answers = (await fakeBrowser.runtime.onMessage.trigger(message, sender as BrowserSender)) as unknown[];
    return answers.find((a) => a !== undefined);
  });
}
