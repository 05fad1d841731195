import { useCallback, useEffect, useRef, useState } from 'react';
import { openDatabase, type DaylightDatabase, type SearchRecordRow, type StoredPerson } from '@/lib/db';
import { loadPeople } from '@/lib/people/directory-store';
import { parseQuery, type ParsedQuery } from '@/lib/search/query';
import { loadSearchIndexInTiers, recentRecords, runSearch, type SearchHit, type TieredIndex } from '@/lib/search/search';
import { snippetWindow } from '@/lib/search/snippet';

/** With nothing typed, the big part of the index is read this long after the recent part is in. */
const BIG_TIER_DELAY_MS = 250;

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
 * The popup's search: the stored index is loaded when the popup opens (as compact segments, never
 * rebuilt here), the recently seen part first, so the first keystrokes are answered from it while
 * the big rest loads; then the query is answered again from the whole index. `pending` (aria-busy)
 * stays true until the whole index has answered the current query. An answer that arrives after a
 * newer query started is dropped.
 */
interface SearchSession {
  db: DaylightDatabase;
  tiers: TieredIndex;
}

let preloaded: SearchSession | null = null;

function openSession(): SearchSession {
  // Open for the popup's whole life: it closes with its window.
  const db = openDatabase();
  return { db, tiers: loadSearchIndexInTiers(db) };
}

/**
 * Start opening the database and reading the recent index tier before the popup's first render
 * (its entry point calls this), so the reads overlap React's start-up instead of following it.
 */
export function preloadSearch(): void {
  preloaded ??= openSession();
}

/** The preloaded session, once; a fresh one for any later search panel. */
function takeSession(): SearchSession {
  const session = preloaded ?? openSession();
  preloaded = null;
  return session;
}

export function useSearch(text: string, refresh: number): { view: SearchView; indexSize: number | null; pending: boolean; partial: boolean; people: () => Promise<StoredPerson[]> } {
  const [{ db, tiers }] = useState(takeSession);
  const people = useRef<Promise<StoredPerson[]> | null>(null);
  const loadKnown = useCallback(() => (people.current ??= loadPeople(db)), [db]);
  const [view, setView] = useState<SearchView>({ status: 'loading' });
  /** The query text (and refresh) the current view answers, and whether from the whole index. */
  const [answered, setAnswered] = useState<string | null>(null);
  const [indexSize, setIndexSize] = useState<number | null>(null);
  const [complete, setComplete] = useState(false);

  const loadAll = useCallback(() => {
    void tiers.all().then(
      (i) => {
        setIndexSize(i.size);
        setComplete(true);
      },
      () => undefined,
    );
  }, [tiers]);

  useEffect(() => {
    // The big part is read once the first query has been answered from the recent part, or soon
    // after opening when nothing is typed: reading it would hold up the first answer.
    let timer: ReturnType<typeof setTimeout> | undefined;
    void tiers.recent.then(() => (timer = setTimeout(loadAll, BIG_TIER_DELAY_MS)), loadAll);
    return () => clearTimeout(timer);
  }, [tiers, loadAll]);

  useEffect(() => {
    let live = true;
    const query = parseQuery(text);
    const run = async (): Promise<SearchView> => {
      if (text.trim() === '') return { status: 'recent', hits: (await recentRecords(db)).map(plain) };
      const searchIndex = complete ? await tiers.all() : ((await tiers.recent) ?? (await tiers.all()));
      const outcome = await runSearch(db, searchIndex, query, loadKnown);
      if (!complete) loadAll();
      if (!outcome.searched) return { status: 'recent', hits: (await recentRecords(db)).map(plain) };
      return { status: 'results', hits: outcome.hits, notes: outcome.notes, query };
    };
    run().then(
      (next) => {
        if (!live) return;
        setView(next);
        // The recently seen list does not depend on the index.
        setAnswered(`${refresh} ${complete || text.trim() === ''} ${text}`);
      },
      (error: unknown) => live && setView({ status: 'failed', error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [db, tiers, text, refresh, complete, loadAll, loadKnown]);

  return { view, indexSize, pending: answered !== `${refresh} true ${text}`, partial: !complete && view.status === 'results', people: loadKnown };
}
