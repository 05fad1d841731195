import { formatDateTime, formatList, formatNumber, t, tn, uiLanguage } from '@/lib/i18n/t';
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

const mb = (bytes: number) => new Intl.NumberFormat(uiLanguage(), { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(bytes / 1024 / 1024);
const seconds = (ms: number) => formatNumber(Number((ms / 1000).toFixed(1)));

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

  if (!snapshot) return <p className="muted">{t('loading')}</p>;
  const settings = snapshot.effective;
  const pausedLocked = Object.hasOwn(snapshot.managed, 'capturePaused');
  const fail = (error: unknown) => setMessage(error instanceof Error ? error.message : String(error));

  const addSite = () => {
    const pattern = site.trim();
    if (patternTest(pattern) === null) return setMessage(t('notAPattern', pattern, '*://github.com/acme/secret/*'));
    setMessage(undefined);
    void saveUserSettings({ captureSkip: [...new Set([...settings.captureSkip, pattern])] }).then(() => setSite(''), fail);
  };

  const runImport = async (file: File) => {
    setProblems([]);
    setMessage(undefined);
    const parsed = parseSearchExport(await file.text(), settings.selfHosted);
    if (!parsed.ok) {
      setProblems(parsed.problems);
      setMessage(t('notImported', file.name));
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
      setMessage(t('importedRecords', formatNumber(parsed.records.length), file.name, formatNumber(added), formatNumber(updated), seconds(built.ms)));
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
          {t('pausedCapture')}
        </label>
        <p className="muted">
          {t('pausedHelp')}
        </p>
        {pausedLocked && <p className="locked">{t('setByOrg')}</p>}
      </div>

      <div className="field">
        <label htmlFor={`${id}-site`}>{t('sitesYouSkip')}</label>
        <ul aria-label={t('sitesYouSkip')}>
          {settings.captureSkip.map((pattern) => (
            <li key={pattern}>
              <code>{pattern}</code>{' '}
              <button type="button" aria-label={t('stopSkipping', pattern)} onClick={() => void saveUserSettings({ captureSkip: settings.captureSkip.filter((p) => p !== pattern) }).catch(fail)}>
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
        <input id={`${id}-site`} value={site} placeholder="*://github.com/acme/secret/*" onChange={(e) => setSite(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && addSite()} />{' '}
        <button type="button" onClick={addSite}>
          {t('skip')}
        </button>
        <p className="muted">{t('matchPatternsHelp')}</p>
        {settings.captureExclude.length > 0 && (
          <p className="muted" data-testid="capture-exclude">
            {t(Object.hasOwn(snapshot.managed, 'captureExclude') ? 'orgNeverCaptures' : 'settingsNeverCaptures', formatList(settings.captureExclude, 'unit'))}
          </p>
        )}
      </div>

      <h3>{t('storage')}</h3>
      {usage && (
        <p data-testid="search-usage">
          {tn('indexUsage', usage.segments, formatNumber(usage.records), formatNumber(usage.archivedCount))}
          {usage.usage !== null && (usage.quota ? t('usesOf', mb(usage.usage), mb(usage.quota)) : t('uses', mb(usage.usage)))}
          {t('sentenceEnd')}{' '}
          {usage.persisted ? (
            t('storagePersistent')
          ) : (
            <button type="button" onClick={() => void requestPersistentStorage().then(() => setReload((n) => n + 1))}>
              {t('keepPersistent')}
            </button>
          )}
        </p>
      )}
      {status.importInterrupted && (
        <p role="alert" className="error">
          <bdi>{status.importInterrupted.message}</bdi> ({formatDateTime(status.importInterrupted.at)})
        </p>
      )}
      {status.storageFull && (
        <p role="alert" className="error">
          {status.storageFull.message}
        </p>
      )}

      <h3>{t('indexHeading')}</h3>
      {status.building ? (
        <p role="status">
          <label htmlFor={`${id}-progress`}>{t('buildingIndex')} </label>
          <progress id={`${id}-progress`} max={status.building.total || 1} value={status.building.done} />{' '}
          {t('doneOf', formatNumber(status.building.done), formatNumber(status.building.total))}
        </p>
      ) : (
        status.lastBuild && (
          <p className="muted">
            {t('lastBuilt', formatDateTime(status.lastBuild.at), formatNumber(status.lastBuild.records), seconds(status.lastBuild.ms))}
          </p>
        )
      )}
      <div role="group" aria-label={t('searchIndexLabel')} className="search-actions">
        <button type="button" disabled={busy} onClick={() => void exportFile().catch(fail)}>
          {t('exportIndex')}
        </button>
        <label className="button">
          {t('importIndex')}{' '}
          <input type="file" accept=".json,application/json" disabled={busy} onChange={(e) => { const file = e.target.files?.[0]; e.target.value = ''; if (file) void runImport(file); }} />
        </label>
        <button type="button" disabled={busy} onClick={() => { setBusy(true); void sendToBackground('search-rebuild', {}).then((r) => setMessage(t('indexRebuilt', formatNumber(r.records), seconds(r.ms))), fail).finally(() => setBusy(false)); }}>
          {t('rebuildIndex')}
        </button>
      </div>
      {message && <p role="status">{message}</p>}
      {problems.length > 0 && (
        <ul className="error" aria-label={t('importProblems')}>
          {problems.slice(0, 50).map((p) => (
            <li key={`${p.record}:${p.message}`}>{p.record === 0 ? p.message : t('recordProblem', formatNumber(p.record), p.message)}</li>
          ))}
          {problems.length > 50 && <li>{t('andMore', formatNumber(problems.length - 50))}</li>}
        </ul>
      )}

      <h3>{t('archivedHeading')}</h3>
      <p className="muted">{t('archivedHelp')}</p>
      {usage && usage.archived.length === 0 && <p className="muted">{t('nothingArchived')}</p>}
      {usage && usage.archived.length > 0 && (
        <ul aria-label={t('archivedRecords')} className="archived-records">
          {usage.archived.map((record) => (
            <li key={record.key}>
              {TOOL_NAMES[record.tool]}: <bdi>{record.title}</bdi>{' '}
              <button type="button" aria-label={t('restoreLabel', record.title)} onClick={() => void sendToBackground('search-archive', { keys: [record.key], archived: false }).then(() => setReload((n) => n + 1), fail)}>
                {t('restore')}
              </button>
            </li>
          ))}
          {usage.archivedCount > ARCHIVED_SHOWN && <li className="muted">{t('andOlder', formatNumber(usage.archivedCount - ARCHIVED_SHOWN))}</li>}
        </ul>
      )}
    </div>
  );
}
