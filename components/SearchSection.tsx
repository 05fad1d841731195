import { useEffect, useId, useState } from 'react';
import { openDatabase, type SearchRecordRow } from '@/lib/db';
import { sendToBackground } from '@/lib/messaging';
import { patternTest } from '@/lib/search/capture-rules';
import { exportSearchIndex, parseSearchExport, type ImportProblem } from '@/lib/search/export';
import { importParts } from '@/lib/search/import-parts';
import { requestPersistentStorage } from '@/lib/search/persist';
import { countArchived, countRecords, newestArchived } from '@/lib/search/record-store';
import { EMPTY_STATUS, searchStatusItem, type SearchStatus } from '@/lib/search/status';
import { saveUserSettings, type SettingsSnapshot } from '@/lib/settings';
import { TOOL_NAMES } from '@/lib/tools/tool-ids';
import { downloadText } from './PeopleExport';

interface Usage {
  records: number;
  archived: SearchRecordRow[];
  archivedCount: number;
  segments: number;
  usage: number | null;
  quota: number | null;
  persisted: boolean;
}

const ARCHIVED_SHOWN = 100;

async function readUsage(): Promise<Usage> {
  const db = openDatabase();
  try {
    const [records, archivedCount, archived, segments, estimate, persisted] = await Promise.all([
      countRecords(db),
      countArchived(db),
      newestArchived(db, ARCHIVED_SHOWN),
      db.searchSegments.count(),
      navigator.storage?.estimate?.().catch(() => null) ?? null,
      navigator.storage?.persisted?.().catch(() => false) ?? false,
    ]);
    return { records, archived, archivedCount, segments, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null, persisted };
  } finally {
    db.close();
  }
}

/** Download the whole index as JSON. */
async function exportFile(): Promise<void> {
  const db = openDatabase();
  try {
    downloadText(await exportSearchIndex(db), `daylight-search-${new Date().toISOString().slice(0, 10)}.json`, 'application/json');
  } finally {
    db.close();
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Options → Search: capture switches and exclusions, storage, the index, export and import, archived records. */
export function SearchSection({ snapshot }: { snapshot: SettingsSnapshot | undefined }) {
  const id = useId();
  const [usage, setUsage] = useState<Usage>();
  const [status, setStatus] = useState<SearchStatus>(EMPTY_STATUS);
  const [reload, setReload] = useState(0);
  const [site, setSite] = useState('');
  const [message, setMessage] = useState<string>();
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void readUsage().then(setUsage);
  }, [reload, status.lastBuild?.at]);
  useEffect(() => {
    void searchStatusItem().getValue().then(setStatus);
    return searchStatusItem().watch((next) => setStatus(next ?? EMPTY_STATUS));
  }, []);

  if (!snapshot) return <p className="muted">Loading…</p>;
  const settings = snapshot.effective;
  const pausedLocked = Object.hasOwn(snapshot.managed, 'capturePaused');
  const fail = (error: unknown) => setMessage(error instanceof Error ? error.message : String(error));

  const addSite = () => {
    const pattern = site.trim();
    if (patternTest(pattern) === null) return setMessage(`"${pattern}" is not a match pattern (for example *://github.com/acme/secret/*).`);
    setMessage(undefined);
    void saveUserSettings({ captureSkip: [...new Set([...settings.captureSkip, pattern])] }).then(() => setSite(''), fail);
  };

  const runImport = async (file: File) => {
    setProblems([]);
    setMessage(undefined);
    const parsed = parseSearchExport(await file.text(), settings.selfHosted);
    if (!parsed.ok) {
      setProblems(parsed.problems);
      setMessage(`${file.name} was not imported: nothing changed.`);
      return;
    }
    setBusy(true);
    try {
      let added = 0;
      let updated = 0;
      // Numbered parts of one import: the background stores them all with the last, or none.
      const parts = importParts(parsed.records);
      const importId = crypto.randomUUID();
      for (const [index, part] of parts.entries()) {
        const result = await sendToBackground('search-import', { records: part, of: { id: importId, part: index, parts: parts.length } });
        added += result.added;
        updated += result.updated;
      }
      const built = await sendToBackground('search-rebuild', {});
      setMessage(`Imported ${parsed.records.length} records from ${file.name} (${added} new, ${updated} updated); index built in ${(built.ms / 1000).toFixed(1)} s.`);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
      setReload((n) => n + 1);
    }
  };

  return (
    <div className="search-settings">
      <div className="field">
        <label>
          <input
            type="checkbox"
            checked={settings.capturePaused}
            disabled={pausedLocked}
            onChange={(e) => void saveUserSettings({ capturePaused: e.target.checked }).catch(fail)}
          />{' '}
          Pause capture
        </label>
        <p className="muted">
          While paused, nothing new is remembered; search still finds what was captured before. Daylight never captures incognito windows.
        </p>
        {pausedLocked && <p className="locked">🔒 Set by your organization</p>}
      </div>

      <div className="field">
        <label htmlFor={`${id}-site`}>Sites you skip</label>
        <ul aria-label="Sites you skip">
          {settings.captureSkip.map((pattern) => (
            <li key={pattern}>
              <code>{pattern}</code>{' '}
              <button type="button" aria-label={`Stop skipping ${pattern}`} onClick={() => void saveUserSettings({ captureSkip: settings.captureSkip.filter((p) => p !== pattern) }).catch(fail)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
        <input id={`${id}-site`} value={site} placeholder="*://github.com/acme/secret/*" onChange={(e) => setSite(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && addSite()} />{' '}
        <button type="button" onClick={addSite}>
          Skip
        </button>
        <p className="muted">Match patterns. Pages they match are never captured.</p>
        {settings.captureExclude.length > 0 && (
          <p className="muted" data-testid="capture-exclude">
            {Object.hasOwn(snapshot.managed, 'captureExclude') ? 'Your organisation never captures: ' : 'Never captured (Settings): '}
            {settings.captureExclude.join(', ')}
          </p>
        )}
      </div>

      <h3>Storage</h3>
      {usage && (
        <p data-testid="search-usage">
          {usage.records.toLocaleString()} records ({usage.archivedCount.toLocaleString()} archived) in {usage.segments} index segment{usage.segments === 1 ? '' : 's'}
          {usage.usage !== null && `; Daylight uses ${mb(usage.usage)}${usage.quota ? ` of ${mb(usage.quota)} available` : ''}`}.{' '}
          {usage.persisted ? (
            'Storage is persistent: the browser will not clear it under pressure.'
          ) : (
            <button type="button" onClick={() => void requestPersistentStorage().then(() => setReload((n) => n + 1))}>
              Keep storage persistent
            </button>
          )}
        </p>
      )}
      {status.importInterrupted && (
        <p role="alert" className="error">
          {status.importInterrupted.message} ({new Date(status.importInterrupted.at).toLocaleString()})
        </p>
      )}
      {status.storageFull && (
        <p role="alert" className="error">
          {status.storageFull.message}
        </p>
      )}

      <h3>Index</h3>
      {status.building ? (
        <p role="status">
          <label htmlFor={`${id}-progress`}>Building the index: </label>
          <progress id={`${id}-progress`} max={status.building.total || 1} value={status.building.done} /> {status.building.done.toLocaleString()} of{' '}
          {status.building.total.toLocaleString()}
        </p>
      ) : (
        status.lastBuild && (
          <p className="muted">
            Last built {new Date(status.lastBuild.at).toLocaleString()}: {status.lastBuild.records.toLocaleString()} records in {(status.lastBuild.ms / 1000).toFixed(1)} s.
          </p>
        )
      )}
      <div role="group" aria-label="Search index" className="search-actions">
        <button type="button" disabled={busy} onClick={() => void exportFile().catch(fail)}>
          Export index
        </button>
        <label className="button">
          Import index{' '}
          <input type="file" accept=".json,application/json" disabled={busy} onChange={(e) => { const file = e.target.files?.[0]; e.target.value = ''; if (file) void runImport(file); }} />
        </label>
        <button type="button" disabled={busy} onClick={() => { setBusy(true); void sendToBackground('search-rebuild', {}).then((r) => setMessage(`Index rebuilt: ${r.records} records in ${(r.ms / 1000).toFixed(1)} s.`), fail).finally(() => setBusy(false)); }}>
          Rebuild index
        </button>
      </div>
      {message && <p role="status">{message}</p>}
      {problems.length > 0 && (
        <ul className="error" aria-label="Import problems">
          {problems.slice(0, 50).map((p) => (
            <li key={`${p.record}:${p.message}`}>{p.record === 0 ? p.message : `Record ${p.record}: ${p.message}`}</li>
          ))}
          {problems.length > 50 && <li>…and {problems.length - 50} more.</li>}
        </ul>
      )}

      <h3>Archived</h3>
      <p className="muted">Archived records are hidden from search results; restore them here. Nothing is deleted.</p>
      {usage && usage.archived.length === 0 && <p className="muted">Nothing archived.</p>}
      {usage && usage.archived.length > 0 && (
        <ul aria-label="Archived records" className="archived-records">
          {usage.archived.map((record) => (
            <li key={record.key}>
              {TOOL_NAMES[record.tool]}: <bdi>{record.title}</bdi>{' '}
              <button type="button" aria-label={`Restore ${record.title}`} onClick={() => void sendToBackground('search-archive', { keys: [record.key], archived: false }).then(() => setReload((n) => n + 1), fail)}>
                Restore
              </button>
            </li>
          ))}
          {usage.archivedCount > ARCHIVED_SHOWN && <li className="muted">…and {usage.archivedCount - ARCHIVED_SHOWN} older.</li>}
        </ul>
      )}
    </div>
  );
}
