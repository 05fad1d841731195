import { useEffect, useMemo, useRef, useState } from 'react';
import { openDatabase, type SearchRecordRow, type StoredPerson } from '@/lib/db';
import { loadPeople } from '@/lib/people/directory-store';
import type { SearchIndex } from '@/lib/search/engine';
import { parseQuery, type ParsedQuery } from '@/lib/search/query';
import { loadSearchIndex, recentRecords, runSearch, type SearchHit } from '@/lib/search/search';
import { snippetWindow } from '@/lib/search/snippet';

export type SearchView =
  | { status: 'loading' }
  | { status: 'recent'; hits: SearchHit[] }
  | { status: 'results'; hits: SearchHit[]; notes: string[]; query: ParsedQuery }
  | { status: 'failed'; error: string };

const plain = (record: SearchRecordRow): SearchHit => ({
  record,
  title: [{ text: record.title, hit: false }],
  snippet: [{ text: snippetWindow(record.text, () => false), hit: false }],
  score: 0,
});

/**
 * The popup's search: the stored index is loaded once when the popup opens (as compact segments,
 * never rebuilt here) while recent items show; every change of the query runs a search, and an
 * answer that arrives after a newer query started is dropped.
 */
export function useSearch(text: string, refresh: number): { view: SearchView; indexSize: number | null; pending: boolean } {
  // Open for the popup's whole life: it closes with its window.
  const db = useMemo(() => openDatabase(), []);
  const index = useRef<Promise<SearchIndex> | null>(null);
  const people = useRef<Promise<StoredPerson[]> | null>(null);
  const [view, setView] = useState<SearchView>({ status: 'loading' });
  /** The query text (and refresh) the current view answers. */
  const [answered, setAnswered] = useState<string | null>(null);
  const [indexSize, setIndexSize] = useState<number | null>(null);

  useEffect(() => {
    index.current ??= loadSearchIndex(db);
    void index.current.then((i) => setIndexSize(i.size), () => undefined);
  }, [db]);

  useEffect(() => {
    let live = true;
    const query = parseQuery(text);
    const run = async (): Promise<SearchView> => {
      if (text.trim() === '') return { status: 'recent', hits: (await recentRecords(db)).map(plain) };
      const outcome = await runSearch(db, await index.current!, query, () => (people.current ??= loadPeople(db)));
      if (!outcome.searched) return { status: 'recent', hits: (await recentRecords(db)).map(plain) };
      return { status: 'results', hits: outcome.hits, notes: outcome.notes, query };
    };
    index.current ??= loadSearchIndex(db);
    run().then(
      (next) => {
        if (!live) return;
        setView(next);
        setAnswered(`${refresh} ${text}`);
      },
      (error: unknown) => live && setView({ status: 'failed', error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [db, text, refresh]);

  return { view, indexSize, pending: answered !== `${refresh} ${text}` };
}
