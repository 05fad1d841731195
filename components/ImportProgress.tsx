import { useId } from 'react';
import { formatNumber, t } from '@/lib/i18n/t';
import type { Progress } from './importWorker';

function progressText(what: string, progress: Progress | undefined): string {
  if (!progress) return t('importReading', what);
  const { phase, done = 0, total = 0 } = progress;
  switch (phase) {
    case 'reading':
      return t('importReadingBytes', what, formatNumber(Math.round(done / 1024)), formatNumber(Math.round(total / 1024)));
    case 'checking':
      return t('importChecking', what);
    case 'comparing':
      return t('importComparing', what);
    case 'applying':
      return t('importSending', what, formatNumber(done), formatNumber(total));
    case 'storing':
      return t('importStoring', what);
    case 'users':
      return t('importReadingUsers', what, formatNumber(done), formatNumber(total));
  }
}

/**
 * Where a reading, check or apply is, with Cancel while cancelling still loses nothing (not once
 * the background is storing the directory: that single transaction either completes or not).
 */
export function ImportProgress({ what, progress, onCancel }: { what: string; progress?: Progress; onCancel?: () => void }) {
  const id = useId();
  const determinate = progress?.total !== undefined && progress.done !== undefined && progress.total > 0;
  return (
    <div className="import-progress" role="status" data-testid="import-progress">
      <label htmlFor={id}>
        <bdi>{progressText(what, progress)}</bdi>
      </label>
      {determinate ? <progress id={id} value={progress.done} max={progress.total} /> : <progress id={id} />}
      {onCancel && progress?.phase !== 'storing' && (
        <button type="button" onClick={onCancel} aria-label={t('importCancelLabel', what)}>
          {t('importCancel')}
        </button>
      )}
    </div>
  );
}
