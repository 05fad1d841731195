import { MATCH_LEVEL, readableSegment, recencyRanks, Segment, type Expansion, type StoredSegment } from './segment';
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

/** Queries whose terms have at least this many postings read them best first, with an early stop. */
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
  /** Each document's place in the impact order of a term's runs (segment.ts orderPostings), computed on first use. */
  ranks: Uint32Array | null;
  seen: Float64Array;
  /** Per query word, its best match per document (1 + 2 × level + in title; 0: none), when looked up that way. */
  probes: Uint8Array[];
  /** Best-first reading: a heap of runs of postings (grown as needed). */
  heapKeys: Float64Array;
  heapLists: Int32Array;
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

/** A run of one term's postings (title or other), in impact order: its match level, title bit and score before recency. */
interface Run {
  list: Uint32Array;
  start: number;
  end: number;
  level: number;
  title: number;
  weight: number;
}

interface WordRuns {
  runs: Run[];
  postings: number;
  /** The word's score before recency, outside and in a title. */
  base: number;
  titled: number;
}

/** A word of more runs than this (a prefix's completions, typo neighbours), or of at most so many postings, is looked up in a byte per document. */
const PROBE_RUNS = 4;
const PROBE_POSTINGS = 16_384;

function probeOf(scratch: Scratch, w: number, n: number): Uint8Array {
  return (scratch.probes[w] ??= new Uint8Array(n));
}

function fillProbe(word: WordRuns, probe: Uint8Array): Uint8Array {
  for (const run of word.runs) {
    const value = 1 + 2 * run.level + run.title;
    for (let i = run.start; i < run.end; i += 1) {
      const local = run.list[i]! >>> 1;
      if (value > probe[local]!) probe[local] = value;
    }
  }
  return probe;
}

function clearProbe(word: WordRuns, probe: Uint8Array): void {
  for (const run of word.runs) for (let i = run.start; i < run.end; i += 1) probe[run.list[i]! >>> 1] = 0;
}

/** The document's best match in the runs (sorted best first), by binary search of its recency rank; 0 when none holds it. */
function searchRuns(runs: readonly Run[], rank: number, ranks: Uint32Array): number {
  for (const run of runs) if (holds(run, rank, ranks)) return 1 + 2 * run.level + run.title;
  return 0;
}

/**
 * A document's rank key over every query word: each word's best match looked up in its byte per
 * document (probe) or by binary search of the document's recency rank in its runs; scores added in
 * query order, rounded to single precision at each step, as reading every posting adds them.
 */
function matchKey(words: readonly WordRuns[], probes: ReadonlyArray<Uint8Array | null>, ranks: Uint32Array | null, local: number, ageFactor: number, decay: number): number {
  let matchedWords = 0;
  let quality = 0;
  let score = 0;
  for (let w = 0; w < words.length; w += 1) {
    const probe = probes[w];
    const value = probe ? probe[local]! : searchRuns(words[w]!.runs, ranks![local]!, ranks!);
    if (value === 0) continue;
    matchedWords += 1;
    quality += (value - 1) >> 1;
    score = Math.fround(score + ((value - 1) & 1 ? words[w]!.titled : words[w]!.base));
  }
  return matchedWords * TIER + quality * QUALITY + score * recencyBoost(ageFactor, decay);
}

/** Below this many postings expected to pass the filters, a word is read in one pass rather than best first. */
const SELECTIVE_POSTINGS = 2048;
/** Documents sampled to estimate the share that passes the filters. */
const FILTER_SAMPLE = 256;

/**
 * The share of the segment's documents that pass the filters, from an even sample (1 without
 * filters); `prior` passing documents are added to the count, for an estimate that does not take a
 * sample without any for none at all.
 */
function passShare(segment: Segment, filters: IndexFilters, authors: Set<number> | null, passes: (segment: Segment, local: number, f: IndexFilters, authors: Set<number> | null) => boolean, prior = 0): number {
  if (filters === NO_FILTERS || segment.size === 0) return 1;
  const step = Math.max(1, Math.floor(segment.size / FILTER_SAMPLE));
  let sampled = 0;
  let passed = 0;
  for (let local = 0; local < segment.size; local += step) {
    sampled += 1;
    if (passes(segment, local, filters, authors)) passed += 1;
  }
  return Math.min(1, (passed + prior) / sampled);
}

/**
 * The postings of `runs` (each in descending `keyOf` order) read together, best first, with the
 * scratch heap, while the best one left beats `top`'s floor: `visit` each with its key.
 */
function readBestFirst(runs: readonly Run[], keyOf: (run: Run, local: number) => number, top: TopK<number>, scratch: Scratch, visit: (local: number, key: number) => void): void {
  if (scratch.heapKeys.length < runs.length) {
    scratch.heapKeys = new Float64Array(2 * runs.length);
    scratch.heapLists = new Int32Array(2 * runs.length);
  }
  const heap = new RunHeap(scratch.heapKeys, scratch.heapLists);
  const next = runs.map((run) => run.start);
  runs.forEach((run, r) => heap.push(keyOf(run, run.list[run.start]! >>> 1), r));
  while (heap.size > 0) {
    const key = heap.topKey();
    if (key <= top.floor) break;
    const r = heap.pop();
    const run = runs[r]!;
    const local = run.list[next[r]!]! >>> 1;
    next[r]! += 1;
    if (next[r]! < run.end) heap.push(keyOf(run, run.list[next[r]!]! >>> 1), r);
    visit(local, key);
  }
}

/** Where the title postings of an impact-ordered list end (they come first). */
function titleRunEnd(list: Uint32Array): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! & 1) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether the run holds the document of this recency rank (a run is in ascending rank order). */
function holds(run: Run, rank: number, ranks: Uint32Array): boolean {
  let lo = run.start;
  let hi = run.end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const at = ranks[run.list[mid]! >>> 1]!;
    if (at === rank) return true;
    if (at < rank) lo = mid + 1;
    else hi = mid;
  }
  return false;
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

  /**
   * @param earlyStop read long postings best first and stop early (the default); false reads every
   * posting, the reference the early stop must answer exactly as (tests/unit/search/engine.test.ts).
   */
  constructor(storedNewestFirst: readonly StoredSegment[], private readonly stopsEarly = true) {
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

  /**
   * The postings blocks this query needs from segments that keep postings outside and have not
   * read them yet (posting-blocks.ts readBlocks reads them; `search` needs them read).
   */
  missingBlocks(words: readonly QueryWord[]): Array<{ segment: Segment; blocks: number[] }> {
    const wanted: Array<{ segment: Segment; blocks: number[] }> = [];
    for (const segment of this.segments) {
      if (segment.external === null || words.length === 0) continue;
      const terms = words.slice(0, MAX_WORDS).flatMap(({ word, prefix }) => segment.expand(word, prefix).map((e) => e.term));
      wanted.push({ segment, blocks: segment.missingBlocks(terms) });
    }
    return wanted;
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
        decay, newest, ranks: null, seen: segment.seen, probes: [], heapKeys: new Float64Array(0), heapLists: new Int32Array(0),
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
    if (this.stopsEarly && expansions.reduce((sum, found) => sum + postingsOf(segment, found), 0) >= BEST_FIRST_MIN) {
      this.earlyStop(segment, s, expansions, filters, authors, top, scratch, ageFactor);
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
        const list = segment.list(term);
        for (let i = 0; i < list.length; i += 1) {
          const p = list[i]!;
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
    const list = segment.list(term);
    let count = touchedCount;
    for (let i = 0; i < list.length; i += 1) {
      const p = list[i]!;
      const local = p >>> 1;
      if (mask[local] === 0) touched[count++] = local;
      mask[local]! |= bit;
      quality[local]! += level;
      score[local]! += p & 1 ? titled : base;
    }
    return count;
  }

  /** The query's words with matches here, in query order, as runs of postings (title, other), best runs first. */
  private wordRuns(segment: Segment, expansions: ReadonlyArray<readonly Expansion[]>): WordRuns[] {
    const words: WordRuns[] = [];
    for (const found of expansions) {
      if (found.length === 0) continue;
      const idf = wordIdf(segment, found);
      const base = Math.fround(idf);
      const titled = Math.fround(idf * TITLE_BONUS);
      const runs: Run[] = [];
      for (const { term, level } of found) {
        const list = segment.list(term);
        const split = titleRunEnd(list);
        if (split > 0) runs.push({ list, start: 0, end: split, level, title: 1, weight: titled });
        if (split < list.length) runs.push({ list, start: split, end: list.length, level, title: 0, weight: base });
      }
      runs.sort((a, b) => 2 * b.level + b.title - (2 * a.level + a.title));
      words.push({ runs, postings: postingsOf(segment, found), base, titled });
    }
    return words;
  }

  /**
   * Queries with long postings. One word: best first (bestFirst). Several: the rarest word first,
   * its impact-ordered runs read best posting first; a document met is scored exactly on every
   * query word (each looked up by binary search of the document's recency rank in the word's runs,
   * or, for a word of many terms or few postings, in a byte per document filled in one pass), and
   * reading stops when the best posting left cannot beat the top's floor. Then the next rarest
   * word, bounded with one word fewer: its documents that hold an earlier word were bounded by that
   * word's reading. With a filter few documents pass, each word is read in one pass instead, and
   * the documents lacking it can hold one word fewer, so reading stops once the top is full of
   * documents with more words.
   */
  private earlyStop(segment: Segment, s: number, expansions: ReadonlyArray<readonly Expansion[]>, filters: IndexFilters, authors: Set<number> | null, top: TopK<number>, scratch: Scratch, ageFactor: number): void {
    const words = this.wordRuns(segment, expansions);
    const k = words.length;
    if (k === 0) return;
    const { mask, touched, decay } = scratch;
    let touchedCount = 0;
    if (authors !== null && this.authorFirst(segment, s, words, filters, authors, top, scratch, ageFactor)) return;
    if (k === 1) {
      touchedCount = this.bestFirst(segment, s, words[0]!, filters, authors, top, scratch, ageFactor, 0);
      for (let i = 0; i < touchedCount; i += 1) mask[touched[i]!] = 0;
      return;
    }
    const order = words.map((_, w) => w).sort((a, b) => words[a]!.postings - words[b]!.postings);
    const probes = words.map((word, w) => (word.runs.length > PROBE_RUNS || word.postings <= PROBE_POSTINGS ? fillProbe(word, probeOf(scratch, w, segment.size)) : null));
    const ranks = probes.includes(null) ? (scratch.ranks ??= recencyRanks(scratch.seen)) : null;
    const keyOf = (local: number) => matchKey(words, probes, ranks, local, ageFactor, decay[local]!);
    const visit = (local: number) => {
      if (mask[local]) return;
      mask[local] = 1;
      touched[touchedCount++] = local;
      if (segment.dead[local] || !this.passes(segment, local, filters, authors)) return;
      const key = keyOf(local);
      if (key > top.floor) top.push(key, entry(s, local));
    };
    const selective = words[order[0]!]!.postings * passShare(segment, filters, authors, (seg, local, f, a) => this.passes(seg, local, f, a)) < SELECTIVE_POSTINGS;
    for (let step = 0; step < k; step += 1) {
      const word = words[order[step]!]!;
      const { runs } = word;
      if (selective) {
        // Documents not read yet lack the words read so far: at most k − step words.
        if (top.floor >= (k - step + 1) * TIER) break;
        for (const run of runs) for (let i = run.start; i < run.end; i += 1) visit(run.list[i]! >>> 1);
        continue;
      }
      // A document of this word that holds none of the words read before: at most k − step words,
      // each later one at best exact and in the title.
      const others = k - step - 1;
      let rest = 0;
      for (let j = step + 1; j < k; j += 1) rest += words[order[j]!]!.titled;
      const bound = (run: Run, local: number) => (k - step) * TIER + (run.level + 2 * others) * QUALITY + (run.weight + rest) * recencyBoost(ageFactor, decay[local]!) * (1 + 1e-6);
      readBestFirst(runs, bound, top, scratch, visit);
    }
    for (let i = 0; i < touchedCount; i += 1) mask[touched[i]!] = 0;
    words.forEach((word, w) => probes[w] && clearProbe(word, probes[w]));
  }

  /**
   * A from: filter: when looking the author's documents up in every word's runs costs less than
   * reading the words' postings, the documents are found first (one pass over the author column)
   * and scored exactly. Returns false when the postings are cheaper.
   */
  private authorFirst(segment: Segment, s: number, words: readonly WordRuns[], filters: IndexFilters, authors: Set<number>, top: TopK<number>, scratch: Scratch, ageFactor: number): boolean {
    const share = passShare(segment, filters, authors, (seg, local, f, a) => this.passes(seg, local, f, a), 1);
    let searchCost = 0;
    let postings = 0;
    for (const word of words) {
      postings += word.postings;
      for (const run of word.runs) searchCost += Math.log2(run.end - run.start + 1) + 1;
    }
    if (share * segment.size * searchCost + segment.size / 8 > postings) return false;
    const ranks = (scratch.ranks ??= recencyRanks(scratch.seen));
    const wanted = new Uint8Array(segment.authorList.length);
    for (const code of authors) wanted[code] = 1;
    const probes = words.map(() => null);
    const { author, dead } = segment;
    for (let local = 0; local < author.length; local += 1) {
      const code = author[local]!;
      if (code < 0 || wanted[code] === 0 || dead[local] || !this.passes(segment, local, filters, authors)) continue;
      const key = matchKey(words, probes, ranks, local, ageFactor, scratch.decay[local]!);
      if (key >= TIER && key > top.floor) top.push(key, entry(s, local));
    }
    return true;
  }

  /**
   * One word's documents not read yet, best first: the word's impact-ordered runs (title, other;
   * segment.ts) are read together, best posting first, so a document is met first at its best
   * match; reading stops when the best posting left cannot beat the top's floor. Documents marked
   * in `mask` were scored already and are passed over. With a filter few documents pass, reading
   * best first would read nearly everything anyway, one heap step at a time: then it is read in
   * one pass. Returns the new count of touched documents.
   */
  private bestFirst(segment: Segment, s: number, word: WordRuns, filters: IndexFilters, authors: Set<number> | null, top: TopK<number>, scratch: Scratch, ageFactor: number, touchedCount: number): number {
    const { mask, touched, decay } = scratch;
    const keyOf = (run: Run, local: number) => TIER + run.level * QUALITY + run.weight * recencyBoost(ageFactor, decay[local]!);
    let count = touchedCount;
    const { runs } = word;
    if (word.postings * passShare(segment, filters, authors, (seg, local, f, a) => this.passes(seg, local, f, a)) < SELECTIVE_POSTINGS) {
      // Runs are best first: a document's first run is its best match.
      for (const run of runs) {
        for (let i = run.start; i < run.end; i += 1) {
          const local = run.list[i]! >>> 1;
          if (mask[local]) continue;
          mask[local] = 1;
          touched[count++] = local;
          if (segment.dead[local] || !this.passes(segment, local, filters, authors)) continue;
          const key = keyOf(run, local);
          if (key > top.floor) top.push(key, entry(s, local));
        }
      }
      return count;
    }
    readBestFirst(runs, keyOf, top, scratch, (local, key) => {
      if (mask[local]) return;
      mask[local] = 1;
      touched[count++] = local;
      if (!segment.dead[local] && this.passes(segment, local, filters, authors)) top.push(key, entry(s, local));
    });
    return count;
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
