import Fuse from 'fuse.js';
import type { DaylightDatabase, SearchRecordRow, StoredPerson } from '../db';
import { KIND_CODES, PLACE_CODES, TOOL_CODES } from './codes';
import { fromFilter } from './authors';
import { SearchIndex, type Candidate, type IndexFilters, type QueryWord } from './engine';
import type { ParsedQuery } from './query';
import { readBlocks } from './posting-blocks';
import { newestRecords, readRecords } from './record-store';
import { highlight, hitTest, snippetWindow, type TextPiece } from './snippet';

/**
 * Search as the popup runs it: the index narrows 100,000 records to a few dozen candidates without
 * reading any, fuse.js scores those (fuzzy, per word) on their title and author as the index holds
 * them, and only the records shown are read, for their snippets. Final order: words matched, then
 * match quality (exact > completion > typo, engine.ts), then index relevance (idf, title, recency)
 * blended with Fuse's score: Fuse re-ranks only within equal words and quality, so its fuzzy
 * matching never lifts a neighbour above the exact word.
 */

/** Candidates the index hands to Fuse per query (Fuse with token search costs ~0.05 ms a short candidate). */
export const CANDIDATES = 50;
export const RESULTS = 20;
/** How much Fuse's score counts against the index's within one tier of words matched and quality. */
const FUSE_SHARE = 0.4;
/** Extra records read at a time once some shown ones turned out archived since the index was written. */
const ARCHIVE_SLACK = 5;

export interface SearchHit {
  record: SearchRecordRow;
  title: TextPiece[];
  snippet: TextPiece[];
  score: number;
}

export interface SearchOutcome {
  hits: SearchHit[];
  notes: string[];
  /** The query had words or operators (false: the caller shows recent items). */
  searched: boolean;
}

/** The stored index, newest segment first: loaded as is, never rebuilt by the reader. */
export async function loadSearchIndex(db: DaylightDatabase): Promise<SearchIndex> {
  const rows = await db.searchSegments.orderBy('id').reverse().toArray();
  return new SearchIndex(rows.map((r) => r.data));
}

export interface TieredIndex {
  /** Every segment but the big oldest one (the recently seen documents): null when there is only one segment. */
  recent: Promise<SearchIndex | null>;
  /** The whole index: the big segment is read on the first call (after the recent part is in). */
  all(): Promise<SearchIndex>;
}

/**
 * The index in two steps, for the popup: the small recent segments first (a few MB, so the first
 * keystrokes are answered at once), then, when asked, the big segment of everything older
 * (index-store.ts). Reading it keeps the page busy for a while, so the caller chooses when.
 */
export function loadSearchIndexInTiers(db: DaylightDatabase): TieredIndex {
  // Every segment but the oldest, newest first, in one request (the popup waits on it before its first answer).
  const newer = db.searchSegments.orderBy('id').offset(1).toArray();
  const recent = newer.then((rows) => (rows.length === 0 ? null : new SearchIndex([...rows].reverse().map((r) => r.data))));
  let all: Promise<SearchIndex> | null = null;
  return {
    recent,
    all: () =>
      (all ??= newer.then(async (rows) => {
        const oldest = await db.searchSegments.orderBy('id').first();
        return new SearchIndex([...[...rows].reverse(), ...present([oldest])].map((r) => r.data));
      })),
  };
}

const present = <T>(rows: ReadonlyArray<T | undefined>): T[] => rows.filter((r): r is T => r !== undefined);

/** The newest records seen, not archived. */
export function recentRecords(db: DaylightDatabase, limit = RESULTS): Promise<SearchRecordRow[]> {
  return newestRecords(db, limit, (r) => r.archivedAt === undefined);
}

function filtersOf(query: ParsedQuery, authors: Set<string> | null): IndexFilters {
  return {
    tools: query.tools.length > 0 ? query.tools.map((t) => TOOL_CODES[t]) : null,
    kinds: query.kinds.length > 0 ? query.kinds.map((k) => KIND_CODES[k]) : null,
    places: query.place === null ? null : [PLACE_CODES[query.place]],
    after: query.after,
    before: query.before,
    authors,
  };
}

export function hasCriteria(query: ParsedQuery): boolean {
  return query.words.length > 0 || query.tools.length > 0 || query.kinds.length > 0 || query.from.length > 0 || query.place !== null || query.after !== null || query.before !== null;
}

/** The index's words and filters for a parsed query (`from:` values already resolved to author keys). */
export function indexQuery(query: ParsedQuery, authors: Set<string> | null): { words: QueryWord[]; filters: IndexFilters } {
  const words: QueryWord[] = query.words.map((word, i) => ({ word, prefix: query.typing && i === query.words.length - 1 }));
  return { words, filters: filtersOf(query, authors) };
}

/**
 * The popup's order of the index's candidates: words matched, then match quality, then the index's
 * relevance blended with Fuse's score on title and author (scored on what the index holds, so no
 * record is read yet). Fuse moves a document only among those with equal words and quality.
 */
export function rankCandidates(candidates: readonly Candidate[], words: readonly string[]): Array<{ c: Candidate; rank: number }> {
  let fuzzy: number[] | null = null;
  if (words.length > 0 && candidates.length > 1) {
    const fuse = new Fuse(candidates, {
      keys: [
        { name: 'title', weight: 0.8 },
        { name: 'authorName', weight: 0.2 },
      ],
      includeScore: true,
      ignoreLocation: true,
      threshold: 0.4,
      useTokenSearch: true,
      tokenMatch: 'any',
    });
    fuzzy = candidates.map(() => 1);
    for (const result of fuse.search(words.join(' '))) fuzzy[result.refIndex] = result.score ?? 1;
  }
  const top = Math.max(...candidates.map((c) => c.score), 1e-9);
  return candidates
    // The blend is in [0, 1]; quality is at most 2 per word (32 for the index's 16 words).
    .map((c, i) => ({ c, rank: c.words * 1000 + c.quality * 10 + (fuzzy === null ? c.score / top : FUSE_SHARE * (1 - fuzzy[i]!) + (1 - FUSE_SHARE) * (c.score / top)) }))
    .sort((a, b) => b.rank - a.rank);
}

export async function runSearch(
  db: DaylightDatabase,
  index: SearchIndex,
  query: ParsedQuery,
  people: () => Promise<readonly StoredPerson[]>,
  limit = RESULTS,
): Promise<SearchOutcome> {
  const notes = [...query.notes];
  if (!hasCriteria(query)) return { hits: [], notes, searched: false };
  let authors: Set<string> | null = null;
  if (query.from.length > 0) {
    const from = fromFilter(query.from, await people());
    authors = from.keys;
    notes.push(...from.notes);
  }
  const { words, filters } = indexQuery(query, authors);
  await readBlocks(db, index.missingBlocks(words));
  const answer = index.search(words, filters, CANDIDATES);
  const ranked = rankCandidates(answer.candidates, query.words);
  // Only the records shown are read; when some were archived since, the next ones are read too.
  const live: Array<{ row: SearchRecordRow; rank: number }> = [];
  for (let from = 0; live.length < limit && from < ranked.length; ) {
    const batch = ranked.slice(from, from + limit - live.length + (from === 0 ? 0 : ARCHIVE_SLACK));
    from += batch.length;
    const rows = await readRecords(db, batch.map((r) => r.c));
    batch.forEach((r, i) => {
      const row = rows[i];
      if (row !== undefined && row.archivedAt === undefined && live.length < limit) live.push({ row, rank: r.rank });
    });
  }
  const prefixes = words.filter((w) => w.prefix).map((w) => w.word);
  const isHit = hitTest(new Set(answer.matched.flat().concat(query.words)), prefixes);
  return {
    hits: live.map(({ row, rank }) => ({ record: row, title: highlight(row.title, isHit), snippet: highlight(snippetWindow(row.text, isHit), isHit), score: rank })),
    notes,
    searched: true,
  };
}
