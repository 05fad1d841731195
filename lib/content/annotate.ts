import type { Adapter, MentionReading, PostReading } from '../tools/adapter';
import { queryAllWithin } from '../tools/dom';

/** Contract markers on content (docs/contract.md section 2). */
export const CONTENT_MARKERS = {
  handle: 'data-daylight-handle',
  post: 'data-daylight-post',
  author: 'data-daylight-author',
} as const;
export const CONTENT_MARKER_NAMES: string[] = Object.values(CONTENT_MARKERS);

function setMarker(el: Element, name: string, value: string | null, unmarked = false): void {
  if (unmarked) {
    // Nothing is marked yet: no need to read before writing.
    if (value !== null) el.setAttribute(name, value);
    return;
  }
  if (value === null) {
    if (el.hasAttribute(name)) el.removeAttribute(name);
  } else if (el.getAttribute(name) !== value) {
    el.setAttribute(name, value);
  }
}

/** Remove a marker from elements that carried it before this pass and no longer qualify (recycled list rows). */
function clearStale(marked: readonly Element[], name: string, keep: ReadonlySet<Element>): void {
  for (const el of marked) if (!keep.has(el)) el.removeAttribute(name);
}

export interface AnnotationCounts {
  mentions: number;
  posts: number;
}

/** What one annotation pass read: features reuse it instead of reading the page again. */
export interface Annotation {
  mentions: MentionReading[];
  posts: PostReading[];
}

/**
 * Mark the person mentions and posts under `root` with the contract's attributes. Idempotent:
 * only attributes whose value differs are written, and markers left on nodes that a virtualised
 * list recycled for other content are removed.
 */
export function annotate(adapter: Adapter, root: ParentNode, options: { unmarked?: boolean } = {}): AnnotationCounts {
  const { mentions, posts } = readAndAnnotate(adapter, root, options);
  return { mentions: mentions.length, posts: posts.length };
}

/** `annotate`, returning the mentions and posts it read. */
export function readAndAnnotate(adapter: Adapter, root: ParentNode, options: { unmarked?: boolean } = {}): Annotation {
  // What carried a marker before this pass, to clear the ones that no longer qualify; a page
  // Daylight has not marked yet (`unmarked`) has none, and looking would cost two full scans.
  const markedMentions = options.unmarked === true ? [] : queryAllWithin(root, `[${CONTENT_MARKERS.handle}]`);
  const markedPosts = options.unmarked === true ? [] : queryAllWithin(root, `[${CONTENT_MARKERS.post}], [${CONTENT_MARKERS.author}]`);

  const mentions = adapter.mentions(root);
  const unmarked = options.unmarked === true;
  for (const { element, handle } of mentions) setMarker(element, CONTENT_MARKERS.handle, handle, unmarked);
  if (markedMentions.length > 0) clearStale(markedMentions, CONTENT_MARKERS.handle, new Set(mentions.map((m) => m.element)));

  const posts = adapter.posts(root);
  for (const { element, id, author } of posts) {
    setMarker(element, CONTENT_MARKERS.post, id, unmarked);
    setMarker(element, CONTENT_MARKERS.author, author, unmarked);
  }
  if (markedPosts.length > 0) {
    const postElements = new Set(posts.map((p) => p.element));
    clearStale(markedPosts, CONTENT_MARKERS.post, postElements);
    clearStale(markedPosts, CONTENT_MARKERS.author, postElements);
  }
  return { mentions, posts };
}

/** The mentions under `root` as the last annotation marked them: no need to read the page again. */
export function markedMentions(root: ParentNode): MentionReading[] {
  return queryAllWithin(root, `[${CONTENT_MARKERS.handle}]`).map((element) => ({ element, handle: element.getAttribute(CONTENT_MARKERS.handle)! }));
}
