import { useEffect, useState } from 'react';
import { sendToBackground, type DirectorySync } from '@/lib/messaging';
import { directorySyncItem } from '@/lib/people/sync-status';
import type { SettingsSnapshot } from '@/lib/settings';

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
      <h3>Organisation directory</h3>
      {url ? (
        <p>
          Fetched from <bdi>{url}</bdi>
          {byPolicy ? <span className="locked"> (set by your organization)</span> : <span className="muted"> (from Settings)</span>}, every{' '}
          {settings?.effective.directoryRefreshMinutes ?? 360} minutes.
        </p>
      ) : (
        <p className="muted">
          No directory URL is set. Set one under <a href="#settings">Settings</a> to keep the directory up to date automatically.
        </p>
      )}
      {status === undefined ? null : status === null ? (
        <p className="muted">Not synced yet.</p>
      ) : status.ok ? (
        <p data-sync="ok">
          Last synced <time dateTime={new Date(status.at).toISOString()}>{new Date(status.at).toLocaleString()}</time>:{' '}
          {(status.count ?? 0).toLocaleString('en')} people.
        </p>
      ) : (
        <p className="error" data-sync="failed">
          Last sync <time dateTime={new Date(status.at).toISOString()}>{new Date(status.at).toLocaleString()}</time> failed: <bdi>{status.error ?? 'unknown error'}</bdi>
        </p>
      )}
      <button type="button" onClick={() => void syncNow()} disabled={syncing || !url}>
        {syncing ? 'Syncing…' : 'Sync now'}
      </button>
      {problem && (
        <p role="alert" className="error">
          Could not sync: {problem}
        </p>
      )}
    </div>
  );
}
