import type { RowError } from '@/lib/people/import-result';
import { describeRowError, plural } from './PeopleModel';

/** A refused import: every bad row, by line, and the promise that nothing changed. */
export function ImportErrors({ source, errors, onDismiss }: { source: string; errors: readonly RowError[]; onDismiss: () => void }) {
  return (
    <div role="alert" className="import-errors" data-testid="import-errors">
      <h4>
        {plural(errors.length, 'problem')} in <bdi>{source}</bdi>: nothing was imported
      </h4>
      <p className="muted small">The directory is unchanged. Fix every row below and import the file again.</p>
      <ul>
        {errors.map((error, i) => (
          <li key={i} data-line={error.line}>
            <bdi>{describeRowError(error)}</bdi>
          </li>
        ))}
      </ul>
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
