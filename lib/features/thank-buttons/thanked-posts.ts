import { post as send } from '../../content/messages';
import type { IdleQueue } from '../../dom/idle-queue';
import type { PostReading } from '../../tools/adapter';
import type { ThankButton } from '../../ui/thank-button';

/** A ledger entry for a thanked post. */
export interface Thanked {
  id: string;
  at: number;
}

/** A post as the ledger knows it, with the button that shows its state once built. */
export interface LedgerPost {
  key: string;
  button?: ThankButton;
}

/** Where the page's posts are, for the ledger: a post's key and the link a thanks points to. */
export class PostAddresses {
  /** The page's address without its fragment: the permalink of a post that has none of its own. */
  readonly page: string;

  constructor(url: URL) {
    this.page = `${url.origin}${url.pathname}${url.search}`;
  }

  /** The post's key in the ledger: its permalink, or the page's address and the post's id. */
  keyOf(post: PostReading): string {
    return post.permalink ?? `${this.page}#${post.id}`;
  }

  permalinkOf(post: PostReading): string {
    return post.permalink ?? this.page;
  }
}

/**
 * Which posts on the page the user has thanked: told by the ledger for the built buttons (asked in
 * idle time, a few posts at once, never about every post on the page) and by the user's own choices.
 */
export class ThankedPosts {
  private readonly thanked = new Map<string, Thanked>();
  /** Posts whose buttons were just built: their thanked state is asked of the ledger in idle time. */
  private readonly asking: string[] = [];

  constructor(
    private readonly idle: IdleQueue,
    /** The page's posts that have a Thank host, built or not. */
    private readonly posts: () => Iterable<LedgerPost>,
  ) {}

  /** Show on a just-built button whether its post was thanked: at once when known, else once the ledger answers. */
  show(key: string, button: ThankButton): void {
    const done = this.thanked.get(key);
    if (done) button.setThanked(done);
    else {
      if (this.asking.length === 0) this.idle.add(() => this.lookUp(this.asking.splice(0)));
      this.asking.push(key);
    }
  }

  /** The user just thanked the post: the ledger recorded `entry`. */
  record(key: string, entry: Thanked, button: ThankButton): void {
    this.thanked.set(key, entry);
    button.setThanked(entry);
  }

  /** Archive the ledger entry `id`: every button of the post shows it as not thanked. */
  async undo(key: string, id: string): Promise<void> {
    await send('thanks-archive', { id, archived: true }).catch(() => undefined);
    this.thanked.delete(key);
    for (const item of this.posts()) if (item.key === key) item.button?.setThanked(null);
  }

  /** Which of these posts the user thanked already, from the ledger. */
  private lookUp(keys: string[]): void {
    void send('thanks-state', { postKeys: keys }).then(
      (state) => {
        for (const [key, entry] of Object.entries(state.thanked)) this.thanked.set(key, entry);
        for (const item of this.posts()) {
          const done = this.thanked.get(item.key);
          if (done) item.button?.setThanked(done);
        }
      },
      () => undefined, // the background is restarting: the buttons show as not thanked yet
    );
  }
}
