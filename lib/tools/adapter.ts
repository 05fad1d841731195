import type { PageKind, Place } from './page';
import type { ToolId } from './tool-ids';

/**
 * One object per tool. An adapter only reads the page: no UI, no storage, no messaging.
 * Every method takes the document and URL as arguments (never globals) so that tests can run
 * it on saved pages, and returns a neutral value (`false`, `'other'`, `'unknown'`) on markup it
 * does not recognise instead of throwing.
 */
export interface Adapter {
  readonly id: ToolId;
  readonly name: string;
  /** Match patterns of the tool's SaaS hosts, used for the statically declared content script. */
  readonly matches: readonly string[];
  /** True when the document is a page of this tool, on any origin (self-hosted included). */
  detect(doc: Document): boolean;
  /** The page kind, from the URL and, where the URL is ambiguous, the page. */
  kind(url: URL, doc: Document): PageKind;
  /** Who can see what is posted here. */
  place(url: URL, doc: Document): Place;
}
