import type { CaptureRecord } from './record';

/**
 * A captured page as it travels from the page to the background: the page record once, and of each
 * post only what differs from it. A post record repeats its page's tool, kind, place, container and
 * title and carries its address twice (key and url); on a page of 500 posts that was about half of
 * what the page had to serialise. The background rebuilds the same records (`unpackCapture`).
 */
export type PostCapture = Pick<CaptureRecord, 'key' | 'text' | 'author' | 'mentions' | 'time'>;

export interface CaptureMessage {
  page: CaptureRecord & { type: 'page' };
  posts: PostCapture[];
  visit: boolean;
}

/** Records of one page (as `buildRecords` makes them: the page record and its posts) for the wire. */
export function packCapture(records: readonly CaptureRecord[], visit: boolean): CaptureMessage {
  const page = records.find((record): record is CaptureMessage['page'] => record.type === 'page');
  if (!page) throw new Error('A capture needs its page record');
  const posts = records
    .filter((record) => record.type === 'post')
    .map((post): PostCapture => ({ key: post.key, text: post.text, author: post.author, mentions: post.mentions, time: post.time }));
  return { page, posts, visit };
}

/** A post's record: what is its own, and its page's tool, kind, place, container and title. */
export function postRecord(page: CaptureRecord, post: PostCapture): CaptureRecord {
  return {
    key: post.key,
    type: 'post',
    tool: page.tool,
    kind: page.kind,
    place: page.place,
    container: page.container,
    title: page.title,
    text: post.text,
    author: post.author,
    participants: post.author ? [post.author] : [],
    mentions: post.mentions,
    time: post.time,
    url: post.key,
    pageKey: page.key,
  };
}

/** The records a capture message stands for: its page record, then one record per post. */
export function unpackCapture(message: Pick<CaptureMessage, 'page' | 'posts'>): CaptureRecord[] {
  return [message.page, ...message.posts.map((post) => postRecord(message.page, post))];
}
