import { observeDocument } from '../dom/frame-batcher';
import type { PageContext } from '../features/feature';
import { features } from '../features/registry';
import { FeatureRunner } from '../features/runner';
import { handleMessages, sendToBackground, type PageState } from '../messaging';
import { clearPageMarkers, PAGE_MARKER_NAMES, writePageMarkers } from '../page/markers';
import { DEFAULT_SETTINGS, loadSettings, watchSettings, type Settings } from '../settings';
import type { Adapter } from '../tools/adapter';

export interface PageSessionOptions {
  /**
   * True for the tool's SaaS hosts, where the host alone says which tool this is. Self-hosted
   * origins must also pass the adapter's DOM detection before anything is marked.
   */
  trustHost: boolean;
}

/** Events after which the URL or the page may have changed without a document load. */
const NAVIGATION_EVENTS = ['wxt:locationchange', 'popstate', 'hashchange', 'turbo:load', 'turbo:render', 'pjax:end'];

/**
 * Daylight's life on one tab: keeps the page markers current across in-app navigation and host
 * re-renders, and runs the features once per navigation. All DOM work happens in one batch per
 * animation frame.
 */
export function startPageSession(adapter: Adapter, signal: AbortSignal, options: PageSessionOptions): void {
  const root = document.documentElement;
  const runner = new FeatureRunner(features, (failure) => {
    sendToBackground('feature-error', { ...failure, tool: adapter.id, url: location.origin + location.pathname }).catch(
      () => undefined, // the background is restarting; the failure is still listed in the popup
    );
  });
  let settings: Settings = DEFAULT_SETTINGS;
  let settingsLoaded = false;
  let current: PageContext | undefined;

  const evaluate = () => {
    if (signal.aborted) return;
    if (!options.trustHost && !adapter.detect(document)) {
      clearPageMarkers(root);
      return;
    }
    const url = new URL(location.href);
    const kind = adapter.kind(url, document);
    const place = adapter.place(url, document);
    writePageMarkers(root, { tool: adapter.id, kind, place });
    if (!settingsLoaded) return;
    // Features restart when the page they run on changed: another URL, kind or place.
    if (current?.url.href === url.href && current.kind === kind && current.place === place) return;
    current = { adapter, url, doc: document, kind, place, settings };
    void runner.run(current, signal);
  };

  const schedule = observeDocument(evaluate, { attributeFilter: PAGE_MARKER_NAMES }, signal);
  for (const type of NAVIGATION_EVENTS) window.addEventListener(type, schedule, { signal });
  document.addEventListener('turbo:load', schedule, { signal });

  const applySettings = (next: Settings) => {
    settings = next;
    settingsLoaded = true;
    current = undefined; // features restart with the new settings
    evaluate();
  };
  void loadSettings().then(
    (snapshot) => applySettings(snapshot.effective),
    () => applySettings(DEFAULT_SETTINGS),
  );
  watchSettings((snapshot) => applySettings(snapshot.effective), signal);

  handleMessages(
    {
      'page-state': (): PageState => {
        const url = new URL(location.href);
        return {
          tool: adapter.id,
          kind: adapter.kind(url, document),
          place: adapter.place(url, document),
          url: url.href,
          featureErrors: [...runner.failures],
        };
      },
    },
    signal,
  );
  signal.addEventListener('abort', () => runner.stop(), { once: true });
  evaluate();
}
