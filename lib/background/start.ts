import { browser } from 'wxt/browser';
import { openDatabase } from '../db';
import { handleMessages, sendToTab, type Request } from '../messaging';
import { replaceDirectory, savePerson, setArchived, undoImport } from '../people/directory-store';
import { loadSettings, watchSettings, type Settings } from '../settings';
import { createDirectoryService, SYNC_ALARM } from './directory-service';
import { opennessHandlers, recordMentionsResolved } from './openness-service';
import { openPagesOnInstall } from './install-pages';
import { createKudosService } from './kudos-service';
import { OUTBOX_ALARM } from '../kudos/outbox';
import { createSearchService } from './search-service';
import { findLiveRelay } from './live-relay';
import { acceptLiveSearchPorts, createLiveSearchService } from './live-search-service';
import { unpackCapture } from '../search/capture-wire';
import { foreignLink } from '../search/export';
import { toolLink } from '../tools/links';
import { syncSelfHostedScripts } from './self-hosted';
import { addPageReport, selectorCheckDue } from './page-reports';
import { bounds, withinBounds } from './bounds';
import { acceptDirectoryImports, noteStoppedImport } from './directory-import';
import { readImportOutcome } from '../people/import-outcome';

/** Tell every tab's content script (tabs without one just do not answer). */
async function tellTabs(type: 'settings-changed' | 'directory-changed'): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : sendToTab(tab.id, type, {}).catch(() => undefined))));
}

/** Keep the diagnostics table bounded: the newest errors are the useful ones. */
export const MAX_FEATURE_ERRORS = 500;

/**
 * The background is the only writer of the database. It answers the message contract and opens
 * the welcome page on first install ("What's new" after an update).
 */
export function startBackground(db = openDatabase(), signal = new AbortController().signal): void {
  const directory = createDirectoryService(db, () => void tellTabs('directory-changed'));
  const kudos = createKudosService(db, directory, async () => (await loadSettings()).effective);
  const search = createSearchService(db, directory.resolve, async () => (await loadSettings()).effective);
  void search.resume().catch((error: unknown) => console.error('Daylight: search index', error));
  acceptLiveSearchPorts(
    createLiveSearchService({
      settings: async () => (await loadSettings()).effective,
      fetch: (input, init) => fetch(input, init),
      hasAccess: (origin) => browser.permissions.contains({ origins: [`${origin}/*`] }),
      cookie: async (origin, name) => (await browser.cookies.get({ url: `${origin}/`, name }))?.value ?? null,
      relay: findLiveRelay,
      reportChanged: (tool, origin, message) =>
        void db.featureErrors.add({ featureId: 'live-search', tool, page: origin, message, at: Date.now() }).catch(() => undefined),
    }),
    signal,
  );

  acceptDirectoryImports(db, () => directory.directoryChanged(), signal);
  const stoppedImportNoted = noteStoppedImport().catch((error: unknown) => console.error('Daylight: directory import', error));
  const openness = opennessHandlers(db);
  const storeFeatureError = async (error: Request<'feature-error'>) => {
    await db.transaction('rw', db.featureErrors, async () => {
      await db.featureErrors.add({ featureId: error.featureId, tool: error.tool, page: error.url, message: error.message, at: Date.now() });
      const excess = (await db.featureErrors.count()) - MAX_FEATURE_ERRORS;
      if (excess > 0) await db.featureErrors.orderBy('seq').limit(excess).delete();
    });
    return { ok: true as const };
  };

  handleMessages({
    'feature-error': (error, sender) =>
      withinBounds('feature-error', error.tool, sender, (tab, selfHosted) => bounds.page(error.tool, error.url, tab, selfHosted), () => storeFeatureError(error)),
    'page-report': async (report, sender) =>
      withinBounds('page-report', report.tool, sender, (tab, selfHosted) => bounds.origin(report.tool, report.origin, tab, selfHosted), async () => {
        await addPageReport(db, report);
        directory.reportsChanged();
        return { ok: true as const };
      }),
    'page-report-due': async (page) => ({ due: await selectorCheckDue(db, page) }),
    'directory-replace': async ({ directory: people, source }) => {
      const change = await replaceDirectory(db, people, source);
      directory.directoryChanged();
      return change;
    },
    'directory-undo': async ({ importId }) => {
      const result = await undoImport(db, importId);
      directory.directoryChanged();
      return result;
    },
    'person-save': async ({ person }) => {
      await savePerson(db, person);
      directory.directoryChanged();
      return { ok: true as const };
    },
    'person-archive': async ({ id, archived }) => {
      await setArchived(db, id, archived);
      directory.directoryChanged();
      return { ok: true as const };
    },
    'directory-sync': async () => directory.sync((await loadSettings()).effective),
    'resolve-people': ({ tool, origin, handles }, sender) =>
      withinBounds('resolve-people', tool, sender, (tab, selfHosted) => bounds.origin(tool, origin, tab, selfHosted), async () => {
        const people = await directory.resolve(tool, origin, handles);
        void recordMentionsResolved(db, tool, Object.keys(people).length).catch(() => undefined); // a full disk loses a count, never the answer
        return { people };
      }),
    'directory-import-outcome': async () => {
      await stoppedImportNoted;
      return { outcome: await readImportOutcome() };
    },
    'people-names': async ({ people }) => ({ names: await directory.names(people) }),
    'person-card': async ({ id }) => {
      const [card, { selfHosted }] = await Promise.all([directory.card(id), loadSettings().then((s) => s.effective)]);
      // Profile links follow page reports and the directory's tool:host keys: only the tool's sites are linked.
      return { card: card && { ...card, profiles: card.profiles.map((p) => ({ ...p, url: p.url === null ? null : toolLink(p.tool, p.url, selfHosted) })) } };
    },
    'suggest-people': ({ tool, origin, query }, sender) =>
      withinBounds('suggest-people', tool, sender, (tab, selfHosted) => bounds.origin(tool, origin, tab, selfHosted), async () => ({
        suggestions: await directory.suggest(tool, origin, query),
      })),
    'settings-get': async () => (await loadSettings()).effective,
    ...openness,
    'openness-choose': (request, sender) =>
      withinBounds('openness-choose', request.tool, sender, (tab, selfHosted) => request.url === '' || bounds.page(request.tool, request.url, tab, selfHosted), async () =>
        openness['openness-choose'](request, sender),
      ),
    'thanks-give': (request, sender) =>
      withinBounds('thanks-give', request.tool, sender, (tab, selfHosted) => bounds.thanks({ ...request, posts: [request.post] }, tab, selfHosted), () => kudos.give(request)),
    'thanks-state': ({ postKeys }) => kudos.state(postKeys),
    'thanks-seen': (request, sender) =>
      withinBounds('thanks-seen', request.tool, sender, (tab, selfHosted) => bounds.thanks(request, tab, selfHosted), () => kudos.seen(request)),
    'thanks-archive': async ({ id, archived }, sender) => {
      const entry = sender.kind === 'content' ? await db.thanks.get(id) : undefined;
      if (sender.kind === 'content' && !entry) throw new Error(`No thanks ${id} in the ledger`);
      const archive = async () => (await kudos.archive(id, archived), { ok: true as const });
      return entry ? withinBounds('thanks-archive', entry.tool, sender, (tab, selfHosted) => bounds.ledgerEntry(entry, tab, selfHosted), archive) : archive();
    },
    'outbox-retry': async ({ id }) => (await kudos.retry(id), { ok: true as const }),
    'search-capture': (request, sender) => {
      const records = unpackCapture(request);
      return withinBounds('search-capture', request.page.tool, sender, (tab, selfHosted) => bounds.capture(records, tab, selfHosted), () =>
        search.capture({ records, visit: request.visit }, sender),
      );
    },
    'search-archive': ({ keys, archived }) => search.archive(keys, archived),
    'search-import': async ({ records, of }) => {
      const { selfHosted } = (await loadSettings()).effective;
      for (const record of records) {
        const foreign = foreignLink(record, selfHosted);
        if (foreign) throw new Error(`Refused "search-import": record ${JSON.stringify(record.key.slice(0, 200))}: ${foreign}. Nothing of this part was stored.`);
      }
      return search.importPart(records, of);
    },
    'search-rebuild': () => search.rebuild(),
  }, signal);
  // Announcements left waiting (or cut off by a restart) go out as soon as the background starts.
  void kudos.wake().catch((error: unknown) => console.error('Daylight: kudos outbox', error));

  // Self-hosted origins follow policy and settings live; registrations persist across restarts,
  // and are checked again every time the background starts (after an update too).
  let queue = Promise.resolve();
  const sync = (settings: Settings) => {
    queue = queue
      .then(() => syncSelfHostedScripts(settings.selfHosted))
      .then(
        () => undefined,
        (error: unknown) => console.error('Daylight: could not register self-hosted origins', error),
      );
  };
  let directorySource = '';
  const followDirectory = (settings: Settings, fetchNow: boolean) => {
    // A new URL, token or period: fetch again now; otherwise just keep the schedule.
    const source = JSON.stringify([settings.directoryUrl, settings.directoryToken, settings.directoryRefreshMinutes]);
    const changed = source !== directorySource;
    directorySource = source;
    if (changed || fetchNow) void directory.schedule(settings, changed || fetchNow).catch((error: unknown) => console.error('Daylight: directory sync', error));
  };
  void loadSettings().then((snapshot) => {
    sync(snapshot.effective);
    followDirectory(snapshot.effective, false);
  });
  watchSettings((snapshot) => {
    sync(snapshot.effective);
    followDirectory(snapshot.effective, false);
    void tellTabs('settings-changed');
  }, signal);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void loadSettings().then((snapshot) => directory.sync(snapshot.effective));
    if (alarm.name === OUTBOX_ALARM) void kudos.wake();
  });

  openPagesOnInstall();
  browser.runtime.onInstalled.addListener(() => {
    // On install (and update) the organisation's directory is fetched at once.
    void loadSettings().then((snapshot) => followDirectory(snapshot.effective, true));
  });
}
