import { MatchPattern } from 'wxt/utils/match-patterns';
import { observeDocument } from '../dom/frame-batcher';
import type { PageContext } from '../features/feature';
import { features } from '../features/registry';
import { FeatureRunner } from '../features/runner';
import { handleMessages, sendToBackground, type PageState } from '../messaging';
import { clearPageMarkers, PAGE_MARKER_NAMES, writePageMarkers } from '../page/markers';
import { DEFAULT_SETTINGS, loadSettings, watchSettings, type Settings } from '../settings';
import type { Adapter } from '../tools/adapter';
import { annotate, CONTENT_MARKER_NAMES } from './annotate';
import { changedRoots } from './mutation-roots';
import { ApiCache, resolvePlace, type ResolvedPlace } from './place-resolver';
import { countSelectors } from './selector-report';

/** Events after which the URL or the page may have changed without a document load. */
const NAVIGATION_EVENTS = ['wxt:locationchange', 'popstate', 'hashchange', 'turbo:load', 'turbo:render', 'pjax:end'];
/** The page has settled this long after a navigation when its selectors are counted. */
const REPORT_DELAY_MS = 1500;

/** Same-origin API answers (GitLab projects, Mattermost channels) with the user's own session. */
async function fetchSameOrigin(path: string): Promise<unknown> {
  const response = await fetch(new URL(path, location.origin), {
    credentials: 'include',
    headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

/** On the tool's SaaS hosts the host says which tool this is; elsewhere the DOM must say so. */
function onSaasHost(adapter: Adapter): boolean {
  return adapter.matches.some((pattern) => new MatchPattern(pattern).includes(location.href));
}

/**
 * Daylight's life on one tab: keeps the page and content markers current across in-app
 * navigation, virtualised lists and host re-renders, resolves who can see the place, and runs
 * the features once per page. All DOM work happens in one batch per animation frame, on the
 * subtrees that changed.
 */
export function startPageSession(adapter: Adapter, signal: AbortSignal): void {
  const root = document.documentElement;
  const trustHost = onSaasHost(adapter);
  const api = new ApiCache(fetchSameOrigin);
  const runner = new FeatureRunner(features, (failure) => {
    sendToBackground('feature-error', { ...failure, tool: adapter.id, url: location.origin + location.pathname }).catch(
      () => undefined, // the background is restarting; the failure is still listed in the popup
    );
  });
  let settings: Settings = DEFAULT_SETTINGS;
  let settingsLoaded = false;
  let current: PageContext | undefined;
  let resolved: ResolvedPlace = { place: 'unknown' };
  let reportTimer: ReturnType<typeof setTimeout> | undefined;
  let schedule = () => undefined as void;

  const report = (detected: boolean) => {
    clearTimeout(reportTimer);
    reportTimer = setTimeout(() => {
      if (signal.aborted) return;
      const url = new URL(location.href);
      sendToBackground('page-report', {
        tool: adapter.id,
        origin: url.origin,
        kind: detected ? adapter.kind(url, document) : 'other',
        place: resolved.place,
        detected,
        counts: countSelectors(document, adapter.selectors),
      }).catch(() => undefined);
    }, REPORT_DELAY_MS);
  };

  const evaluate = (records: readonly MutationRecord[] | null) => {
    if (signal.aborted) return;
    if (!trustHost && !adapter.detect(document)) {
      clearPageMarkers(root);
      if (records === null) report(false);
      return;
    }
    const url = new URL(location.href);
    const kind = adapter.kind(url, document);
    resolved = resolvePlace(adapter.place(url, document), api, schedule);
    writePageMarkers(root, { tool: adapter.id, kind, place: resolved.place });

    const navigated = current?.url.href !== url.href;
    const roots = navigated || records === null ? 'document' : changedRoots(records, adapter.postSelector, CONTENT_MARKER_NAMES);
    if (roots === 'document') annotate(adapter, document);
    else for (const subtree of roots) annotate(adapter, subtree);

    if (!settingsLoaded) return;
    // Features restart when the page they run on changed: another URL, kind or place.
    if (!navigated && current?.kind === kind && current.place === resolved.place) return;
    if (navigated) {
      api.forgetFailures();
      report(true);
    }
    current = { adapter, url, doc: document, kind, place: resolved.place, settings };
    void runner.run(current, signal);
  };

  schedule = observeDocument(evaluate, { attributeFilter: [...PAGE_MARKER_NAMES, ...CONTENT_MARKER_NAMES] }, signal);
  const onNavigation = () => schedule();
  for (const type of NAVIGATION_EVENTS) window.addEventListener(type, onNavigation, { signal });
  document.addEventListener('turbo:load', onNavigation, { signal });

  const applySettings = (next: Settings) => {
    settings = next;
    settingsLoaded = true;
    current = undefined; // features restart with the new settings
    evaluate(null);
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
          place: resolved.place,
          audience: resolved.audience ?? null,
          url: url.href,
          featureErrors: [...runner.failures],
        };
      },
    },
    signal,
  );
  signal.addEventListener(
    'abort',
    () => {
      clearTimeout(reportTimer);
      runner.stop();
    },
    { once: true },
  );
  evaluate(null);
}
