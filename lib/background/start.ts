import { browser } from 'wxt/browser';
import { openDatabase } from '../db';
import { handleMessages, sendToTab } from '../messaging';
import { replaceDirectory } from '../people/directory-store';
import { loadSettings, watchSettings, type Settings } from '../settings';
import { syncSelfHostedScripts } from './self-hosted';

/** Every tab's content script fetches settings again (tabs without one just do not answer). */
async function tellTabsSettingsChanged(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) => (tab.id === undefined ? undefined : sendToTab(tab.id, 'settings-changed', {}).catch(() => undefined))),
  );
}

/** Keep the diagnostics table bounded: the newest errors are the useful ones. */
export const MAX_FEATURE_ERRORS = 500;
/** Diagnostics keep the last pages seen per tool. */
export const MAX_REPORTS_PER_TOOL = 20;

/**
 * The background is the only writer of the database. It answers the message contract and opens
 * the welcome page on first install.
 */
export function startBackground(): void {
  const db = openDatabase();

  handleMessages({
    'feature-error': async (error) => {
      await db.transaction('rw', db.featureErrors, async () => {
        await db.featureErrors.add({
          featureId: error.featureId,
          tool: error.tool,
          page: error.url,
          message: error.message,
          at: Date.now(),
        });
        const excess = (await db.featureErrors.count()) - MAX_FEATURE_ERRORS;
        if (excess > 0) await db.featureErrors.orderBy('seq').limit(excess).delete();
      });
      return { ok: true as const };
    },
    'page-report': async (report) => {
      await db.transaction('rw', db.pageReports, async () => {
        await db.pageReports.add({ ...report, at: Date.now() });
        const stale = await db.pageReports.where('tool').equals(report.tool).reverse().sortBy('at');
        const excess = stale.slice(MAX_REPORTS_PER_TOOL).map((r) => r.seq!);
        if (excess.length > 0) await db.pageReports.bulkDelete(excess);
      });
      return { ok: true as const };
    },
    'directory-replace': ({ directory }) => replaceDirectory(db, directory),
    'settings-get': async () => (await loadSettings()).effective,
  });

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
  void loadSettings().then((snapshot) => sync(snapshot.effective));
  watchSettings((snapshot) => {
    sync(snapshot.effective);
    void tellTabsSettingsChanged();
  }, new AbortController().signal);

  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
}
