import { useId } from 'react';
import { formatNumber, t, tn } from '@/lib/i18n/t';
import type { Listed, PreviewSummary } from '@/lib/people/import-protocol';
import type { Person } from '@/lib/people/schema';
import { ConflictList } from './ConflictList';
import { handleKeyLabel } from './PeopleModel';

export interface ImportPreviewProps {
  source: string;
  summary: PreviewSummary;
  applying: boolean;
  onApply: () => void;
  onCancel: () => void;
}

function fieldLabel(field: string): string {
  if (field.startsWith('handles.')) return t('importFieldHandles', handleKeyLabel(field.slice('handles.'.length)));
  return field === 'email' ? t('importFieldEmail') : field;
}

function PersonLabel({ person }: { person: Person }) {
  return (
    <>
      <bdi className="clip-inline">{person.name}</bdi> <span className="muted">(<bdi>{person.id}</bdi>)</span>
    </>
  );
}

/** "…and 199,800 more": the counts stay exact, the lists show their first entries (import-protocol.ts's LIST_LIMIT). */
function More({ list }: { list: Listed<unknown> }) {
  const rest = list.total - list.first.length;
  return rest > 0 ? <li className="muted">{tn('importMore', rest)}</li> : null;
}

function PeopleList({ title, list, kind }: { title: string; list: Listed<Person>; kind: string }) {
  if (list.total === 0) return null;
  return (
    <details data-list={kind} open={list.total <= 20}>
      <summary>{title}</summary>
      <ul>
        {list.first.map((person) => (
          <li key={person.id}>
            <PersonLabel person={person} />
          </li>
        ))}
        <More list={list} />
      </ul>
    </details>
  );
}

/**
 * What an import would do, before anything is written: how many people are added, changed (and
 * which fields), archived and restored, and the conflicts the resulting directory would have.
 */
export function ImportPreview({ source, summary, applying, onApply, onCancel }: ImportPreviewProps) {
  const headingId = useId();
  const { added, changed, archived, restored, conflicts, warnings } = summary;
  const nothing = added.total + changed.total + archived.total + restored.total === 0;
  return (
    <div role="region" className="import-preview" aria-labelledby={headingId} data-testid="import-preview">
      <h4 id={headingId}>
        <bdi>{tn('importPreviewTitle', summary.count, source)}</bdi>
      </h4>
      <ul className="import-counts" data-testid="import-counts">
        <li data-count="added">{t('importCountAdded', formatNumber(added.total))}</li>
        <li data-count="changed">{t('importCountChanged', formatNumber(changed.total))}</li>
        <li data-count="archived">{t('importCountArchived', formatNumber(archived.total))}</li>
        <li data-count="restored">{t('importCountRestored', formatNumber(restored.total))}</li>
        <li data-count="unchanged">{t('importCountUnchanged', formatNumber(summary.unchanged))}</li>
      </ul>
      {warnings.total > 0 && (
        <ul className="warnings">
          {warnings.first.map((warning, i) => (
            <li key={i}>
              <bdi>{warning}</bdi>
            </li>
          ))}
          <More list={warnings} />
        </ul>
      )}
      <PeopleList title={t('importListAdded', formatNumber(added.total))} list={added} kind="added" />
      {changed.total > 0 && (
        <details data-list="changed" open={changed.total <= 20}>
          <summary>{t('importListChanged', formatNumber(changed.total))}</summary>
          <ul>
            {changed.first.map((change) => (
              <li key={change.after.id}>
                <PersonLabel person={change.after} />: <span className="changed-fields">{change.fields.map(fieldLabel).join(', ')}</span>
              </li>
            ))}
            <More list={changed} />
          </ul>
        </details>
      )}
      <PeopleList title={t('importListArchived', formatNumber(archived.total))} list={archived} kind="archived" />
      <PeopleList title={t('importListRestored', formatNumber(restored.total))} list={restored} kind="restored" />
      {conflicts.total > 0 ? (
        <div className="conflicts" data-testid="import-conflicts">
          <h5>{tn('importConflicts', conflicts.total)}</h5>
          <p className="muted small">{t('importConflictsHelp')}</p>
          <ConflictList conflicts={conflicts.first} limit={conflicts.first.length} />
        </div>
      ) : (
        <p className="ok small">{t('importNoConflicts')}</p>
      )}
      {nothing && <p className="muted">{t('importNothingChanges')}</p>}
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onApply} disabled={applying || nothing}>
          {applying ? t('importApplying') : t('importApply')}
        </button>
        <button type="button" onClick={onCancel} disabled={applying}>
          {t('importCancel')}
        </button>
      </div>
    </div>
  );
}
