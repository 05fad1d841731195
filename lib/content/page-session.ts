import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { observeDocument } from '../dom/frame-batcher';
import { IdleQueue } from '../dom/idle-queue';
import { features } from '../features/registry';
import { FeatureRunner, type FeatureFailure } from '../features/runner';
import type { PageState } from '../messaging';
import { PAGE_MARKER_NAMES } from '../page/markers';
import type { Adapter } from '../tools/adapter';
import { CONTENT_MARKER_NAMES } from './annotate';
import { ContentListeners, readLazily } from './content-listeners';
import { FeatureStarter } from './feature-starter';
import { HostFightGuard, MAX_REAPPLIES } from './host-fight';
import { answer } from './messages';
import { PageReporter, reportFailure } from './page-reporter';
import { PeopleCache } from './people-cache';
import { ApiCache } from './place-resolver';
import { ReadPass } from './read-pass';

/**
 * Events after which the URL or the page may have changed without a document load. WXT's
 * `wxt:locationchange` (history.pushState and replaceState included) reaches only listeners added
 * through `ctx.addEventListener`.
 */
const WINDOW_NAVIGATION_EVENTS = ['wxt:locationchange', 'popstate', 'hashchange', 'turbo:load', 'turbo:render', 'pjax:end'];
const DOCUMENT_NAVIGATION_EVENTS = ['turbo:load'];

/** What the page session needs of WXT's content script context: its lifetime and its listeners. */
export type SessionContext = Pick<ContentScriptContext, 'signal' | 'addEventListener'>;

/** Same-origin API answers (GitLab projects, Mattermost channels) with the user's own session. */
async function fetchSameOrigin(path: string): Promise<unknown> {
  const response = await fetch(new URL(path, location.origin), {
    credentials: 'include',
    headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

/**
 * Daylight's life on one tab: keeps the page and content markers current across in-app
 * navigation, virtualised lists and host re-renders (./read-pass.ts), resolves who can see the
 * place, reports what it found (./page-reporter.ts), and runs the features once per page
 * (./feature-starter.ts), handing them what it read (./content-listeners.ts). All DOM work happens
 * in one batch per animation frame, on the subtrees that changed.
 */
export function startPageSession(adapter: Adapter, ctx: SessionContext): void {
  const { signal } = ctx;
  // The one place the session takes the page's globals; everything it starts is handed them.
  const win = window;
  const doc = win.document;
  const api = new ApiCache(fetchSameOrigin);
  const idle = new IdleQueue(signal);
  const runner = new FeatureRunner(features, (failure) => reportFailure(adapter, win, failure));
  /** What the page session itself could not do here (shown beside the features' failures). */
  const sessionFailures: FeatureFailure[] = [];
  const fights = new HostFightGuard([...PAGE_MARKER_NAMES, ...CONTENT_MARKER_NAMES], () => {
    const failure = {
      featureId: 'annotation',
      message: `This page removes Daylight's markers and buttons as soon as they are written: Daylight put them back ${MAX_REAPPLIES} times, then left those elements alone.`,
    };
    sessionFailures.push(failure);
    reportFailure(adapter, win, failure);
  });
  const people = new PeopleCache(adapter.id, win.location.origin);
  const reading = new ReadPass(adapter, win, fights, api, () => watch.schedule());
  const reporter = new PageReporter(adapter, win, idle, () => reading.resolved.place, signal);
  const listeners = new ContentListeners((work) => watch.quietly(work), idle);
  const starter = new FeatureStarter(adapter, win, runner, people, listeners, () => reading.whole(), () => reading.page(), signal);

  const refresh = (records: readonly MutationRecord[] | null) => {
    if (signal.aborted) return;
    const pass = reading.run(records);
    if (pass === null) return;
    if (!pass.detected) return reporter.mismatch();
    // A large document is read a slice per frame; the features hear of it once it is read whole.
    if ('reading' in pass) return watch.schedule();
    reporter.matched();
    // After a navigation the features restart and are handed the whole document then. Otherwise
    // they react in idle time right after this frame: a busy channel's frames carry only the
    // reading and the markers, and Thank hosts or search watching wait a few milliseconds.
    if (!pass.navigated && pass.batch) listeners.deliverSoon(pass.batch);
    if (pass.navigated) {
      api.forgetFailures();
      reporter.report(true);
    }
    starter.start(pass.page, false);
  };

  const watch = observeDocument(refresh, { attributeFilter: [...PAGE_MARKER_NAMES, ...CONTENT_MARKER_NAMES] }, signal);
  const onNavigation = () => watch.schedule();
  for (const type of WINDOW_NAVIGATION_EVENTS) ctx.addEventListener(win, type, onNavigation);
  for (const type of DOCUMENT_NAVIGATION_EVENTS) ctx.addEventListener(doc, type, onNavigation);

  starter.fetchSettings();
  answer(
    {
      // The background says when settings or policy changed (live, in every open tab).
      'settings-changed': () => {
        starter.fetchSettings();
        return { ok: true as const };
      },
      // The directory changed: ask again about every handle on the page.
      'directory-changed': () => {
        people.clear();
        listeners.deliver(readLazily(adapter, [doc]));
        return { ok: true as const };
      },
      'page-state': (): PageState => {
        const url = new URL(win.location.href);
        return {
          tool: adapter.id,
          kind: adapter.kind(url, doc),
          place: reading.resolved.place,
          audience: reading.resolved.audience ?? null,
          url: url.href,
          featureErrors: [...runner.failures, ...sessionFailures],
          featuresRunning: runner.running,
        };
      },
    },
    signal,
  );
  // The first pass runs in the first frame, in its own task, not inside the script's evaluation.
  watch.schedule();
}
