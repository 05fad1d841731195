/** A slice of idle work stops after this long, so work that can wait never makes a long task. */
export const IDLE_SLICE_MS = 4;
/** Idle work still runs this soon on a page that is never idle (a busy channel). */
export const IDLE_TIMEOUT_MS = 1000;

type IdleCallback = (deadline?: IdleDeadline) => void;
const requestIdle: (callback: IdleCallback) => void =
  typeof requestIdleCallback === 'function' ? (callback) => requestIdleCallback(callback, { timeout: IDLE_TIMEOUT_MS }) : (callback) => setTimeout(callback, 1);

/**
 * Small jobs that can wait (reading posts for search, asking the ledger, classifying thanks) run
 * first in, first out, in idle time, a few milliseconds per slice, until `signal` aborts. Each job
 * should be small (one post): a slice always runs at least one.
 */
export class IdleQueue {
  private jobs: Array<() => void> = [];
  private scheduled = false;

  constructor(private readonly signal: AbortSignal) {
    signal.addEventListener('abort', () => (this.jobs = []), { once: true });
  }

  add(job: () => void): void {
    if (this.signal.aborted) return;
    this.jobs.push(job);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    requestIdle(this.run);
  }

  private readonly run = (deadline?: IdleDeadline) => {
    this.scheduled = false;
    const end = performance.now() + IDLE_SLICE_MS;
    // A timed-out callback has no idle time left, but runs its slice anyway: the work must progress.
    const idle = () => deadline === undefined || deadline.didTimeout || deadline.timeRemaining() > 0;
    do {
      const job = this.jobs.shift();
      if (!job) break;
      try {
        job();
      } catch (error) {
        // One failing job must not strand the others: rethrown on its own, where the console shows it.
        queueMicrotask(() => {
          throw error;
        });
      }
    } while (this.jobs.length > 0 && performance.now() < end && idle());
    if (this.jobs.length > 0 && !this.signal.aborted) this.schedule();
  };
}
