import { loadSettings } from '../settings';
import type { ClassifiedSender, Request } from '../messaging';
import { MAX_REFUSALS, refusalsItem, type Refusal } from '../refused-messages';
import type { CaptureRecord } from '../search/record';
import { belongsToTab, type SelfHostedOrigins } from '../tools/links';
import type { ToolId } from '../tools/tool-ids';

/** Thrown for a message naming a site other than its tab's; its message is the answer's reason. */
export class OutOfBounds extends Error {
  override name = 'OutOfBounds';
}

function check(tool: ToolId, tab: URL, what: string, href: string, selfHosted: SelfHostedOrigins): void {
  if (!belongsToTab(tool, tab, href, selfHosted)) throw new OutOfBounds(`${what} ${JSON.stringify(href.slice(0, 200))} is not on this tab's ${tool} site (${tab.origin})`);
}

/**
 * What a content script says is bounded by where it is: the records it captures, the origin it
 * reports and the permalinks it thanks are on its own tab's tool site (lib/tools/links.ts). The
 * background checks before storing anything, and a refusal stores nothing of the message.
 */
export const bounds = {
  capture(records: readonly CaptureRecord[], tab: URL, selfHosted: SelfHostedOrigins): void {
    const tool = records[0]?.tool;
    if (tool === undefined) return;
    for (const record of records) {
      if (record.tool !== tool) throw new OutOfBounds(`a capture mixes ${tool} and ${record.tool} records`);
      check(tool, tab, 'the record', record.key, selfHosted);
      check(tool, tab, 'the record link', record.url, selfHosted);
      if (record.pageKey !== undefined) check(tool, tab, 'the record page', record.pageKey, selfHosted);
    }
  },
  origin(tool: ToolId, origin: string, tab: URL, selfHosted: SelfHostedOrigins): void {
    if (origin !== tab.origin) throw new OutOfBounds(`the origin ${JSON.stringify(origin.slice(0, 200))} is not this tab's (${tab.origin})`);
    check(tool, tab, 'the origin', `${origin}/`, selfHosted);
  },
  thanks(request: Pick<Request<'thanks-seen'>, 'tool' | 'origin' | 'posts'>, tab: URL, selfHosted: SelfHostedOrigins): void {
    bounds.origin(request.tool, request.origin, tab, selfHosted);
    for (const post of request.posts) check(request.tool, tab, 'the permalink', post.permalink, selfHosted);
  },
  /** A page a content script names (a feature error's, a private place's): its own tab's. */
  page(tool: ToolId, href: string, tab: URL, selfHosted: SelfHostedOrigins): void {
    check(tool, tab, 'the page', href, selfHosted);
  },
  /** A ledger entry a tab undoes or restores: one given or seen on that tab's own tool site. */
  ledgerEntry(entry: { tool: ToolId; permalink: string }, tab: URL, selfHosted: SelfHostedOrigins): void {
    check(entry.tool, tab, 'the thanks', entry.permalink, selfHosted);
  },
};

/** Run `store` only when `checked` passes; a refusal is kept for Diagnostics and answered with its reason. */
export async function withinBounds<T>(
  type: string,
  tool: ToolId,
  sender: ClassifiedSender,
  checked: (tab: URL, selfHosted: SelfHostedOrigins) => void,
  store: () => Promise<T>,
): Promise<T> {
  if (sender.kind === 'content') {
    try {
      checked(sender.url, (await loadSettings()).effective.selfHosted);
    } catch (error) {
      if (!(error instanceof OutOfBounds)) throw error;
      const item = refusalsItem();
      const refusal: Refusal = { at: Date.now(), type, tool, page: sender.url.origin + sender.url.pathname, reason: error.message };
      await item.setValue([refusal, ...(await item.getValue())].slice(0, MAX_REFUSALS));
      throw new Error(`Refused "${type}": ${error.message}.`);
    }
  }
  return store();
}
