import { useState } from 'react';
import { formatNumber, t } from '@/lib/i18n/t';
import { sendToBackground, type Response } from '@/lib/messaging';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** What an applied import did, with Undo (once). */
export function ImportApplied({ source, change, onChanged }: { source: string; change: Response<'directory-replace'>; onChanged: () => void }) {
  const [undo, setUndo] = useState<Response<'directory-undo'>>();
  const [undoing, setUndoing] = useState(false);
  const [error, setError] = useState<string>();

  const run = async () => {
    setUndoing(true);
    setError(undefined);
    try {
      setUndo(await sendToBackground('directory-undo', { importId: change.importId }));
      onChanged();
    } catch (problem) {
      setError(message(problem));
    } finally {
      setUndoing(false);
    }
  };

  return (
    <div className="import-status" role="status" data-testid="import-status">
      {undo ? (
        <bdi>{t('importUndone', source, formatNumber(undo.restored), formatNumber(undo.archived))}</bdi>
      ) : (
        <>
          <bdi>{t('importDone', source, formatNumber(change.added), formatNumber(change.changed), formatNumber(change.archived))}</bdi>{' '}
          <button type="button" onClick={() => void run()} disabled={undoing}>
            {t('importUndo')}
          </button>
        </>
      )}
      {error && (
        <span role="alert" className="error">
          {' '}
          {t('importUndoFailed', error)}
        </span>
      )}
    </div>
  );
}
