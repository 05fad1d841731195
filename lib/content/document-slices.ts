import type { Adapter, MentionReading, PostReading } from '../tools/adapter';
import { readAndAnnotate, type Annotation } from './annotate';

/** A document with more posts than this is read in slices, over several frames. */
export const POSTS_READ_AT_ONCE = 1000;
/** A slice of a document pass stops after this long: with the frame's own work, no task passes 50 ms. */
export const SLICE_MS = 8;

/**
 * The document split into subtrees that together hold every post and every mention: each post
 * whole (never a part of one), and the subtrees between posts that hold none. Only the ancestors
 * of posts are left out, and they are neither posts nor mentions (a mention never holds a post).
 * In document order, so chat follow-on messages still find the run's author above them. Null for
 * a document with few posts: one pass over it is short, and cheaper than slices.
 */
export function largeDocumentSubtrees(doc: Document, postSelector: string, atOnce = POSTS_READ_AT_ONCE): Element[] | null {
  const posts = doc.querySelectorAll(postSelector);
  if (posts.length <= atOnce) return null;
  const isPost = new Set<Element>(posts);
  // One walk up from each post, stopping where another post's walk went: no selector per element.
  const holdsPosts = new Set<Element>();
  for (const post of posts) {
    for (let parent = post.parentElement; parent && !holdsPosts.has(parent); parent = parent.parentElement) holdsPosts.add(parent);
  }
  const subtrees: Element[] = [];
  const split = (element: Element) => {
    if (isPost.has(element) || !holdsPosts.has(element)) {
      subtrees.push(element);
      return;
    }
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) split(child);
  };
  split(doc.documentElement);
  return subtrees;
}

/**
 * One pass over a large document, a slice at a time: the subtrees (`documentSubtrees`) are read
 * and marked in order until the slice's time is up, and what was read accumulates until the last.
 */
export class SlicedDocumentPass {
  private readonly read: Annotation = { mentions: [], posts: [] };
  private next = 0;

  constructor(
    private readonly adapter: Adapter,
    private readonly subtrees: readonly Element[],
  ) {}

  get done(): boolean {
    return this.next >= this.subtrees.length;
  }

  /** Read subtrees for up to SLICE_MS (at least one); whether the whole document is read. */
  slice(): boolean {
    const end = performance.now() + SLICE_MS;
    do {
      const subtree = this.subtrees[this.next++]!;
      // A subtree the page removed meanwhile holds nothing to mark; its replacement came as a change.
      if (!subtree.isConnected) continue;
      const { mentions, posts } = readAndAnnotate(this.adapter, subtree);
      for (const mention of mentions) this.read.mentions.push(mention);
      for (const post of posts) this.read.posts.push(post);
    } while (!this.done && performance.now() < end);
    return this.done;
  }

  /** What a change read meanwhile (a subtree read again): it replaces what was read of the same elements. */
  add(changed: { readonly mentions: readonly MentionReading[]; readonly posts: readonly PostReading[] }): void {
    for (const mention of changed.mentions) this.read.mentions.push(mention);
    for (const post of changed.posts) this.read.posts.push(post);
  }

  /** What was read, the latest reading of each element still on the page. */
  current(): Annotation {
    return { mentions: latestConnected(this.read.mentions), posts: latestConnected(this.read.posts) };
  }
}

/** One reading per element, the last one, of the elements still on the page; in the order first read. */
function latestConnected<T extends { element: Element }>(readings: readonly T[]): T[] {
  const byElement = new Map<Element, T>();
  for (const reading of readings) if (reading.element.isConnected) byElement.set(reading.element, reading);
  return [...byElement.values()];
}
