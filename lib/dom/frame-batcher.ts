/**
 * Run `work` at most once per animation frame however often `schedule` is called. Hidden tabs get
 * no animation frames, so a timer stands in for them. Whichever of the frame and the timer fires
 * first cancels the other: a stale timer left armed would run a later batch out of turn, and on a
 * page that changes every frame those strays add up to a second batch per frame.
 */
export function createFrameBatcher(work: () => void, signal: AbortSignal): () => void {
  let frame: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    if (frame !== undefined) cancelAnimationFrame(frame);
    clearTimeout(timer);
    frame = undefined;
    timer = undefined;
  };
  const run = () => {
    cancel();
    if (signal.aborted) return;
    work();
  };
  signal.addEventListener('abort', cancel, { once: true });
  return () => {
    if (frame !== undefined || timer !== undefined || signal.aborted) return;
    if (document.visibilityState === 'hidden') timer = setTimeout(run, 50);
    else {
      frame = requestAnimationFrame(run);
      // rAF stalls while a tab turns hidden mid-frame; the timer guarantees the batch still runs.
      timer = setTimeout(run, 250);
    }
  };
}

export interface DocumentWatch {
  /** Ask for a batch at the next frame even without mutations (navigation events). */
  schedule(): void;
  /** Run `work` now; the mutations it makes itself are not reported back as a batch. */
  quietly(work: () => void): void;
}

/**
 * Watch the whole document for added/removed nodes and for attribute changes on the given
 * attribute names, and hand the accumulated records to `onBatch` once per frame. Changes that
 * `onBatch` (or `quietly`) makes itself are dropped, so writing markers never feeds back.
 */
export function observeDocument(
  onBatch: (records: MutationRecord[]) => void,
  options: { attributeFilter: string[] },
  signal: AbortSignal,
): DocumentWatch {
  let queue: MutationRecord[] = [];
  const observer = new MutationObserver((records) => {
    queue.push(...records);
    schedule();
  });
  const observe = () =>
    observer.observe(document.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: options.attributeFilter,
    });
  // Not observing while our own code writes: a record per marker written would cost more than
  // the writing, and would only be thrown away.
  const quietly = (work: () => void) => {
    // The page's own changes not yet delivered still get their batch.
    const pending = observer.takeRecords();
    if (pending.length > 0) {
      queue.push(...pending);
      schedule();
    }
    observer.disconnect();
    try {
      work();
    } finally {
      if (!signal.aborted) observe();
    }
  };
  const schedule = createFrameBatcher(() => {
    const records = queue;
    queue = [];
    quietly(() => onBatch(records));
  }, signal);
  observe();
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  return { schedule, quietly };
}
