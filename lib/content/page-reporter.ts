import type { IdleQueue } from '../dom/idle-queue';
import type { FeatureFailure } from '../features/runner';
import type { Adapter } from '../tools/adapter';
import type { Place } from '../tools/page';
import { post } from './messages';
import { matchSelectorsWhenIdle } from './selector-report';

/** The page has settled this long after a navigation when its selectors are counted. */
const REPORT_DELAY_MS = 1500;

/** Tell the background what failed on this page (a feature, or the page session itself). */
export function reportFailure(adapter: Adapter, win: Window, failure: FeatureFailure): void {
  post('feature-error', { ...failure, tool: adapter.id, url: win.location.origin + win.location.pathname }).catch(
    () => undefined, // the background is restarting; the failure is still listed in the popup
  );
}

/**
 * What Options shows about each visited page (Tools, Diagnostics): whether it looked like the tool,
 * and which selectors matched once it settled. A page of a kind checked lately is not checked again;
 * a mismatch is reported once per address, and replaced when the DOM says it is the tool after all.
 */
export class PageReporter {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The address last reported as not looking like the tool. */
  private mismatchAt: string | undefined;

  constructor(
    private readonly adapter: Adapter,
    private readonly win: Window,
    private readonly idle: IdleQueue,
    /** The place as last resolved, when the report is sent. */
    private readonly place: () => Place,
    private readonly signal: AbortSignal,
  ) {
    signal.addEventListener('abort', () => clearTimeout(this.timer), { once: true });
  }

  /** The page does not look like the tool: reported once per address, never silently ignored. */
  mismatch(): void {
    if (this.mismatchAt === this.win.location.href) return;
    this.mismatchAt = this.win.location.href;
    this.report(false);
  }

  /** The page looks like the tool: that replaces a mismatch reported for it (a page still rendering). */
  matched(): void {
    if (this.mismatchAt === undefined) return;
    this.mismatchAt = undefined;
    this.report(true);
  }

  /** Report the page once it settled (after a navigation, or in place of a mismatch). */
  report(detected: boolean): void {
    const { adapter, signal, win } = this;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (signal.aborted) return;
      const url = new URL(win.location.href);
      const kind = detected ? adapter.kind(url, win.document) : 'other';
      const check = () =>
        matchSelectorsWhenIdle(win.document, adapter.selectors, this.idle, (matched) => {
          if (signal.aborted || win.location.href !== url.href) return; // navigated meanwhile: that navigation reports
          post('page-report', { tool: adapter.id, origin: url.origin, path: url.pathname, kind, place: this.place(), detected, matched }).catch(
            () => undefined,
          );
        });
      // A mismatch is always reported; a page of a kind checked lately is not checked again.
      if (!detected) check();
      else
        post('page-report-due', { tool: adapter.id, origin: url.origin, kind }).then(
          ({ due }) => due && !signal.aborted && check(),
          () => undefined, // the background is restarting: the next page reports
        );
    }, REPORT_DELAY_MS);
  }
}
