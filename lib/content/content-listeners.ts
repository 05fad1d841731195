import type { IdleQueue } from '../dom/idle-queue';
import type { ContentBatch } from '../features/feature';
import type { Adapter } from '../tools/adapter';

export type ContentListener = (batch: ContentBatch) => void;

/** A batch over `roots` whose mentions and posts are read when a listener first asks for them. */
export function readLazily(adapter: Adapter, roots: readonly ParentNode[]): ContentBatch {
  let mentions: ContentBatch['mentions'] | undefined;
  let posts: ContentBatch['posts'] | undefined;
  return {
    roots,
    get mentions() {
      return (mentions ??= roots.flatMap((root) => adapter.mentions(root)));
    },
    get posts() {
      return (posts ??= roots.flatMap((root) => adapter.posts(root)));
    },
  };
}

/**
 * The features' content listeners (PageContext.onContent), handed each batch the page session read.
 * They run `quietly`: what they write (a Thank host per post) is not observed, or it would come back
 * as a batch of its own.
 */
export class ContentListeners {
  private readonly listeners = new Set<ContentListener>();

  constructor(
    private readonly quietly: (work: () => void) => void,
    private readonly idle: IdleQueue,
  ) {}

  /** Call `listener` with every batch until `scope` aborts. */
  readonly add = (listener: ContentListener, scope: AbortSignal): void => {
    this.listeners.add(listener);
    scope.addEventListener('abort', () => this.listeners.delete(listener), { once: true });
  };

  /** Hand `batch` to every listener now. */
  deliver(batch: ContentBatch): void {
    this.quietly(() => {
      for (const listener of this.listeners) listener(batch);
    });
  }

  /**
   * Hand `batch` to each listener in idle time, a listener a job: on a large page the first batch
   * (the whole document) keeps several listeners busy for tens of milliseconds each.
   */
  deliverEach(batch: ContentBatch): void {
    for (const listener of this.listeners) {
      this.idle.add(() => {
        if (this.listeners.has(listener)) this.quietly(() => listener(batch));
      });
    }
  }

  /** Hand `batch` to every listener in idle time right after this frame. */
  deliverSoon(batch: ContentBatch): void {
    this.idle.add(() => this.deliver(batch));
  }
}
