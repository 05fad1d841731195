import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { formatNumber, t, tn } from '@/lib/i18n/t';
import { kindLabel } from '@/lib/i18n/kind-label';
import { sendToBackground } from '@/lib/messaging';
import { requestPersistentStorage } from '@/lib/search/persist';
import { parseQuery } from '@/lib/search/query';
import type { SearchHit } from '@/lib/search/search';
import { EMPTY_STATUS, searchStatusItem, type SearchStatus } from '@/lib/search/status';
import type { Settings } from '@/lib/settings';
import { toolLink } from '@/lib/tools/links';
import { PAGE_KINDS, type PageKind } from '@/lib/tools/page';
import { TOOL_IDS, TOOL_NAMES, type ToolId } from '@/lib/tools/tool-ids';
import { Message } from './Message';
import { SearchEmptyState } from './SearchEmptyState';
import { mergeResults, type MergedResult } from '@/lib/search/live/merge';
import { LiveResultItem } from './LiveResultItem';
import { LiveSearchStatus } from './LiveSearchStatus';
import { SearchResultItem } from './SearchResultItem';
import { useLiveSearch } from './useLiveSearch';
import { useSearch } from './useSearch';
import './search.css';

/** Add or remove one `operator:value` in the query text (what filter chips do, visibly). */
export function toggleOperator(text: string, operator: string, value: string): string {
  const token = `${operator}:${value}`;
  const parts = text.split(/\s+/).filter(Boolean);
  const has = parts.some((p) => p.toLowerCase() === token);
  const kept = has ? parts.filter((p) => p.toLowerCase() !== token) : [...parts, token];
  return kept.length > 0 ? `${kept.join(' ')} ` : '';
}

async function openUrl(url: string, newTab: boolean): Promise<void> {
  if (newTab) {
    await browser.tabs.create({ url, active: false });
    return;
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id !== undefined) await browser.tabs.update(tab.id, { url });
  else await browser.tabs.create({ url });
  // The toolbar popup closes; opened as a page of its own (a tab), it has just navigated itself.
  if ((await browser.tabs.getCurrent()) === undefined) window.close();
}

function useSearchStatus(): SearchStatus {
  const [status, setStatus] = useState<SearchStatus>(EMPTY_STATUS);
  useEffect(() => {
    void searchStatusItem().getValue().then(setStatus);
    return searchStatusItem().watch((next) => setStatus(next ?? EMPTY_STATUS));
  }, []);
  return status;
}

/** Cross-tool search: keyboard first (the box has focus, ↑/↓ move, Enter opens, Ctrl/Cmd+Enter opens in a new tab). */
export function SearchPanel({ settings }: { settings: Settings | undefined }) {
  // Checked again where it is shown: a record whose link is not its tool's opens nothing.
  const linkOf = (hit: SearchHit) => toolLink(hit.record.tool, hit.record.url, settings?.selfHosted ?? {});
  const [text, setText] = useState('');
  const [refresh, setRefresh] = useState(0);
  const [archived, setArchived] = useState<SearchHit | null>(null);
  const { view, indexSize, pending, partial, people } = useSearch(text, refresh);
  const live = useLiveSearch(text, people);
  const hits = useMemo(() => (view.status === 'recent' || view.status === 'results' ? view.hits : []), [view]);
  const results: MergedResult[] = useMemo(() => mergeResults(hits, view.status === 'results' ? live.items : {}), [hits, view.status, live.items]);
  // The selection belongs to the local results it was made in: new results start at the first.
  const [selection, setSelection] = useState<{ view: typeof view; index: number }>({ view, index: 0 });
  const active = selection.view === view ? Math.min(selection.index, Math.max(0, results.length - 1)) : 0;
  const setActive = (next: (i: number) => number) => setSelection({ view, index: next(active) });
  const status = useSearchStatus();
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const urlOf = (result: MergedResult) => (result.source === 'local' ? linkOf(result.hit) : result.item.url);
  const query = parseQuery(text);

  useEffect(() => {
    input.current?.focus();
    void requestPersistentStorage();
  }, []);

  const archive = async (hit: SearchHit, archivedNow: boolean) => {
    await sendToBackground('search-archive', { keys: [hit.record.key], archived: archivedNow });
    setArchived(archivedNow ? hit : null);
    setRefresh((n) => n + 1);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (results.length === 0) return;
      setActive((i) => (event.key === 'ArrowDown' ? Math.min(results.length - 1, i + 1) : Math.max(0, i - 1)));
    } else if (event.key === 'Enter') {
      live.flush();
      const result = results[active];
      if (!result) return;
      event.preventDefault();
      const href = urlOf(result);
      if (href !== null) void openUrl(href, event.ctrlKey || event.metaKey);
    }
  };

  useEffect(() => {
    document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, listId]);

  const kindsShown = [...new Set<PageKind>([...query.kinds, ...hits.map((h) => h.record.kind)])].sort((a, b) => PAGE_KINDS.indexOf(a) - PAGE_KINDS.indexOf(b)).slice(0, 8);
  const chip = (operator: 'tool' | 'kind', value: ToolId | PageKind, label: string, pressed: boolean) => (
    <button key={`${operator}:${value}`} type="button" className="chip" aria-pressed={pressed} onClick={() => {
      setText(toggleOperator(text, operator, value));
      input.current?.focus();
    }}>
      {label}
    </button>
  );

  return (
    <div className="search">
      <input
        ref={input}
        type="search"
        aria-label={t('searchBoxLabel')}
        placeholder={t('searchPlaceholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        aria-controls={listId}
        aria-activedescendant={results.length > 0 ? `${listId}-${active}` : undefined}
        aria-describedby={`${listId}-help`}
        autoComplete="off"
        spellCheck={false}
      />
      <p id={`${listId}-help`} className="sr-only">
        {t('searchKeysHelp')}
      </p>
      <div className="chips" role="group" aria-label={t('filterByTool')}>
        {TOOL_IDS.map((tool) => chip('tool', tool, TOOL_NAMES[tool], query.tools.includes(tool)))}
      </div>
      {kindsShown.length > 0 && (
        <div className="chips" role="group" aria-label={t('filterByKind')}>
          {kindsShown.map((kind) => chip('kind', kind, kindLabel(kind), query.kinds.includes(kind)))}
        </div>
      )}
      {status.storageFull && <p role="alert" className="error">{status.storageFull.message}</p>}
      {status.building && (
        <p className="muted" role="status">
          {t('searchIndexing', formatNumber(status.building.done), formatNumber(status.building.total))}
        </p>
      )}
      {settings?.capturePaused && <p className="locked">{t('capturePausedPopup')}</p>}
      {view.status === 'results' && view.notes.length > 0 && (
        <ul className="notes" aria-label={t('queryNotesLabel')}>
          {view.notes.map((note) => (
            <li key={note}>
              <bdi>{note}</bdi>
            </li>
          ))}
        </ul>
      )}
      {archived && (
        <p role="status" className="archived-note">
          <Message id="searchArchivedNote" values={[<bdi key="title">{archived.record.title}</bdi>]} />{' '}
          <button type="button" onClick={() => void archive(archived, false)}>
            {t('undo')}
          </button>
        </p>
      )}
      {view.status === 'failed' && <p role="alert" className="error">{t('searchFailed', view.error)}</p>}
      {partial && <p className="muted">{t('searchPartial')}</p>}
      {view.status === 'results' && <LiveSearchStatus live={live} />}
      <h2 className="results-heading">{view.status === 'recent' ? t('recentlySeen') : view.status === 'results' ? (results.length === 0 ? t('noResults') : tn('resultCount', results.length)) : ''}</h2>
      <ul id={listId} role="listbox" aria-busy={pending} aria-label={view.status === 'recent' ? t('recentlySeen') : t('resultsLabel')} className="results">
        {results.map((result, i) =>
          result.source === 'local' ? (
            <SearchResultItem
              key={result.key}
              hit={result.hit}
              href={linkOf(result.hit)}
              alsoLive={result.alsoLive}
              id={`${listId}-${i}`}
              active={i === active}
              onOpen={(url, newTab) => void openUrl(url, newTab)}
              onArchive={(h) => void archive(h, true)}
              onPointer={() => setActive(() => i)}
            />
          ) : (
            <LiveResultItem key={result.key} item={result.item} id={`${listId}-${i}`} active={i === active} onOpen={(url, newTab) => void openUrl(url, newTab)} onPointer={() => setActive(() => i)} />
          ),
        )}
      </ul>
      {(view.status === 'results' || view.status === 'recent') && results.length === 0 && !partial && (
        <SearchEmptyState query={view.status === 'results' ? view.query : null} indexSize={indexSize} paused={settings?.capturePaused ?? false} />
      )}
    </div>
  );
}
