import { post as send } from '../../content/messages';
import type { IdleQueue } from '../../dom/idle-queue';
import { isThanks } from '../../kudos/classify';
import type { PostReading } from '../../tools/adapter';
import { textOf } from '../../tools/dom';
import type { ContentBatch, PageContext } from '../feature';
import type { PostAddresses } from './thanked-posts';

/** The text of a post that may thank the user, as it is classified and sent. */
const RECEIVED_TEXT = 2000;

/**
 * Posts by others that mention the viewer and thank them, read in idle time and recorded as thanks
 * received. Classified here so that only thanks travel to the background (which checks them
 * again), not every mention.
 */
export class ReceivedThanks {
  /** Posts already read (or being read): a post is reported once per page. */
  private readonly reported = new Set<string>();
  private readonly mentioning: Array<{ postKey: string; permalink: string; handle: string; excerpt: string }> = [];

  constructor(
    private readonly page: PageContext,
    private readonly addresses: PostAddresses,
    private readonly idle: IdleQueue,
    private readonly isViewer: (handle: string) => boolean,
  ) {}

  /** The posts of `batch` whose own body mentions the viewer, from the mentions the annotation read. */
  mentioningViewer(batch: ContentBatch): Set<Element> {
    const { postSelector } = this.page.adapter;
    const found = new Set<Element>();
    let posts: Set<Element> | undefined;
    for (const { element, handle } of batch.mentions) {
      if (!this.isViewer(handle)) continue;
      posts ??= new Set(batch.posts.map((p) => p.element));
      // The nearest enclosing element the adapter reads as a post.
      let post = element.closest(postSelector);
      while (post && !posts.has(post)) post = post.parentElement?.closest(postSelector) ?? null;
      if (post) found.add(post);
    }
    return found;
  }

  /** Read `post`, by someone else and mentioning the viewer, in idle time, unless it was already. */
  check(post: PostReading, key: string): void {
    if (this.reported.has(key) || !post.body) return;
    this.reported.add(key);
    this.idle.add(() => this.read(post, key));
  }

  /** Send what the checks so far found, in idle time after them. */
  reportSoon(): void {
    this.idle.add(() => this.report());
  }

  private read(post: PostReading, key: string): void {
    if (!post.element.isConnected) {
      this.reported.delete(key);
      return;
    }
    const excerpt = textOf(post.body, RECEIVED_TEXT);
    if (isThanks(excerpt)) this.mentioning.push({ postKey: key, permalink: this.addresses.permalinkOf(post), handle: post.author!, excerpt });
  }

  private report(): void {
    if (this.mentioning.length === 0) return;
    const posts = this.mentioning.splice(0);
    void send('thanks-seen', { tool: this.page.adapter.id, origin: this.page.url.origin, place: this.page.place, posts }).catch(() => {
      for (const post of posts) this.reported.delete(post.postKey);
    });
  }
}
