import { useEffect, useState } from 'react';
import { formatDateTime, t, tn } from '@/lib/i18n/t';
import { sendToBackground, type DirectorySync } from '@/lib/messaging';
import { directorySyncItem } from '@/lib/people/sync-status';
import type { SettingsSnapshot } from '@/lib/settings';
import { Message } from './Message';

/**
 * The organisation's directory URL (from policy or Settings): when it was last fetched, how many
 * people it had or why it failed, and "Sync now". The token is never shown.
 */
export function DirectorySyncPanel({ settings, onSynced }: { settings: SettingsSnapshot | undefined; onSynced: () => void }) {
  const [status, setStatus] = useState<DirectorySync | null>();
  const [syncing, setSyncing] = useState(false);
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    let live = true;
    const item = directorySyncItem();
    void item.getValue().then((value) => live && setStatus(value));
    const unwatch = item.watch((value) => {
      setStatus(value);
      onSynced();
    });
    return () => {
      live = false;
      unwatch();
    };
  }, [onSynced]);

  const url = settings?.effective.directoryUrl ?? '';
  const byPolicy = settings ? Object.hasOwn(settings.managed, 'directoryUrl') : false;

  const syncNow = async () => {
    setSyncing(true);
    setProblem(undefined);
    try {
      setStatus(await sendToBackground('directory-sync', {}));
      onSynced();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setSyncing(false);
    }
  };

  return (
    <div className="directory-sync" data-testid="directory-sync">
      <h3>{t('orgDirectory')}</h3>
      {url ? (
        <p>
          <Message id="fetchedFrom" values={[<bdi key="url">{url}</bdi>]} />{' '}
          {byPolicy ? <span className="locked">{t('bySettingOrg')}</span> : <span className="muted">{t('bySettingUser')}</span>}
          {', '}
          {tn('everyMinutes', settings?.effective.directoryRefreshMinutes ?? 360)}.
        </p>
      ) : (
        <p className="muted">
          <Message id="noDirectoryUrl" values={[<a key="settings" href="#settings">{t('navSettings')}</a>]} />
        </p>
      )}
      {status === undefined ? null : status === null ? (
        <p className="muted">{t('notSyncedYet')}</p>
      ) : status.ok ? (
        <p data-sync="ok">
          {tn('lastSynced', status.count ?? 0, formatDateTime(status.at))}
        </p>
      ) : (
        <p className="error" data-sync="failed">
          <Message id="lastSyncFailed" values={[<time key="when" dateTime={new Date(status.at).toISOString()}>{formatDateTime(status.at)}</time>, <bdi key="error">{status.error ?? t('unknownError')}</bdi>]} />
        </p>
      )}
      <button type="button" onClick={() => void syncNow()} disabled={syncing || !url}>
        {syncing ? t('syncing') : t('syncNow')}
      </button>
      {problem && (
        <p role="alert" className="error">
          {t('couldNotSync', problem)}
        </p>
      )}
    </div>
  );
}
