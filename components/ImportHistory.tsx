import { useState } from 'react';
import type { ImportRecord } from '@/lib/db';
import { sendToBackground } from '@/lib/messaging';
import { formatDateTime, formatNumber, t, tn } from '@/lib/i18n/t';
import { Message } from './Message';
import { shortText } from './PeopleModel';

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
  return <time dateTime={new Date(at).toISOString()}>{formatDateTime(at)}</time>;
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
      setDone(t('importHistoryUndid', shortText(record.source), formatNumber(result.restored), formatNumber(result.archived)));
      onChanged();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setWorking(undefined);
    }
  };

  return (
    <div className="import-history">
      <h3>{t('importHistoryTitle')}</h3>
      {imports.length === 0 ? (
        <p className="muted">{t('importHistoryEmpty')}</p>
      ) : (
        <ol aria-label={t('importHistoryTitle')} data-testid="import-history">
          {imports.map((record) => (
            <li key={record.id} data-import={record.id} data-undone={record.undoneAt === undefined ? 'false' : 'true'}>
              <Message
                id="importHistoryEntry"
                values={[
                  <When key="at" at={record.at} />,
                  <bdi key="source" title={shortText(record.source, 2048)}>
                    {shortText(record.source, 100)}
                  </bdi>,
                  tn('importHistoryCounts', record.touched, formatNumber(record.added)),
                ]}
              />{' '}
              {record.undoneAt === undefined ? (
                <button
                  type="button"
                  aria-label={t('importHistoryUndoLabel', shortText(record.source), formatDateTime(record.at))}
                  disabled={working !== undefined}
                  onClick={() => void undo(record)}
                >
                  {working === record.id ? t('importHistoryUndoing') : t('importHistoryUndo')}
                </button>
              ) : (
                <span className="muted">
                  <Message id="importHistoryUndone" values={[<When key="at" at={record.undoneAt} />]} />
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
          <Message id="importHistoryUndoFailed" values={[<bdi key="problem">{problem}</bdi>]} />
        </p>
      )}
    </div>
  );
}
