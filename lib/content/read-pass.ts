import type { ContentBatch } from '../features/feature';
import { clearPageMarkers, PAGE_MARKERS, writePageMarkers } from '../page/markers';
import type { Adapter } from '../tools/adapter';
import { onPatternHost } from '../tools/url';
import { CONTENT_MARKER_NAMES, readAndAnnotate, type Annotation } from './annotate';
import { readLazily } from './content-listeners';
import type { ReadPage } from './feature-starter';
import type { HostFightGuard } from './host-fight';
import { largeDocumentSubtrees, SlicedDocumentPass } from './document-slices';
import { changedRoots } from './mutation-roots';
import { resolvePlace, type ApiCache, type ResolvedPlace } from './place-resolver';

/** What one pass read: nothing to answer, a page that is not the tool, or the page and what changed on it. */
export type Pass =
  | { detected: false }
  | {
      detected: true;
      page: ReadPage;
      /** The URL changed since the last pass (or this is the first): the whole document was read. */
      navigated: boolean;
      /** What was read and marked, when anything was. */
      batch?: ContentBatch;
    }
  /** The page is the tool's, and a large document is being read a slice per frame: another frame is due. */
  | { detected: true; reading: true };

/**
 * One pass over the page, once per animation frame: whether it is the tool, its page markers (kind
 * and place), and the content markers of the subtrees that changed (the whole document after a
 * navigation).
 */
export class ReadPass {
  /** Who can see the place, as last resolved. */
  resolved: ResolvedPlace = { place: 'unknown' };
  private lastUrl: string | undefined;
  /** The last pass over the whole document, until anything changes after it. */
  private wholeDocument: ContentBatch | undefined;
  private writtenPageMarkers: string | undefined;
  /** A pass over a large document still being read, and whether it started with a navigation. */
  private sliced: { pass: SlicedDocumentPass; navigated: boolean } | undefined;
  /** On the tool's SaaS hosts the host says which tool this is; elsewhere the DOM must say so. */
  private readonly trustHost: boolean;

  constructor(
    private readonly adapter: Adapter,
    private readonly win: Window,
    private readonly fights: HostFightGuard,
    private readonly api: ApiCache,
    /** A same-origin API answered about the place: the page is worth another pass. */
    private readonly onPlaceAnswer: () => void,
  ) {
    this.trustHost = onPatternHost(adapter.matches, new URL(win.location.href));
  }

  /** The whole document as the last pass read it, when nothing changed since; else read when asked. */
  whole(): ContentBatch {
    return this.wholeDocument ?? readLazily(this.adapter, [this.win.document]);
  }

  /** The page as it is now, once a pass marked it as the tool's. */
  page(): ReadPage | undefined {
    const { adapter, win } = this;
    if (this.lastUrl === undefined || !win.document.documentElement.hasAttribute(PAGE_MARKERS.tool)) return undefined;
    const url = new URL(win.location.href);
    return { url, kind: adapter.kind(url, win.document), resolved: this.resolved };
  }

  /** Read what `batchRecords` changed (the whole document when null or after a navigation); null when there is nothing to answer. */
  run(batchRecords: readonly MutationRecord[] | null): Pass | null {
    const { adapter, win } = this;
    const doc = win.document;
    const root = doc.documentElement;
    // A batch made only of the page taking back, again, what Daylight wrote is not answered.
    const records = batchRecords === null ? null : this.fights.filter(batchRecords);
    if (batchRecords !== null && batchRecords.length > 0 && records!.length === 0 && win.location.href === this.lastUrl) return null;
    if (!this.trustHost && !adapter.detect(doc)) {
      // Another tool's script on the same host (self-hosted tools on one hostname, other ports) may own them.
      if (root.getAttribute(PAGE_MARKERS.tool) === adapter.id) clearPageMarkers(root);
      return { detected: false };
    }
    const url = new URL(win.location.href);
    const kind = adapter.kind(url, doc);
    this.resolved = resolvePlace(adapter.place(url, doc), this.api, this.onPlaceAnswer);
    // A page that keeps removing the page markers gets them again only when they change.
    const pageMarkers = `${adapter.id} ${kind} ${this.resolved.place}`;
    if (!this.fights.leftAlone(root) || pageMarkers !== this.writtenPageMarkers) writePageMarkers(root, { tool: adapter.id, kind, place: this.resolved.place });
    this.writtenPageMarkers = pageMarkers;

    const firstPass = this.lastUrl === undefined;
    const navigated = this.lastUrl !== url.href;
    this.lastUrl = url.href;
    const roots = navigated || records === null ? 'document' : changedRoots(records, adapter.postSelector, CONTENT_MARKER_NAMES);
    let batch: ContentBatch | undefined;
    if (roots === 'document') {
      const subtrees = largeDocumentSubtrees(doc, adapter.postSelector);
      this.sliced = subtrees === null ? undefined : { pass: new SlicedDocumentPass(adapter, subtrees), navigated: navigated || this.sliced?.navigated === true };
      if (subtrees === null) {
        batch = { roots: [doc], ...readAndAnnotate(adapter, doc, { unmarked: firstPass }) };
        this.wholeDocument = batch;
      }
    } else if (roots.length > 0) {
      const read: Annotation = { mentions: [], posts: [] };
      for (const subtree of roots) {
        const { mentions, posts } = readAndAnnotate(adapter, subtree);
        read.mentions.push(...mentions);
        read.posts.push(...posts);
      }
      batch = { roots, ...read };
      this.wholeDocument = undefined;
    }
    const page = { url, kind, resolved: this.resolved };
    const sliced = this.sliced;
    if (sliced === undefined) return { detected: true, page, navigated, batch };
    // What changed meanwhile joins the document's batch, which comes whole, at its end.
    if (batch && batch.roots[0] !== doc) sliced.pass.add(batch);
    if (!sliced.pass.slice()) return { detected: true, reading: true };
    this.sliced = undefined;
    const whole: ContentBatch = { roots: [doc], ...sliced.pass.current() };
    this.wholeDocument = whole;
    return { detected: true, page, navigated: sliced.navigated, batch: whole };
  }
}
