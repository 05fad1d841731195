import { postRecord } from '../search/capture-wire';
import type { CaptureRecord } from '../search/record';
import { MAX_PAGE_TEXT, MAX_POST_TEXT } from '../search/record-limits';
import { clip } from '../text';
import type { Adapter, MentionReading, PostReading } from './adapter';
import { readableText, textOf } from './dom';
import type { PageKind, Place } from './page';
import type { ToolId } from './tool-ids';

/** The canonical address of a page: no fragment, no tracking parameters. */
export function canonicalUrl(url: URL): string {
  const canonical = new URL(url.href);
  canonical.hash = '';
  for (const key of Array.from(canonical.searchParams, ([name]) => name)) if (/^utm_|^ref$|^source$/.test(key)) canonical.searchParams.delete(key);
  return canonical.href;
}

const unique = (values: Array<string | null>) => [...new Set(values.filter((v): v is string => v !== null))];

export interface PageFacts {
  url: URL;
  tool: ToolId;
  kind: PageKind;
  place: Place;
  title: string;
  container: string;
  /** The opening post's body or the page's main text, when it is not itself one of `posts`. */
  body?: Element | null;
  author?: string | null;
  time?: string | null;
  posts: PostReading[];
  mentions: (root: ParentNode) => MentionReading[];
  /** How the tool's text is read: block by block where it renders blocks without whitespace between them. */
  text: (el: Element | null | undefined, max: number) => string;
}

/** What one post contributes to the records: its text and the handles it mentions. */
export interface PostContent {
  text: string;
  mentions: string[];
}

/** A post's text and mentions, read once for both its own record and the page's. */
export function readPostContent(post: PostReading, facts: Pick<PageFacts, 'mentions' | 'text'>): PostContent {
  return {
    text: facts.text(post.body, MAX_POST_TEXT),
    mentions: unique(post.body ? facts.mentions(post.body).map((m) => m.handle) : []),
  };
}

/**
 * One record for the page and one per post, bounded in size. `contents` are the posts' contents
 * when they were read already (a post at a time, in idle time); they are read now otherwise. A
 * post without contents (one the user has not had on screen) gets no record and adds no words to
 * the page's, though its author still counts among the page's participants.
 */
export function buildRecords(facts: PageFacts, contents: ReadonlyArray<PostContent | undefined> = facts.posts.map((p) => readPostContent(p, facts))): CaptureRecord[] {
  const pageKey = canonicalUrl(facts.url);
  const postTexts = contents.map((c) => c?.text ?? '');
  const bodyText = facts.text(facts.body, MAX_PAGE_TEXT);
  const page: CaptureRecord = {
    key: pageKey,
    type: 'page',
    tool: facts.tool,
    kind: facts.kind,
    place: facts.place,
    container: clip(facts.container, 300),
    title: clip(facts.title, 300),
    text: clip([bodyText, ...postTexts].filter(Boolean).join('\n'), MAX_PAGE_TEXT),
    author: facts.author ?? facts.posts[0]?.author ?? null,
    participants: unique(facts.posts.map((p) => p.author)).slice(0, 500),
    mentions: unique(contents.flatMap((c) => c?.mentions ?? [])).slice(0, 500),
    time: facts.time ?? facts.posts[0]?.time ?? null,
    url: pageKey,
  };
  const posts = facts.posts.flatMap((post, i): CaptureRecord[] => {
    const content = contents[i];
    if (!content) return [];
    const key = post.permalink ?? `${pageKey}#${encodeURIComponent(post.id)}`;
    return [postRecord(page, { key, text: content.text, author: post.author, mentions: content.mentions.slice(0, 500), time: post.time })];
  });
  return [page, ...posts];
}

/** What an adapter reads of a page for its records (`posts` when they were read already; their contents are read separately). */
export function pageFacts(adapter: Adapter, url: URL, doc: Document, place: Place = adapter.place(url, doc).place, posts: PostReading[] = adapter.posts(doc)): PageFacts {
  return {
    url,
    tool: adapter.id,
    kind: adapter.kind(url, doc),
    place,
    title: adapter.title(url, doc),
    container: adapter.container(url, doc),
    posts,
    mentions: adapter.mentions,
    text: adapter.gluedBlocks ? readableText : textOf,
  };
}

/** Searchable records of a page as an adapter reads it: one for the page, one per post. */
export function pageRecords(adapter: Adapter, url: URL, doc: Document, place: Place = adapter.place(url, doc).place): CaptureRecord[] {
  return buildRecords(pageFacts(adapter, url, doc, place));
}
