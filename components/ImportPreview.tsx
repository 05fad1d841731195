import { useId } from 'react';
import type { Conflict } from '@/lib/people/conflicts';
import type { DirectoryDiff } from '@/lib/people/diff';
import type { Person } from '@/lib/people/schema';
import { ConflictList } from './ConflictList';
import { handleKeyLabel, plural } from './PeopleModel';

/** Long lists are cut in the preview (the counts stay exact) so a 50,000-person import previews quickly. */
const LIST_LIMIT = 200;

export interface ImportPreviewProps {
  source: string;
  count: number;
  diff: DirectoryDiff;
  conflicts: readonly Conflict[];
  warnings: readonly string[];
  applying: boolean;
  onApply: () => void;
  onCancel: () => void;
}

function fieldLabel(field: string): string {
  if (field.startsWith('handles.')) return `${handleKeyLabel(field.slice('handles.'.length))} handles`;
  return field === 'email' ? 'e-mail' : field;
}

function PersonLabel({ person }: { person: Person }) {
  return (
    <>
      <bdi className="clip-inline">{person.name}</bdi> <span className="muted">(<bdi>{person.id}</bdi>)</span>
    </>
  );
}

function More({ total }: { total: number }) {
  return total > LIST_LIMIT ? <li className="muted">…and {(total - LIST_LIMIT).toLocaleString('en')} more</li> : null;
}

function PeopleList({ title, people, kind }: { title: string; people: readonly Person[]; kind: string }) {
  if (people.length === 0) return null;
  return (
    <details data-list={kind} open={people.length <= 20}>
      <summary>{title}</summary>
      <ul>
        {people.slice(0, LIST_LIMIT).map((person) => (
          <li key={person.id}>
            <PersonLabel person={person} />
          </li>
        ))}
        <More total={people.length} />
      </ul>
    </details>
  );
}

/**
 * What an import would do, before anything is written: how many people are added, changed (and
 * which fields), archived and restored, and the conflicts the resulting directory would have.
 */
export function ImportPreview({ source, count, diff, conflicts, warnings, applying, onApply, onCancel }: ImportPreviewProps) {
  const headingId = useId();
  const nothing = diff.added.length + diff.changed.length + diff.archived.length + diff.restored.length === 0;
  return (
    <div role="region" className="import-preview" aria-labelledby={headingId} data-testid="import-preview">
      <h4 id={headingId}>
        Preview: <bdi>{source}</bdi> ({plural(count, 'person', 'people')})
      </h4>
      <ul className="import-counts" data-testid="import-counts">
        <li data-count="added">{diff.added.length.toLocaleString('en')} added</li>
        <li data-count="changed">{diff.changed.length.toLocaleString('en')} changed</li>
        <li data-count="archived">{diff.archived.length.toLocaleString('en')} archived</li>
        <li data-count="restored">{diff.restored.length.toLocaleString('en')} restored</li>
        <li data-count="unchanged">{diff.unchanged.toLocaleString('en')} unchanged</li>
      </ul>
      {warnings.length > 0 && (
        <ul className="warnings">
          {warnings.map((warning, i) => (
            <li key={i}>
              <bdi>{warning}</bdi>
            </li>
          ))}
        </ul>
      )}
      <PeopleList title={`Added (${diff.added.length.toLocaleString('en')})`} people={diff.added} kind="added" />
      {diff.changed.length > 0 && (
        <details data-list="changed" open={diff.changed.length <= 20}>
          <summary>Changed ({diff.changed.length.toLocaleString('en')})</summary>
          <ul>
            {diff.changed.slice(0, LIST_LIMIT).map((change) => (
              <li key={change.after.id}>
                <PersonLabel person={change.after} />: <span className="changed-fields">{change.fields.map(fieldLabel).join(', ')}</span>
              </li>
            ))}
            <More total={diff.changed.length} />
          </ul>
        </details>
      )}
      <PeopleList title={`Archived (${diff.archived.length.toLocaleString('en')}): no longer in the directory`} people={diff.archived} kind="archived" />
      <PeopleList title={`Restored (${diff.restored.length.toLocaleString('en')})`} people={diff.restored} kind="restored" />
      {conflicts.length > 0 ? (
        <div className="conflicts" data-testid="import-conflicts">
          <h5>{plural(conflicts.length, 'conflict')} in the resulting directory</h5>
          <p className="muted small">They can be imported, but mentions of these handles may resolve to the wrong person. Fix them in the source.</p>
          <ConflictList conflicts={conflicts} limit={LIST_LIMIT} />
        </div>
      ) : (
        <p className="ok small">No conflicts in the resulting directory.</p>
      )}
      {nothing && <p className="muted">Nothing would change: the directory already matches.</p>}
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onApply} disabled={applying || nothing}>
          {applying ? 'Applying…' : 'Apply'}
        </button>
        <button type="button" onClick={onCancel} disabled={applying}>
          Cancel
        </button>
      </div>
    </div>
  );
}
