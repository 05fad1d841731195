import { useEffect, useState } from 'react';
import { formatNumber, t } from '@/lib/i18n/t';
import { sendToBackground } from '@/lib/messaging';
import { importOutcomeItem, readImportOutcome, type ImportOutcome } from '@/lib/people/import-outcome';

/**
 * On reopening Options: how the last import ended while Options was closed (lib/people/import-outcome.ts).
 * Either nothing of it was stored, or all of it; never part.
 */
export function ImportOutcomeNotice() {
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  useEffect(() => {
    // Asked of the background, which wakes and marks an import it was stopped in before answering.
    sendToBackground('directory-import-outcome', {}).then(
      ({ outcome: answer }) => setOutcome(answer),
      () => void readImportOutcome().then(setOutcome),
    );
    return importOutcomeItem().watch(() => void readImportOutcome().then(setOutcome));
  }, []);
  if (!outcome) return null;
  if (outcome.state === 'under-way') {
    return (
      <p className="muted" role="status" data-testid="import-outcome" data-state="under-way">
        <bdi>{t('importUnderWay', outcome.source)}</bdi>
      </p>
    );
  }
  const when = new Date(outcome.at).toLocaleString();
  const text =
    outcome.state === 'interrupted'
      ? t('importInterrupted', outcome.source, when)
      : t('importAppliedWhileClosed', outcome.source, when, formatNumber(outcome.change?.added ?? 0), formatNumber(outcome.change?.changed ?? 0), formatNumber(outcome.change?.archived ?? 0));
  return (
    <div className={outcome.state === 'interrupted' ? 'import-errors' : 'import-status'} role="status" data-testid="import-outcome" data-state={outcome.state}>
      <bdi>{text}</bdi>{' '}
      <button type="button" onClick={() => void importOutcomeItem().setValue(null)}>
        {t('importDismiss')}
      </button>
    </div>
  );
}
