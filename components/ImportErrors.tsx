import { useEffect, useId, useState } from 'react';
import { ERROR_PAGE } from '@/lib/people/import-protocol';
import type { RowError } from '@/lib/people/import-result';
import { formatNumber, t, tn } from '@/lib/i18n/t';

export interface ImportErrorsProps {
  source: string;
  /** How many errors there are in all. */
  total: number;
  /** The first page of them. */
  first: readonly RowError[];
  /** Another page (the import worker holds the rest); absent when `first` is all there is. */
  page?: (from: number, count: number) => Promise<RowError[]>;
  onDismiss: () => void;
}

function describe(error: RowError): string {
  if (error.line > 0 && error.field) return t('importErrorLineField', formatNumber(error.line), error.field, error.message);
  if (error.line > 0) return t('importErrorLine', formatNumber(error.line), error.message);
  return error.field ? t('importErrorField', error.field, error.message) : error.message;
}

/**
 * A refused import: every bad row, by line, a page of ERROR_PAGE at a time (200,000 bad rows are
 * 2,000 pages, fetched from the worker as they are shown), and the promise that nothing changed.
 */
export function ImportErrors({ source, total, first, page, onDismiss }: ImportErrorsProps) {
  const ids = useId();
  const [from, setFrom] = useState(0);
  const [shown, setShown] = useState<{ from: number; errors: readonly RowError[] }>({ from: 0, errors: first });
  const [problem, setProblem] = useState<string>();
  const pages = Math.max(1, Math.ceil(total / ERROR_PAGE));

  useEffect(() => {
    if (from === shown.from || !page) return;
    let live = true;
    page(from, ERROR_PAGE).then(
      (errors) => live && setShown({ from, errors }),
      (error: unknown) => live && setProblem(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      live = false;
    };
  }, [from, page, shown.from]);

  const go = (to: number) => setFrom(Math.min(Math.max(0, to), (pages - 1) * ERROR_PAGE));
  const last = Math.min(total, shown.from + shown.errors.length);
  return (
    <div role="alert" className="import-errors" data-testid="import-errors" aria-labelledby={`${ids}-title`}>
      <h4 id={`${ids}-title`}>
        <bdi>{tn('importProblems', total, source)}</bdi>
      </h4>
      <p className="muted small">{t('importUnchanged')}</p>
      <ul aria-busy={from !== shown.from}>
        {shown.errors.map((error, i) => (
          <li key={shown.from + i} data-line={error.line}>
            <bdi>{describe(error)}</bdi>
          </li>
        ))}
      </ul>
      {problem && <p className="error">{problem}</p>}
      {pages > 1 && (
        <nav className="error-pages" aria-label={t('importErrorPages')}>
          <button type="button" onClick={() => go(from - ERROR_PAGE)} disabled={from === 0}>
            {t('importErrorsPrevious')}
          </button>
          <span role="status" data-testid="import-errors-shown">
            {t('importErrorsShown', formatNumber(shown.from + 1), formatNumber(last), formatNumber(total))}
          </span>
          <button type="button" onClick={() => go(from + ERROR_PAGE)} disabled={from + ERROR_PAGE >= total}>
            {t('importErrorsNext')}
          </button>
        </nav>
      )}
      <button type="button" onClick={onDismiss}>
        {t('importDismiss')}
      </button>
    </div>
  );
}
