/** How many of the watched elements are observed at once, around the ones in view. */
export const OBSERVED_WINDOW = 48;

/** The elements of `sorted` (in document order) whose boxes start at or below `top`: the first one's index. */
function firstReaching(sorted: readonly Element[], top: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]!.getBoundingClientRect().bottom < top) low = middle + 1;
    else high = middle;
  }
  return low;
}

const inDocumentOrder = (a: Element, b: Element) => (a === b ? 0 : a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1);

/**
 * Says once of each watched element when it comes within `margin` of the viewport (as an
 * IntersectionObserver rootMargin: '50% 0px' is half a screen above and below). Only a window of
 * OBSERVED_WINDOW elements around the ones in view is observed at a time: the browser computes
 * every observed element's intersection in every frame of a scroll, and on a 5,000-post thread
 * observing each post cost 20 ms a frame. Where the window is is found by a binary search over the
 * watched elements in document order, done where layout is already current (in the observer's
 * callback, and when a scroll ends, for a jump past the whole window).
 */
export class NearViewport {
  /** Watched elements not yet reported, in document order once `sorted`. */
  private pending: Element[] = [];
  /** The same, as a set; an element unwatched leaves it at once and `pending` at the next placing. */
  private readonly watching = new Set<Element>();
  private sorted = true;
  private readonly observed = new Set<Element>();
  private readonly observer: IntersectionObserver;
  private readonly marginFraction: number;
  private refreshQueued = false;

  constructor(
    private readonly win: Window,
    /** The elements that came near, in one call per callback. */
    private readonly onNear: (elements: Element[]) => void,
    margin: { verticalPercent: number },
    signal: AbortSignal,
  ) {
    this.marginFraction = margin.verticalPercent / 100;
    this.observer = new IntersectionObserver((entries) => this.onEntries(entries), { rootMargin: `${margin.verticalPercent}% 0px` });
    // A jump past the whole window (a permalink, Home, a scrollbar drag) shows in no observed
    // element: where a scroll ends, in the page or in any of its scrolling lists, the window is placed again.
    win.document.addEventListener('scrollend', () => this.placeWindow(true), { capture: true, passive: true, signal });
    signal.addEventListener(
      'abort',
      () => {
        this.observer.disconnect();
        this.pending = [];
        this.watching.clear();
        this.observed.clear();
      },
      { once: true },
    );
  }

  /** Report `element` when it comes near the viewport (at once, in a callback, if it is near now). */
  watch(element: Element): void {
    if (this.watching.has(element)) return;
    this.watching.add(element);
    const last = this.pending[this.pending.length - 1];
    if (last !== undefined && this.sorted && inDocumentOrder(last, element) > 0) this.sorted = false;
    this.pending.push(element);
    this.refreshSoon();
  }

  /** Stop watching `element`. */
  unwatch(element: Element): void {
    if (this.observed.delete(element)) this.observer.unobserve(element);
    this.watching.delete(element);
  }

  /** The observed window is placed after the current task: a batch of watches places it once. */
  private refreshSoon(): void {
    if (this.refreshQueued) return;
    this.refreshQueued = true;
    queueMicrotask(() => {
      this.refreshQueued = false;
      this.placeWindow(false);
    });
  }

  private onEntries(entries: readonly IntersectionObserverEntry[]): void {
    const near: Element[] = [];
    let left = false;
    for (const entry of entries) {
      if (!this.observed.has(entry.target)) continue;
      if (!entry.isIntersecting) {
        left = true;
        continue;
      }
      this.observed.delete(entry.target);
      this.observer.unobserve(entry.target);
      this.watching.delete(entry.target);
      near.push(entry.target);
    }
    if (near.length > 0) this.onNear(near);
    // What was near was reported, or the view moved off the window: observe around the view again.
    if (near.length > 0 || left) this.placeWindow(true);
  }

  /**
   * Observe the window of pending elements around the view. Measuring (`measure`) reads layout, so
   * it happens only where layout is current; otherwise the window grows from where it was.
   */
  private placeWindow(measure: boolean): void {
    const kept = new Set<Element>();
    this.pending = this.pending.filter((element) => {
      if (kept.has(element) || !this.watching.has(element)) return false;
      // An element that left the page is forgotten: watched again, it is a new one.
      if (!element.isConnected) {
        this.watching.delete(element);
        return false;
      }
      kept.add(element);
      return true;
    });
    if (!this.sorted) {
      this.pending.sort(inDocumentOrder);
      this.sorted = true;
    }
    const { pending } = this;
    let start = 0;
    if (measure && pending.length > OBSERVED_WINDOW) {
      const reach = this.win.innerHeight * this.marginFraction;
      start = Math.max(0, firstReaching(pending, -reach) - OBSERVED_WINDOW / 4);
    } else if (!measure) {
      const firstObserved = pending.findIndex((element) => this.observed.has(element));
      start = firstObserved < 0 ? 0 : firstObserved;
    }
    const window = new Set(pending.slice(start, start + OBSERVED_WINDOW));
    for (const element of this.observed) {
      if (window.has(element)) continue;
      this.observed.delete(element);
      this.observer.unobserve(element);
    }
    for (const element of window) {
      if (this.observed.has(element)) continue;
      this.observed.add(element);
      this.observer.observe(element);
    }
  }
}
