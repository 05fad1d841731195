import { useState } from 'react';
import type { ImportRecord } from '@/lib/db';
import { sendToBackground } from '@/lib/messaging';
import { plural, shortText } from './PeopleModel';

/** One import as the history shows it: no copies of the people it touched, just what it did. */
export interface ImportSummary {
  id: string;
  at: number;
  source: string;
  added: number;
  /** People it changed, archived or restored (their previous state is kept for undo). */
  touched: number;
  undoneAt?: number;
}

export function summariseImport(record: ImportRecord): ImportSummary {
  return {
    id: record.id,
    at: record.at,
    source: record.source,
    added: record.addedIds.length,
    touched: record.before.length,
    ...(record.undoneAt === undefined ? {} : { undoneAt: record.undoneAt }),
  };
}

function When({ at }: { at: number }) {
  return <time dateTime={new Date(at).toISOString()}>{new Date(at).toLocaleString()}</time>;
}

/** Past imports, newest first, each undoable until it has been undone. */
export function ImportHistory({ imports, onChanged }: { imports: readonly ImportSummary[]; onChanged: () => void }) {
  const [working, setWorking] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [done, setDone] = useState<string>();

  const undo = async (record: ImportSummary) => {
    setWorking(record.id);
    setProblem(undefined);
    setDone(undefined);
    try {
      const result = await sendToBackground('directory-undo', { importId: record.id });
      setDone(`Undid the import of ${shortText(record.source)}: ${result.restored.toLocaleString('en')} restored, ${result.archived.toLocaleString('en')} archived.`);
      onChanged();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setWorking(undefined);
    }
  };

  return (
    <div className="import-history">
      <h3>Import history</h3>
      {imports.length === 0 ? (
        <p className="muted">No imports yet.</p>
      ) : (
        <ol aria-label="Import history" data-testid="import-history">
          {imports.map((record) => (
            <li key={record.id} data-import={record.id} data-undone={record.undoneAt === undefined ? 'false' : 'true'}>
              <When at={record.at} />: <bdi title={shortText(record.source, 2048)}>{shortText(record.source, 100)}</bdi>, {record.added.toLocaleString('en')} added,{' '}
              {plural(record.touched, 'person', 'people')} changed, archived or restored.{' '}
              {record.undoneAt === undefined ? (
                <button
                  type="button"
                  aria-label={`Undo the import of ${shortText(record.source)} from ${new Date(record.at).toLocaleString()}`}
                  disabled={working !== undefined}
                  onClick={() => void undo(record)}
                >
                  {working === record.id ? 'Undoing…' : 'Undo'}
                </button>
              ) : (
                <span className="muted">
                  Undone <When at={record.undoneAt} />.
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
      {done && (
        <p role="status" className="ok">
          <bdi>{done}</bdi>
        </p>
      )}
      {problem && (
        <p role="alert" className="error">
          Could not undo: {problem}
        </p>
      )}
    </div>
  );
}
