import { observeDocument } from '../dom/frame-batcher';
import { IdleQueue } from '../dom/idle-queue';
import type { ContentBatch, PageContext } from '../features/feature';
import { features } from '../features/registry';
import { FeatureRunner } from '../features/runner';
import type { PageState } from '../messaging';
import { clearPageMarkers, PAGE_MARKER_NAMES, PAGE_MARKERS, writePageMarkers } from '../page/markers';
import type { Settings } from '../settings';
import { DEFAULT_SETTINGS } from '../settings-defaults';
import type { Adapter } from '../tools/adapter';
import type { PageKind } from '../tools/page';
import { onPatternHost } from '../tools/url';
import { CONTENT_MARKER_NAMES, readAndAnnotate, type Annotation } from './annotate';
import { HostFightGuard, MAX_REAPPLIES } from './host-fight';
import { answer, post } from './messages';
import { PeopleCache } from './people-cache';
import { changedRoots } from './mutation-roots';
import { ApiCache, resolvePlace, type ResolvedPlace } from './place-resolver';
import { matchSelectorsWhenIdle } from './selector-report';

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


/** A batch over `roots` whose mentions and posts are read when a listener first asks for them. */
function readLazily(adapter: Adapter, roots: readonly ParentNode[]): ContentBatch {
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
 * Daylight's life on one tab: keeps the page and content markers current across in-app
 * navigation, virtualised lists and host re-renders, resolves who can see the place, and runs
 * the features once per page. All DOM work happens in one batch per animation frame, on the
 * subtrees that changed.
 */
export function startPageSession(adapter: Adapter, signal: AbortSignal): void {
  const root = document.documentElement;
  // On the tool's SaaS hosts the host says which tool this is; elsewhere the DOM must say so.
  const trustHost = onPatternHost(adapter.matches, new URL(location.href));
  const api = new ApiCache(fetchSameOrigin);
  const runner = new FeatureRunner(features, (failure) => {
    post('feature-error', { ...failure, tool: adapter.id, url: location.origin + location.pathname }).catch(
      () => undefined, // the background is restarting; the failure is still listed in the popup
    );
  });
  let settings: Settings = DEFAULT_SETTINGS;
  let settingsLoaded = false;
  let current: PageContext | undefined;
  let lastUrl: string | undefined;
  let resolved: ResolvedPlace = { place: 'unknown' };
  /** The last pass over the whole document, until anything changes after it. */
  let wholeDocument: ContentBatch | undefined;
  let reportTimer: ReturnType<typeof setTimeout> | undefined;
  /** The address last reported as not looking like the tool. */
  let mismatchAt: string | undefined;
  /** What the page session itself could not do here (shown beside the features' failures). */
  const sessionFailures: Array<{ featureId: string; message: string }> = [];
  const fights = new HostFightGuard([...PAGE_MARKER_NAMES, ...CONTENT_MARKER_NAMES], () => {
    const failure = {
      featureId: 'annotation',
      message: `This page removes Daylight's markers and buttons as soon as they are written: Daylight put them back ${MAX_REAPPLIES} times, then left those elements alone.`,
    };
    sessionFailures.push(failure);
    post('feature-error', { ...failure, tool: adapter.id, url: location.origin + location.pathname }).catch(() => undefined);
  });
  let writtenPageMarkers: string | undefined;
  const people = new PeopleCache(adapter.id, location.origin);
  const idle = new IdleQueue(signal);
  const contentListeners = new Set<(batch: ContentBatch) => void>();
  const onContent = (listener: (batch: ContentBatch) => void, scope: AbortSignal) => {
    contentListeners.add(listener);
    scope.addEventListener('abort', () => contentListeners.delete(listener), { once: true });
  };

  const report = (detected: boolean) => {
    clearTimeout(reportTimer);
    reportTimer = setTimeout(() => {
      if (signal.aborted) return;
      const url = new URL(location.href);
      const kind = detected ? adapter.kind(url, document) : 'other';
      const check = () =>
        matchSelectorsWhenIdle(document, adapter.selectors, idle, (matched) => {
          if (signal.aborted || location.href !== url.href) return; // navigated meanwhile: that navigation reports
          post('page-report', { tool: adapter.id, origin: url.origin, path: url.pathname, kind, place: resolved.place, detected, matched }).catch(
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
  };

  /** Features restart when the page they run on changed (URL, kind or place), or on demand. */
  const startFeatures = (url: URL, kind: PageKind, force: boolean) => {
    if (!settingsLoaded) return;
    if (!force && current?.url.href === url.href && current.kind === kind && current.place === resolved.place && current.audience === resolved.audience) return;
    current = { adapter, url, doc: document, kind, place: resolved.place, audience: resolved.audience, settings, people, onContent };
    void runner.run(current, signal).then(() => {
      // Features that started late still see what is already on the page: what the last pass over
      // the whole document read, when nothing changed since. Their own writes (a Thank host per
      // post) are not observed, or they would come back as a second pass over the document.
      const batch = wholeDocument ?? readLazily(adapter, [document]);
      watch.quietly(() => {
        for (const listener of contentListeners) listener(batch);
      });
    });
  };

  const refresh = (batchRecords: readonly MutationRecord[] | null) => {
    if (signal.aborted) return;
    // A batch made only of the page taking back, again, what Daylight wrote is not answered.
    const records = batchRecords === null ? null : fights.filter(batchRecords);
    if (batchRecords !== null && batchRecords.length > 0 && records!.length === 0 && location.href === lastUrl) return;
    if (!trustHost && !adapter.detect(document)) {
      clearPageMarkers(root);
      // Once per address: the mismatch shows in Options (Tools, Diagnostics), never silently ignored.
      if (mismatchAt !== location.href) {
        mismatchAt = location.href;
        report(false);
      }
      return;
    }
    // The DOM says this is the tool after all (a page still rendering): that replaces the mismatch.
    if (mismatchAt !== undefined) {
      mismatchAt = undefined;
      report(true);
    }
    const url = new URL(location.href);
    const kind = adapter.kind(url, document);
    resolved = resolvePlace(adapter.place(url, document), api, () => watch.schedule());
    // A page that keeps removing the page markers gets them again only when they change.
    const pageMarkers = `${adapter.id} ${kind} ${resolved.place}`;
    if (!fights.leftAlone(root) || pageMarkers !== writtenPageMarkers) writePageMarkers(root, { tool: adapter.id, kind, place: resolved.place });
    writtenPageMarkers = pageMarkers;

    const firstPass = lastUrl === undefined;
    const navigated = lastUrl !== url.href;
    lastUrl = url.href;
    const roots = navigated || records === null ? 'document' : changedRoots(records, adapter.postSelector, CONTENT_MARKER_NAMES);
    let batch: ContentBatch | undefined;
    if (roots === 'document') {
      batch = { roots: [document], ...readAndAnnotate(adapter, document, { unmarked: firstPass }) };
      wholeDocument = batch;
    } else if (roots.length > 0) {
      const read: Annotation = { mentions: [], posts: [] };
      for (const subtree of roots) {
        const { mentions, posts } = readAndAnnotate(adapter, subtree);
        read.mentions.push(...mentions);
        read.posts.push(...posts);
      }
      batch = { roots, ...read };
      wholeDocument = undefined;
    }
    // After a navigation the features restart and are handed the whole document then. Otherwise
    // they react in idle time right after this frame: a busy channel's frames carry only the
    // reading and the markers, and Thank hosts or search watching wait a few milliseconds.
    if (!navigated && batch) {
      const ready = batch;
      idle.add(() =>
        watch.quietly(() => {
          for (const listener of contentListeners) listener(ready);
        }),
      );
    }
    if (navigated) {
      api.forgetFailures();
      report(true);
    }
    startFeatures(url, kind, false);
  };

  const watch = observeDocument(refresh, { attributeFilter: [...PAGE_MARKER_NAMES, ...CONTENT_MARKER_NAMES] }, signal);
  const onNavigation = () => watch.schedule();
  for (const type of NAVIGATION_EVENTS) window.addEventListener(type, onNavigation, { signal });
  document.addEventListener('turbo:load', onNavigation, { signal });

  const applySettings = (next: Settings) => {
    settings = next;
    settingsLoaded = true;
    if (lastUrl !== undefined && root.hasAttribute(PAGE_MARKERS.tool)) {
      const url = new URL(location.href);
      startFeatures(url, adapter.kind(url, document), true);
    }
  };
  // The background validates settings and policy; until it answers, nothing runs on defaults.
  const fetchSettings = () =>
    void post('settings-get', {}).then(
      (next) => signal.aborted || applySettings(next),
      () => signal.aborted || applySettings(DEFAULT_SETTINGS),
    );
  fetchSettings();

  answer(
    {
      // The background says when settings or policy changed (live, in every open tab).
      'settings-changed': () => {
        fetchSettings();
        return { ok: true as const };
      },
      // The directory changed: ask again about every handle on the page.
      'directory-changed': () => {
        people.clear();
        const batch = readLazily(adapter, [document]);
        watch.quietly(() => {
          for (const listener of contentListeners) listener(batch);
        });
        return { ok: true as const };
      },
      'page-state': (): PageState => {
        const url = new URL(location.href);
        return {
          tool: adapter.id,
          kind: adapter.kind(url, document),
          place: resolved.place,
          audience: resolved.audience ?? null,
          url: url.href,
          featureErrors: [...runner.failures, ...sessionFailures],
          featuresRunning: runner.running,
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
  // The first pass runs in the first frame, in its own task, not inside the script's evaluation.
  watch.schedule();
}
