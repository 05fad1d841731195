/**
 * Run `work` at most once per animation frame however often `schedule` is called. Hidden tabs get
 * no animation frames, so a timer stands in for them.
 */
export function createFrameBatcher(work: () => void, signal: AbortSignal): () => void {
  let pending = false;
  const run = () => {
    if (!pending || signal.aborted) return;
    pending = false;
    work();
  };
  return () => {
    if (pending || signal.aborted) return;
    pending = true;
    if (document.visibilityState === 'hidden') setTimeout(run, 50);
    else {
      requestAnimationFrame(run);
      // rAF stalls while a tab turns hidden mid-frame; the timer guarantees the batch still runs.
      setTimeout(run, 250);
    }
  };
}

/**
 * Watch the whole document for added/removed nodes and for attribute changes on the given
 * attribute names, and hand the accumulated records to `onBatch` once per frame.
 */
export function observeDocument(
  onBatch: (records: MutationRecord[]) => void,
  options: { attributeFilter: string[] },
  signal: AbortSignal,
): () => void {
  let queue: MutationRecord[] = [];
  const schedule = createFrameBatcher(() => {
    const records = queue;
    queue = [];
    onBatch(records);
  }, signal);
  const observer = new MutationObserver((records) => {
    queue.push(...records);
    schedule();
  });
  observer.observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: options.attributeFilter,
  });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  return schedule;
}
