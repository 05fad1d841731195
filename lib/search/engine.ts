import { MATCH_LEVEL, readableSegment, Segment, type Expansion, type StoredSegment } from './segment';
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
  /** Relevance from the index (idf of each query word, title bonus, recency): ranks within equal words and quality. */
  score: number;
  /** How many of the query's words the document matched. */
  words: number;
  /** The sum over matched query words of how each matched (segment.ts MATCH_LEVEL: exact 2, completion 1, typo 0). */
  quality: number;
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
/**
 * A document's rank key: words matched × TIER + match quality × QUALITY + relevance. Words matched
 * dominate (every word first), then how well they matched (16 words × level 2 stays below TIER),
 * then relevance (16 words × idf ≤ 23 × title × recency stays below QUALITY).
 */
const TIER = 1e6;
const QUALITY = 1e3;
const TITLE_BONUS = 1.25;
const MAX_WORDS = 16;

/** One-word queries whose terms have at least this many postings read them best first. */
const BEST_FIRST_MIN = 512;

/** Per-segment working arrays, reused by every query (a query allocates next to nothing, so no collection pauses). */
interface Scratch {
  score: Float32Array;
  /** Sum of match levels of the words matched so far. */
  quality: Uint8Array;
  /** The current word's best match per document: 1 + 2 × level + in title (0: not matched yet). */
  best: Uint8Array;
  mask: Uint16Array;
  /** Documents touched by the query, and by the current word. */
  touched: Int32Array;
  wordTouched: Int32Array;
  /** 2^((seen − newest) / half-life) per document: the recency boost without a power per document and query. */
  decay: Float64Array;
  /** The segment's newest last seen. */
  newest: number;
  /** Best-first reading: runs of postings and a heap of them (grown as needed). */
  heapKeys: Float64Array;
  heapLists: Int32Array;
  lists: Uint32Array;
  weights: Float64Array;
  levels: Uint8Array;
}

/** 1 + RECENCY_BOOST × 0.5^(age / half-life), from the segment's factor at the query's time and the document's decay (age 0 at most). */
const recencyBoost = (ageFactor: number, decay: number) => 1 + RECENCY_BOOST * Math.min(1, ageFactor * decay);

/**
 * The idf of a query word, shared by all its expansions: of the word itself when the segment has it,
 * else of its most frequent expansion (what a completion or a typo most likely meant). Scoring each
 * expansion with its own idf let a rare completion or neighbour outrank the word itself.
 */
function wordIdf(segment: Segment, found: readonly Expansion[]): number {
  let df = 0;
  for (const { term, level } of found) {
    if (level === MATCH_LEVEL.exact) {
      df = segment.df(term);
      break;
    }
    df = Math.max(df, segment.df(term));
  }
  return Math.log(1 + segment.size / Math.max(1, df));
}

function postingsOf(segment: Segment, found: readonly Expansion[]): number {
  let total = 0;
  for (const { term } of found) total += segment.df(term);
  return total;
}

/** A max-heap of posting runs by the key of their next posting, over preallocated arrays. */
class RunHeap {
  size = 0;

  constructor(private readonly keys: Float64Array, private readonly runs: Int32Array) {}

  topKey(): number {
    return this.keys[0]!;
  }

  push(key: number, run: number): void {
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! >= key) break;
      this.keys[i] = this.keys[parent]!;
      this.runs[i] = this.runs[parent]!;
      i = parent;
    }
    this.keys[i] = key;
    this.runs[i] = run;
  }

  pop(): number {
    const top = this.runs[0]!;
    const key = this.keys[--this.size]!;
    const run = this.runs[this.size]!;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.size) break;
      const c = l + 1 < this.size && this.keys[l + 1]! > this.keys[l]! ? l + 1 : l;
      if (this.keys[c]! <= key) break;
      this.keys[i] = this.keys[c]!;
      this.runs[i] = this.runs[c]!;
      i = c;
    }
    this.keys[i] = key;
    this.runs[i] = run;
    return top;
  }
}

/** A ranked document while the query runs: its segment and local number in one number. */
const entry = (segment: number, local: number) => segment * 2 ** 32 + local;

/**
 * The search index as the popup uses it: every stored segment, newest first. Answers a query with
 * the best candidate documents (by words matched, then how they matched: exact > completion > typo,
 * then relevance: each query word's idf with a title bonus, times a recency boost), filtered by
 * operators, without reading any record.
 */
export class SearchIndex {
  readonly segments: Segment[];
  private readonly scratch = new Map<Segment, Scratch>();

  constructor(storedNewestFirst: readonly StoredSegment[]) {
    // A segment in a format this code does not know is left out (the background rebuilds the index), never misread.
    this.segments = storedNewestFirst.filter((s) => readableSegment(s) !== null).map((s) => new Segment(s));
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
      if (plan.length === 0) return this.candidate(segment, local, key, 0, 0);
      const matchedWords = Math.floor(key / TIER);
      const quality = Math.floor((key - matchedWords * TIER) / QUALITY);
      return this.candidate(segment, local, key - matchedWords * TIER - quality * QUALITY, matchedWords, quality);
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

  private scratchOf(segment: Segment): Scratch {
    let scratch = this.scratch.get(segment);
    if (!scratch) {
      const n = segment.size;
      let newest = -Infinity;
      for (let local = 0; local < n; local += 1) newest = Math.max(newest, segment.seen[local]!);
      const decay = new Float64Array(n);
      for (let local = 0; local < n; local += 1) decay[local] = 2 ** ((segment.seen[local]! - newest) / RECENCY_HALF_LIFE_MS);
      scratch = {
        score: new Float32Array(n), quality: new Uint8Array(n), best: new Uint8Array(n), mask: new Uint16Array(n), touched: new Int32Array(n), wordTouched: new Int32Array(n),
        decay, newest, heapKeys: new Float64Array(0), heapLists: new Int32Array(0), lists: new Uint32Array(0), weights: new Float64Array(0), levels: new Uint8Array(0),
      };
      this.scratch.set(segment, scratch);
    }
    return scratch;
  }

  private searchSegment(segment: Segment, s: number, plan: readonly QueryWord[], filters: IndexFilters, top: TopK<number>, matched: Array<Set<string>>, now: number): void {
    const n = segment.size;
    if (n === 0) return;
    const scratch = this.scratchOf(segment);
    const authors = this.authorCodes(segment, filters);
    const expansions = plan.map(({ word, prefix }, w) => {
      const found = segment.expand(word, prefix);
      for (const { term } of found) matched[w]!.add(segment.terms.at(term)!);
      return found;
    });
    // The age part of the recency boost of the segment's newest document, at `now`.
    const ageFactor = 0.5 ** ((now - scratch.newest) / RECENCY_HALF_LIFE_MS);
    if (plan.length === 1 && postingsOf(segment, expansions[0]!) >= BEST_FIRST_MIN) {
      this.bestFirst(segment, s, expansions[0]!, filters, authors, top, scratch, ageFactor);
      return;
    }
    const { score, quality, best, mask, touched, wordTouched, decay } = scratch;
    let touchedCount = 0;
    expansions.forEach((found, w) => {
      if (found.length === 0) return;
      const bit = 1 << w;
      const idf = wordIdf(segment, found);
      if (found.length === 1) {
        // One matching term: its score goes straight to the documents (nothing to take the best of).
        touchedCount = this.addTerm(segment, found[0]!, idf, bit, scratch, touchedCount);
        return;
      }
      // Each document's best match of this word: level first, then the title.
      let wordCount = 0;
      for (const { term, level } of found) {
        const end = segment.offsets[term + 1]!;
        for (let i = segment.offsets[term]!; i < end; i += 1) {
          const p = segment.postings[i]!;
          const local = p >>> 1;
          const value = 1 + 2 * level + (p & 1);
          const was = best[local]!;
          if (was === 0) wordTouched[wordCount++] = local;
          if (value > was) best[local] = value;
        }
      }
      const base = Math.fround(idf);
      const titled = Math.fround(idf * TITLE_BONUS);
      for (let i = 0; i < wordCount; i += 1) {
        const local = wordTouched[i]!;
        const value = best[local]! - 1;
        if (mask[local] === 0) touched[touchedCount++] = local;
        mask[local]! |= bit;
        quality[local]! += value >> 1;
        score[local]! += value & 1 ? titled : base;
        best[local] = 0;
      }
    });
    for (let i = 0; i < touchedCount; i += 1) {
      const local = touched[i]!;
      const key = popcount(mask[local]!) * TIER + quality[local]! * QUALITY + score[local]! * recencyBoost(ageFactor, decay[local]!);
      if (key > top.floor && !segment.dead[local] && this.passes(segment, local, filters, authors)) {
        top.push(key, entry(s, local));
      }
      score[local] = 0;
      quality[local] = 0;
      mask[local] = 0;
    }
  }

  /** Add one term's scores (rounded as the best-of path rounds them) to the documents; returns the new touched count. */
  private addTerm(segment: Segment, { term, level }: Expansion, idf: number, bit: number, { score, quality, mask, touched }: Scratch, touchedCount: number): number {
    const base = Math.fround(idf);
    const titled = Math.fround(idf * TITLE_BONUS);
    const end = segment.offsets[term + 1]!;
    let count = touchedCount;
    for (let i = segment.offsets[term]!; i < end; i += 1) {
      const p = segment.postings[i]!;
      const local = p >>> 1;
      if (mask[local] === 0) touched[count++] = local;
      mask[local]! |= bit;
      quality[local]! += level;
      score[local]! += p & 1 ? titled : base;
    }
    return count;
  }

  /**
   * One word with long postings: every matching term's two impact-ordered runs (title, other;
   * segment.ts) are read together, best posting first, so a document is met first at its best
   * score; reading stops when the best posting left cannot beat the top's floor. Same answer as
   * reading everything, without touching most of a common word's documents.
   */
  private bestFirst(segment: Segment, s: number, found: readonly Expansion[], filters: IndexFilters, authors: Set<number> | null, top: TopK<number>, scratch: Scratch, ageFactor: number): void {
    const { postings, offsets } = segment;
    const { mask, touched, decay } = scratch;
    // Each run: [next, end) in lists, its match level in levels, its score before recency in weights (as the general path rounds it).
    const runs = 2 * found.length;
    if (scratch.lists.length < 2 * runs) {
      scratch.lists = new Uint32Array(4 * runs);
      scratch.weights = new Float64Array(2 * runs);
      scratch.levels = new Uint8Array(2 * runs);
      scratch.heapKeys = new Float64Array(2 * runs);
      scratch.heapLists = new Int32Array(2 * runs);
    }
    const { lists, weights, levels, heapKeys, heapLists } = scratch;
    const heap = new RunHeap(heapKeys, heapLists);
    const headKey = (run: number) => TIER + levels[run]! * QUALITY + weights[run]! * recencyBoost(ageFactor, decay[postings[lists[2 * run]!]! >>> 1]!);
    const base = wordIdf(segment, found);
    found.forEach(({ term, level }, e) => {
      const start = offsets[term]!;
      const end = offsets[term + 1]!;
      // Title postings come first: the first that is not one ends the title run.
      let lo = start;
      let hi = end;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (postings[mid]! & 1) lo = mid + 1;
        else hi = mid;
      }
      const title = 2 * e;
      lists[2 * title] = start;
      lists[2 * title + 1] = lo;
      weights[title] = Math.fround(base * TITLE_BONUS);
      levels[title] = level;
      lists[2 * (title + 1)] = lo;
      lists[2 * (title + 1) + 1] = end;
      weights[title + 1] = Math.fround(base);
      levels[title + 1] = level;
      for (const run of [title, title + 1]) if (lists[2 * run]! < lists[2 * run + 1]!) heap.push(headKey(run), run);
    });
    let touchedCount = 0;
    while (heap.size > 0) {
      const key = heap.topKey();
      if (key <= top.floor) break;
      const run = heap.pop();
      const local = postings[lists[2 * run]!]! >>> 1;
      lists[2 * run]! += 1;
      if (lists[2 * run]! < lists[2 * run + 1]!) heap.push(headKey(run), run);
      if (mask[local]) continue;
      mask[local] = 1;
      touched[touchedCount++] = local;
      if (!segment.dead[local] && this.passes(segment, local, filters, authors)) top.push(key, entry(s, local));
    }
    for (let i = 0; i < touchedCount; i += 1) mask[touched[i]!] = 0;
  }

  private candidate(segment: Segment, local: number, score: number, words: number, quality: number): Candidate {
    const doc = segment.docs[local]!;
    return { doc, chunk: doc - segment.slots[local]!, score, words, quality, title: segment.title(local), authorName: segment.authorName(local) };
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
