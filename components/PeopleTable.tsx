import { useDeferredValue, useId, useMemo, useState } from 'react';
import type { StoredPerson } from '@/lib/db';
import type { Conflict } from '@/lib/people/conflicts';
import { TOOL_IDS, TOOL_NAMES } from '@/lib/tools/tool-ids';
import { formatNumber, t, tn, uiLanguage } from '@/lib/i18n/t';
import { localNow } from '@/lib/people/working-time';
import { haystackOf, shortText, sortOrder, toolHandles, type SortDirection, type SortKey } from './PeopleModel';
import { VirtualTable, type VirtualColumn } from './VirtualTable';

export interface PeopleTableProps {
  /** Everyone stored, archived included. */
  people: readonly StoredPerson[];
  /** Conflicts among the active people. */
  conflicts: readonly Conflict[];
  onEdit: (person: StoredPerson) => void;
  onArchive: (person: StoredPerson, archived: boolean) => void;
  /** Disables the row actions while a write is in flight. */
  busy?: boolean;
}

interface Entry {
  person: StoredPerson;
  haystack: string;
}

const ROW_HEIGHT = 48;
const TABLE_HEIGHT = 560;

/**
 * The directory as a searchable, sortable, virtualised table. Search, filters and sorting work on
 * precomputed lower-cased text and cached orders, so typing stays responsive over 50,000 people;
 * names and handles render as text nodes only (isolated with <bdi>, clipped by CSS).
 */
export function PeopleTable({ people, conflicts, onEdit, onArchive, busy = false }: PeopleTableProps) {
  const searchId = useId();
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection }>({ key: 'name', direction: 'ascending' });
  const [conflictsOnly, setConflictsOnly] = useState(false);
  const [showArchived, setShowArchived] = useState(false);
  const deferredQuery = useDeferredValue(query.trim().toLowerCase());

  const entries = useMemo<Entry[]>(() => people.map((person) => ({ person, haystack: haystackOf(person) })), [people]);
  // Orders are cached per column and direction until the people change.
  const orderOf = useMemo(() => orderCache(people), [people]);
  const order = useMemo(() => orderOf(sort.key, sort.direction), [orderOf, sort]);

  const conflictsById = useMemo(() => {
    const byId = new Map<string, Conflict[]>();
    for (const conflict of conflicts) {
      for (const id of conflict.personIds) byId.set(id, [...(byId.get(id) ?? []), conflict]);
    }
    return byId;
  }, [conflicts]);

  const rows = useMemo(() => {
    const result: StoredPerson[] = [];
    for (const index of order) {
      const entry = entries[index] as Entry;
      if (!showArchived && entry.person.archivedAt !== undefined) continue;
      if (conflictsOnly && !conflictsById.has(entry.person.id)) continue;
      if (deferredQuery !== '' && !entry.haystack.includes(deferredQuery)) continue;
      result.push(entry.person);
    }
    return result;
  }, [order, entries, showArchived, conflictsOnly, conflictsById, deferredQuery]);

  const sortBy = (key: SortKey) =>
    setSort((current) => ({ key, direction: current.key === key && current.direction === 'ascending' ? 'descending' : 'ascending' }));
  const sortState = (key: SortKey) => (sort.key === key ? sort.direction : 'none');

  const columns: VirtualColumn<StoredPerson>[] = [
    {
      key: 'name',
      header: t('fieldName'),
      width: 240,
      sticky: 'left',
      sort: sortState('name'),
      onSort: () => sortBy('name'),
      cell: (person) => {
        const problems = conflictsById.get(person.id);
        return (
          <div className="person-name">
            <bdi className="clip" title={shortText(person.name, 300)}>
              {person.name}
            </bdi>
            <span className="clip muted small">
              {person.archivedAt !== undefined && <span className="badge">{t('archivedBadge')}</span>}
              {problems && (
                <span className="badge conflict" title={problems.map((c) => c.message).join('\n')}>
                  {tn('conflictCount', problems.length)}
                </span>
              )}{' '}
              {person.title && <bdi>{person.title}</bdi>}
            </span>
          </div>
        );
      },
    },
    { key: 'team', header: t('fieldTeam'), width: 120, sort: sortState('team'), onSort: () => sortBy('team'), cell: (person) => <Clipped text={person.team} /> },
    { key: 'local', header: t('colLocalTime'), width: 170, cell: (person) => <LocalTime person={person} /> },
    { key: 'email', header: t('fieldEmail'), width: 200, sort: sortState('email'), onSort: () => sortBy('email'), cell: (person) => <Clipped text={person.email} /> },
    ...TOOL_IDS.map<VirtualColumn<StoredPerson>>((tool) => ({
      key: tool,
      header: TOOL_NAMES[tool],
      width: 120,
      sort: sortState(tool),
      onSort: () => sortBy(tool),
      cell: (person) => <Clipped text={toolHandles(person, tool).join(', ')} />,
    })),
    {
      key: 'actions',
      header: t('colActions'),
      width: 160,
      sticky: 'right',
      cell: (person) => {
        const name = shortText(person.name);
        const archived = person.archivedAt !== undefined;
        return (
          <div className="row-actions">
            <button type="button" data-col="0" aria-label={t('editLabel', name)} onClick={() => onEdit(person)} disabled={busy}>
              {t('edit')}
            </button>
            <button type="button" data-col="1" aria-label={t(archived ? 'restoreLabel' : 'archiveLabel', name)} onClick={() => onArchive(person, !archived)} disabled={busy}>
              {archived ? t('restore') : t('archive')}
            </button>
          </div>
        );
      },
    },
  ];

  const activeCount = useMemo(() => people.filter((p) => p.archivedAt === undefined).length, [people]);
  const archivedCount = people.length - activeCount;

  return (
    <div className="people-table">
      <div className="table-tools" role="group" aria-label={t('findPeople')}>
        <label htmlFor={searchId}>{t('searchPeople')}</label>
        <input
          id={searchId}
          type="search"
          value={query}
          placeholder={t('searchPeoplePlaceholder')}
          onChange={(e) => setQuery(e.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
        <label className="check">
          <input type="checkbox" checked={conflictsOnly} onChange={(e) => setConflictsOnly(e.target.checked)} />
          {t('conflictsOnly')}
        </label>
        <label className="check">
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
          {t('showArchivedPeople', formatNumber(archivedCount))}
        </label>
      </div>
      <p className="muted small" role="status" data-testid="people-shown">
        {tn('showingPeople', showArchived ? people.length : activeCount, formatNumber(rows.length))}
      </p>
      {rows.length === 0 ? (
        <p className="muted">{people.length === 0 ? t('noOneYet') : t('noOneMatches')}</p>
      ) : null}
      <VirtualTable
        label={t('peopleTableLabel')}
        rows={rows}
        rowKey={(person) => person.id}
        columns={columns}
        rowHeight={ROW_HEIGHT}
        height={Math.min(TABLE_HEIGHT, 36 + Math.max(rows.length, 1) * ROW_HEIGHT + 2)}
        overscan={20}
        resetKey={`${deferredQuery}\n${sort.key}:${sort.direction}:${String(conflictsOnly)}:${String(showArchived)}`}
        rowAttributes={(person) => ({ 'data-person': person.id, 'data-archived': person.archivedAt === undefined ? undefined : 'true' })}
      />
    </div>
  );
}

function orderCache(people: readonly StoredPerson[]): (key: SortKey, direction: SortDirection) => Uint32Array {
  const orders = new Map<string, Uint32Array>();
  return (key, direction) => {
    const id = `${key}:${direction}`;
    let order = orders.get(id);
    if (!order) {
      order = sortOrder(people, key, direction);
      orders.set(id, order);
    }
    return order;
  };
}

function Clipped({ text }: { text: string | undefined }) {
  if (!text) return null;
  return (
    <bdi className="clip" title={shortText(text, 300)}>
      {text}
    </bdi>
  );
}

/** Their local time and place, with "off hours" outside working hours (the directory's timeZone). */
function LocalTime({ person }: { person: StoredPerson }) {
  const now = localNow(person, new Date(), uiLanguage());
  if (!now) return null;
  const text = t(now.working === false ? 'offHours' : 'localTimePlace', now.time, now.place);
  return <Clipped text={text} />;
}
