import type { Adapter } from '../tools/adapter';
import { queryAllWithin } from '../tools/dom';

/** Contract markers on content (contract.md section 2). */
export const CONTENT_MARKERS = {
  handle: 'data-daylight-handle',
  post: 'data-daylight-post',
  author: 'data-daylight-author',
} as const;
export const CONTENT_MARKER_NAMES: string[] = Object.values(CONTENT_MARKERS);

function setMarker(el: Element, name: string, value: string | null): void {
  if (value === null) {
    if (el.hasAttribute(name)) el.removeAttribute(name);
  } else if (el.getAttribute(name) !== value) {
    el.setAttribute(name, value);
  }
}

/** Remove a marker from elements under `root` that no longer qualify (recycled list rows). */
function clearStale(root: ParentNode, name: string, keep: ReadonlySet<Element>): void {
  for (const el of queryAllWithin(root, `[${name}]`)) if (!keep.has(el)) el.removeAttribute(name);
}

export interface AnnotationCounts {
  mentions: number;
  posts: number;
}

/**
 * Mark the person mentions and posts under `root` with the contract's attributes. Idempotent:
 * only attributes whose value differs are written, and markers left on nodes that a virtualised
 * list recycled for other content are removed.
 */
export function annotate(adapter: Adapter, root: ParentNode): AnnotationCounts {
  const mentions = adapter.mentions(root);
  for (const { element, handle } of mentions) setMarker(element, CONTENT_MARKERS.handle, handle);
  clearStale(root, CONTENT_MARKERS.handle, new Set(mentions.map((m) => m.element)));

  const posts = adapter.posts(root);
  for (const { element, id, author } of posts) {
    setMarker(element, CONTENT_MARKERS.post, id);
    setMarker(element, CONTENT_MARKERS.author, author);
  }
  const postElements = new Set(posts.map((p) => p.element));
  clearStale(root, CONTENT_MARKERS.post, postElements);
  clearStale(root, CONTENT_MARKERS.author, postElements);
  return { mentions: mentions.length, posts: posts.length };
}
