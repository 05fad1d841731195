import { Segment, type StoredSegment } from './segment';
import { TopK } from './top-k';

/** What operators narrow results to; null means no restriction. Values are the segment's codes. */
export interface IndexFilters {
  tools: readonly number[] | null;
  kinds: readonly number[] | null;
  places: readonly number[] | null;
  /** Record time bounds (ms): after <= time < before. */
  after: number | null;
  before: number | null;
  /** Author keys (`tool:handle`) any of which the author must be. */
  authors: ReadonlySet<string> | null;
}

export const NO_FILTERS: IndexFilters = { tools: null, kinds: null, places: null, after: null, before: null, authors: null };

export interface QueryWord {
  word: string;
  /** Also match words that start with it (the word being typed). */
  prefix: boolean;
}

export interface Candidate {
  doc: number;
  /** The record chunk holding it. */
  chunk: number;
  /** Relevance from the index, recency included. */
  score: number;
  /** How many of the query's words the document matched. */
  words: number;
  title: string;
  authorName: string;
}

export interface IndexAnswer {
  candidates: Candidate[];
  /** Per query word, the vocabulary terms it matched (for highlighting and re-ranking). */
  matched: string[][];
}

/** Recency: a document seen now scores up to this much more than one seen long ago. */
const RECENCY_BOOST = 0.3;
const RECENCY_HALF_LIFE_MS = 30 * 24 * 3600 * 1000;
/** Words matched dominate: a document with more of the query's words always ranks first (relevance stays far below). */
const TIER = 1e6;
const TITLE_BONUS = 1.25;
const MAX_WORDS = 16;

/** Per-segment working arrays, reused by every query (a query allocates next to nothing, so no collection pauses). */
interface Scratch {
  score: Float32Array;
  best: Float32Array;
  mask: Uint16Array;
  /** Documents touched by the query, and by the current word. */
  touched: Int32Array;
  wordTouched: Int32Array;
}

/** A ranked document while the query runs: its segment and local number in one number. */
const entry = (segment: number, local: number) => segment * 2 ** 32 + local;

/**
 * The search index as the popup uses it: every stored segment, newest first. Answers a query with
 * the best candidate documents (by words matched, then idf-weighted exact > prefix > typo matches
 * with a title bonus, times a recency boost), filtered by operators, without reading any record.
 */
export class SearchIndex {
  readonly segments: Segment[];
  private readonly scratch = new Map<Segment, Scratch>();

  constructor(storedNewestFirst: readonly StoredSegment[]) {
    this.segments = storedNewestFirst.map((s) => new Segment(s));
    let maxDoc = 0;
    for (const segment of this.segments) for (const doc of segment.docs) if (doc > maxDoc) maxDoc = doc;
    const indexed = new Uint8Array(maxDoc + 1);
    for (const segment of this.segments) {
      segment.docs.forEach((doc, local) => {
        if (indexed[doc]) segment.dead[local] = 1;
        indexed[doc] = 1;
      });
    }
  }

  get size(): number {
    return this.segments.reduce((n, s) => n + s.size, 0);
  }

  search(words: readonly QueryWord[], filters: IndexFilters, limit: number, now = Date.now()): IndexAnswer {
    const top = new TopK<number>(limit);
    const plan = words.slice(0, MAX_WORDS);
    const matched = plan.map(() => new Set<string>());
    this.segments.forEach((segment, s) => {
      if (plan.length === 0) this.browse(segment, s, filters, top);
      else this.searchSegment(segment, s, plan, filters, top, matched, now);
    });
    const candidates = top.sorted().map(({ key, item }) => {
      const segment = this.segments[Math.floor(item / 2 ** 32)]!;
      const local = item % 2 ** 32;
      // Browsing ranks by last seen; a search by words matched (the tier) then relevance.
      const matchedWords = plan.length === 0 ? 0 : Math.floor(key / TIER);
      return this.candidate(segment, local, plan.length === 0 ? key : key - matchedWords * TIER, matchedWords);
    });
    return { candidates, matched: matched.map((m) => [...m]) };
  }

  /** Operators only: the newest documents that pass the filters. */
  private browse(segment: Segment, s: number, filters: IndexFilters, top: TopK<number>): void {
    const authors = this.authorCodes(segment, filters);
    for (let local = 0; local < segment.size; local += 1) {
      const seen = segment.seen[local]!;
      if (seen <= top.floor || segment.dead[local] || !this.passes(segment, local, filters, authors)) continue;
      top.push(seen, entry(s, local));
    }
  }

  private searchSegment(segment: Segment, s: number, plan: readonly QueryWord[], filters: IndexFilters, top: TopK<number>, matched: Array<Set<string>>, now: number): void {
    const n = segment.size;
    if (n === 0) return;
    let scratch = this.scratch.get(segment);
    if (!scratch) {
      scratch = { score: new Float32Array(n), best: new Float32Array(n), mask: new Uint16Array(n), touched: new Int32Array(n), wordTouched: new Int32Array(n) };
      this.scratch.set(segment, scratch);
    }
    const { score, best, mask, touched, wordTouched } = scratch;
    let touchedCount = 0;
    plan.forEach(({ word, prefix }, w) => {
      const bit = 1 << w;
      let wordCount = 0;
      for (const { term, weight } of segment.expand(word, prefix)) {
        matched[w]!.add(segment.terms.at(term)!);
        const idf = Math.log(1 + n / segment.df(term));
        const base = weight * idf;
        const end = segment.offsets[term + 1]!;
        for (let i = segment.offsets[term]!; i < end; i += 1) {
          const p = segment.postings[i]!;
          const local = p >>> 1;
          const value = p & 1 ? base * TITLE_BONUS : base;
          const was = best[local]!;
          if (was === 0) wordTouched[wordCount++] = local;
          if (value > was) best[local] = value;
        }
      }
      for (let i = 0; i < wordCount; i += 1) {
        const local = wordTouched[i]!;
        if (mask[local] === 0) touched[touchedCount++] = local;
        mask[local]! |= bit;
        score[local]! += best[local]!;
        best[local] = 0;
      }
    });
    const authors = this.authorCodes(segment, filters);
    for (let i = 0; i < touchedCount; i += 1) {
      const local = touched[i]!;
      const bits = popcount(mask[local]!);
      const relevance = score[local]! * (1 + RECENCY_BOOST * 0.5 ** (Math.max(0, now - segment.seen[local]!) / RECENCY_HALF_LIFE_MS));
      const key = bits * TIER + relevance;
      if (key > top.floor && !segment.dead[local] && this.passes(segment, local, filters, authors)) {
        top.push(key, entry(s, local));
      }
      score[local] = 0;
      mask[local] = 0;
    }
  }

  private candidate(segment: Segment, local: number, score: number, words: number): Candidate {
    const doc = segment.docs[local]!;
    return { doc, chunk: doc - segment.slots[local]!, score, words, title: segment.title(local), authorName: segment.authorName(local) };
  }

  /** The segment's codes for the wanted authors (null: no author filter). */
  private authorCodes(segment: Segment, filters: IndexFilters): Set<number> | null {
    if (filters.authors === null) return null;
    const codes = new Set<number>();
    segment.authorList.forEach((key, code) => filters.authors!.has(key) && codes.add(code));
    return codes;
  }

  private passes(segment: Segment, local: number, f: IndexFilters, authors: Set<number> | null): boolean {
    if (f.tools !== null && !f.tools.includes(segment.tool[local]!)) return false;
    if (f.kinds !== null && !f.kinds.includes(segment.kind[local]!)) return false;
    if (f.places !== null && !f.places.includes(segment.place[local]!)) return false;
    const time = segment.time[local]!;
    if (f.after !== null && time < f.after) return false;
    if (f.before !== null && time >= f.before) return false;
    return authors === null || authors.has(segment.author[local]!);
  }
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x; v !== 0; v &= v - 1) n += 1;
  return n;
}
