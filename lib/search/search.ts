import Fuse from 'fuse.js';
import type { DaylightDatabase, SearchRecordRow, StoredPerson } from '../db';
import { PAGE_KINDS, PLACES } from '../tools/page';
import { TOOL_IDS } from '../tools/tool-ids';
import { fromFilter } from './authors';
import { SearchIndex, type IndexFilters, type QueryWord } from './engine';
import type { ParsedQuery } from './query';
import { highlight, hitTest, snippetWindow, type TextPiece } from './snippet';

/**
 * Search as the popup runs it: the index narrows 100,000 records to a few dozen candidates without
 * reading any, only those are read, and fuse.js scores them (fuzzy, per word) on their title, the
 * stretch of text around the match, and the author. Final order: words matched, then index
 * relevance (recency included) blended with Fuse's score.
 */

/** Candidates read and scored by Fuse per query: Fuse costs ~0.1 ms a candidate. */
export const CANDIDATES = 50;
export const RESULTS = 20;

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

/** The newest records seen, not archived. */
export async function recentRecords(db: DaylightDatabase, limit = RESULTS): Promise<SearchRecordRow[]> {
  return db.searchRecords.orderBy('lastSeen').reverse().filter((r) => r.archivedAt === undefined).limit(limit).toArray();
}

function filtersOf(query: ParsedQuery, authors: Set<string> | null): IndexFilters {
  return {
    tools: query.tools.length > 0 ? query.tools.map((t) => TOOL_IDS.indexOf(t)) : null,
    kinds: query.kinds.length > 0 ? query.kinds.map((k) => PAGE_KINDS.indexOf(k)) : null,
    places: query.place === null ? null : [PLACES.indexOf(query.place)],
    after: query.after,
    before: query.before,
    authors,
  };
}

export function hasCriteria(query: ParsedQuery): boolean {
  return query.words.length > 0 || query.tools.length > 0 || query.kinds.length > 0 || query.from.length > 0 || query.place !== null || query.after !== null || query.before !== null;
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
  const words: QueryWord[] = query.words.map((word, i) => ({ word, prefix: query.typing && i === query.words.length - 1 }));
  const filters = filtersOf(query, authors);
  const answer = index.search(words, filters, CANDIDATES);
  const rows = await db.searchRecords.bulkGet(answer.candidates.map((c) => c.doc));
  const prefixes = words.filter((w) => w.prefix).map((w) => w.word);
  const isHit = hitTest(new Set(answer.matched.flat().concat(query.words)), prefixes);
  const live = answer.candidates
    .map((candidate, i) => ({ candidate, row: rows[i] }))
    .filter((c): c is { candidate: (typeof answer.candidates)[number]; row: SearchRecordRow } => c.row !== undefined && c.row.archivedAt === undefined);
  const windows = live.map(({ row }) => snippetWindow(row.text, isHit));

  let fuzzy: Array<number | undefined> = live.map(() => undefined);
  if (query.words.length > 0 && live.length > 1) {
    const items = live.map(({ row }, i) => ({ title: row.title, body: windows[i]!, author: row.authorName ?? row.author ?? '' }));
    const fuse = new Fuse(items, {
      keys: [
        { name: 'title', weight: 0.6 },
        { name: 'body', weight: 0.3 },
        { name: 'author', weight: 0.1 },
      ],
      includeScore: true,
      ignoreLocation: true,
      threshold: 0.4,
      useTokenSearch: true,
      tokenMatch: 'any',
    });
    fuzzy = live.map(() => 1);
    for (const result of fuse.search(query.words.join(' '))) fuzzy[result.refIndex] = result.score ?? 1;
  }
  const top = Math.max(...live.map((c) => c.candidate.score), 1e-9);
  const ranked = live
    .map((c, i) => ({
      ...c,
      window: windows[i]!,
      rank: c.candidate.words * 10 + (fuzzy[i] === undefined ? c.candidate.score / top : 0.5 * (c.candidate.score / top) + 0.5 * (1 - fuzzy[i]!)),
    }))
    .sort((a, b) => b.rank - a.rank)
    .slice(0, limit);
  return {
    hits: ranked.map(({ row, window, rank }) => ({ record: row, title: highlight(row.title, isHit), snippet: highlight(window, isHit), score: rank })),
    notes,
    searched: true,
  };
}
