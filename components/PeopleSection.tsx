import { useCallback, useMemo, useState } from 'react';
import { openDatabase, type StoredPerson } from '@/lib/db';
import { t, tn } from '@/lib/i18n/t';
import { sendToBackground } from '@/lib/messaging';
import { findConflicts } from '@/lib/people/conflicts';
import { loadPeopleByChunk, publicPerson } from '@/lib/people/directory-store';
import type { Person } from '@/lib/people/schema';
import type { SettingsSnapshot } from '@/lib/settings';
import { ConflictList } from './ConflictList';
import { DirectorySyncPanel } from './DirectorySyncPanel';
import { ImportHistory, summariseImport } from './ImportHistory';
import { ImportPanel } from './ImportPanel';
import { PeopleEditor } from './PeopleEditor';
import { PeopleExport } from './PeopleExport';
import { shortText } from './PeopleModel';
import { PeopleTable } from './PeopleTable';
import { useAsync } from './useAsync';
import './people.css';

/** How many past imports the history shows. */
const HISTORY_LIMIT = 20;

/** The page reads the database directly (read only); every write goes through the background. */
async function readPeople() {
  const db = openDatabase();
  try {
    const [people, imports] = await Promise.all([loadPeopleByChunk(db), db.imports.orderBy('at').reverse().limit(HISTORY_LIMIT).toArray()]);
    return { people, imports: imports.map(summariseImport) };
  } finally {
    db.close();
  }
}

/**
 * The options page's People section: import (with preview and undo), the organisation's directory
 * sync, the people table with edit, archive and restore, and export.
 */
export function PeopleSection({ settings }: { settings: SettingsSnapshot | undefined }) {
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const data = useAsync(readPeople, [version]);
  const [editing, setEditing] = useState<{ person: Person | null } | null>(null);
  const [writing, setWriting] = useState(false);
  const [notice, setNotice] = useState<{ text: string; error: boolean }>();

  const people = useMemo<StoredPerson[]>(() => (data.status === 'ready' ? data.value.people : []), [data]);
  const active = useMemo(() => people.filter((p) => p.archivedAt === undefined), [people]);
  const conflicts = useMemo(() => findConflicts(active), [active]);
  const takenIds = useMemo(() => new Set(people.map((p) => p.id)), [people]);

  const archive = async (person: StoredPerson, archived: boolean) => {
    setWriting(true);
    setNotice(undefined);
    try {
      await sendToBackground('person-archive', { id: person.id, archived });
      setNotice({ text: t(archived ? 'personArchived' : 'personRestored', shortText(person.name)), error: false });
      reload();
    } catch (error) {
      setNotice({ text: t(archived ? 'personArchiveFailed' : 'personRestoreFailed', shortText(person.name), error instanceof Error ? error.message : String(error)), error: true });
    } finally {
      setWriting(false);
    }
  };

  const save = async (person: Person) => {
    await sendToBackground('person-save', { person });
    setNotice({ text: t('personSaved', shortText(person.name)), error: false });
    reload();
  };

  if (data.status === 'failed') {
    return (
      <p role="alert" className="error">
        {t('directoryReadFailed', data.error)}
      </p>
    );
  }
  if (data.status === 'loading') return <p className="muted">{t('loadingDirectory')}</p>;

  return (
    <div className="people">
      <p className="muted" data-testid="people-count">
        {tn('peopleInDirectory', active.length)}
      </p>
      <ImportPanel onChanged={reload} />
      <ImportHistory imports={data.value.imports} onChanged={reload} />
      <DirectorySyncPanel settings={settings} onSynced={reload} />

      <h3>{t('directoryHeading')}</h3>
      {conflicts.length > 0 && (
        <details className="conflicts" data-testid="directory-conflicts">
          <summary>{t('conflictsInDirectory', tn('conflictCount', conflicts.length))}</summary>
          <ConflictList conflicts={conflicts} limit={200} />
        </details>
      )}
      <div className="people-actions">
        <button type="button" onClick={() => setEditing({ person: null })}>
          {t('addPerson')}
        </button>
        <PeopleExport people={people} />
      </div>
      {notice && (
        <p role={notice.error ? 'alert' : 'status'} className={notice.error ? 'error' : 'ok'}>
          <bdi>{notice.text}</bdi>
        </p>
      )}
      <PeopleTable
        people={people}
        conflicts={conflicts}
        busy={writing}
        onEdit={(person) => setEditing({ person: publicPerson(person) })}
        onArchive={(person, archived) => void archive(person, archived)}
      />
      {editing && <PeopleEditor person={editing.person} takenIds={takenIds} onSave={save} onClose={() => setEditing(null)} />}
    </div>
  );
}
