import type { PageKind, Place } from '../tools/page';
import type { ToolId } from '../tools/tool-ids';
import { KIND_CODES, PLACE_CODES, TOOL_CODES } from './codes';
import { tokenize } from './tokenize';
import { buildTypoTable, editHashes, lookupHash, TYPO_MIN_QUERY, typoEligible, withinOneEdit } from './typo';

/**
 * A segment of the search index: an inverted index over some documents in compact typed arrays
 * (postings in CSR form, a sorted vocabulary for prefixes, a typo table over the vocabulary) plus
 * each document's filterable facts, so that operators filter before any record is read. Segments
 * are immutable: new captures add small segments, which the background merges in the background.
 * Stored as is in IndexedDB (typed arrays clone fast), so the popup loads, never rebuilds, them.
 */
export interface StoredSegment {
  /** SEGMENT_FORMAT when written; absent in format 1. */
  format?: number;
  /**
   * A big segment keeps its postings outside (`postings` is then empty): in rows of the
   * searchPostings table under `key`, block b holding the postings of terms blocks[b] ..
   * blocks[b+1] − 1 (offsets as for inline postings), so that a reader holds only the blocks of
   * the terms it searched (lib/search/posting-blocks.ts).
   */
  external?: { key: number; blocks: Uint32Array };
  /** Global document ids (the record's `doc`), one per local document, ascending. */
  docs: Uint32Array;
  /** Each document's place in its record chunk: the chunk's id is doc − slot (lib/search/record-store.ts). */
  slots: Uint8Array;
  tool: Uint8Array;
  kind: Uint8Array;
  place: Uint8Array;
  /** The record's own time, or when it was first seen (ms since the epoch). */
  time: Float64Array;
  /** When it was last seen (ms): the recency boost. */
  seen: Float64Array;
  /** Index into `authors`, or -1. */
  author: Int32Array;
  /** Author keys (`tool:normalised handle`), newline-separated. */
  authors: string;
  /** Each document's title and author's name, newline-separated: Fuse scores candidates on them without reading records. */
  titles: string;
  /** Sorted vocabulary, newline-separated (words never contain a newline). */
  terms: string;
  /** Term t's postings are postings[offsets[t] .. offsets[t+1]). */
  offsets: Uint32Array;
  /**
   * local document << 1 | 1 when the term is in its title. Impact order within a term (see
   * orderPostings): title postings first, then the others, each most recently seen first.
   */
  postings: Uint32Array;
  typoHashes: Uint32Array;
  typoTerms: Uint32Array;
}

/**
 * The stored segment's layout and codes, written with every segment. Format 1 (no `format` field)
 * stored tool, kind and place as positions in TOOL_IDS, PAGE_KINDS and PLACES as they then stood,
 * which codes.ts froze as they were: format 2 writes the same numbers, from the code tables.
 * Format 3 may keep its postings outside (`external`); formats 1 and 2 never do. A change of
 * layout or codes takes a new format and its migration in `readableSegment`.
 */
export const SEGMENT_FORMAT = 3;

/**
 * The segment as this code reads it, migrated from an older format when needed, or null when its
 * format is unknown here (written by newer code): such a segment is skipped and the index rebuilt
 * from the records (index-store.ts), never misread.
 */
export function readableSegment(stored: StoredSegment): StoredSegment | null {
  const format = stored.format ?? 1;
  if (format === SEGMENT_FORMAT) return stored;
  // Format 1's positions are the frozen codes (tests/unit/search/codes.test.ts), and format 2's
  // postings are inline, as format 3 may have them: only the stamp is new.
  if (format === 1 || format === 2) return { ...stored, format: SEGMENT_FORMAT };
  return null;
}

/** What the index needs from one record. */
export interface IndexedDoc {
  doc: number;
  /** Its place in its record chunk. */
  slot: number;
  tool: ToolId;
  kind: PageKind;
  place: Place;
  time: number;
  seen: number;
  author: string | null;
  title: string;
  /** The author as people know them (the directory's name, else the handle). */
  authorName: string;
  /** Everything else that is searched: container, author, text. */
  body: string;
}

const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ');

/**
 * Put each term's postings in impact order: title postings first, then the others, each by last
 * seen (newest first, then by local document). A document's score for a term is its query word's
 * idf (the same for every posting of the term), times the title bonus, times a recency boost that grows with last seen, so within each of the two
 * runs the postings come best first whatever the time of the query: a one-word query reads them
 * best first and stops once nothing left can enter the top (engine.ts).
 */
export function orderPostings(postings: Uint32Array, offsets: Uint32Array, seen: Float64Array): void {
  const n = seen.length;
  const byRecency = recencyOrder(seen);
  const rank = new Uint32Array(n);
  for (let r = 0; r < n; r += 1) rank[byRecency[r]!] = r;
  // Sort keys: rank for title postings, n + rank for the others; one native sort per term.
  for (let i = 0; i < postings.length; i += 1) {
    const p = postings[i]!;
    postings[i] = (p & 1 ? 0 : n) + rank[p >>> 1]!;
  }
  for (let t = 0; t + 1 < offsets.length; t += 1) if (offsets[t + 1]! - offsets[t]! > 1) postings.subarray(offsets[t]!, offsets[t + 1]!).sort();
  for (let i = 0; i < postings.length; i += 1) {
    const key = postings[i]!;
    postings[i] = key < n ? (byRecency[key]! << 1) | 1 : byRecency[key - n]! << 1;
  }
}

/**
 * Local documents in impact order: last seen newest first, then by local document. One native sort
 * of numbers (how many documents were seen later, times n, plus the document), not a comparator
 * over a million documents.
 */
export function recencyOrder(seen: Float64Array): Uint32Array {
  const n = seen.length;
  const ascending = Float64Array.from(seen).sort();
  const keys = new Float64Array(n);
  for (let local = 0; local < n; local += 1) {
    // Documents seen later than this one: those after the last equal value in ascending order.
    let lo = 0;
    let hi = n;
    const value = seen[local]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ascending[mid]! <= value) lo = mid + 1;
      else hi = mid;
    }
    keys[local] = (n - lo) * n + local;
  }
  keys.sort();
  const order = new Uint32Array(n);
  for (let r = 0; r < n; r += 1) order[r] = keys[r]! % n;
  return order;
}

/** Each local document's place in impact order (the inverse of recencyOrder). */
export function recencyRanks(seen: Float64Array): Uint32Array {
  const order = recencyOrder(seen);
  const ranks = new Uint32Array(order.length);
  for (let r = 0; r < order.length; r += 1) ranks[order[r]!] = r;
  return ranks;
}

export class SegmentBuilder {
  private readonly docs: number[] = [];
  private readonly slots: number[] = [];
  private readonly tool: number[] = [];
  private readonly kind: number[] = [];
  private readonly place: number[] = [];
  private readonly time: number[] = [];
  private readonly seen: number[] = [];
  private readonly author: number[] = [];
  private readonly titles: string[] = [];
  private readonly authorKeys = new Map<string, number>();
  /** Terms in order of first appearance, and each one's id. */
  private readonly vocabulary: string[] = [];
  private readonly termIds = new Map<string, number>();
  /** The last local document each term was filed for: a document files a term once. */
  private lastDoc = new Int32Array(1024);
  /** (term id, posting) pairs in the order documents were added: one growing array, not a list per term. */
  private pairs = new Uint32Array(1 << 16);
  private pairCount = 0;

  get size(): number {
    return this.docs.length;
  }

  add(doc: IndexedDoc): void {
    const local = this.docs.length;
    this.docs.push(doc.doc);
    this.slots.push(doc.slot);
    this.tool.push(TOOL_CODES[doc.tool]);
    this.kind.push(KIND_CODES[doc.kind]);
    this.place.push(PLACE_CODES[doc.place]);
    this.time.push(doc.time);
    this.seen.push(doc.seen);
    let author = -1;
    if (doc.author !== null) {
      author = this.authorKeys.get(doc.author) ?? this.authorKeys.size;
      this.authorKeys.set(doc.author, author);
    }
    this.author.push(author);
    this.titles.push(oneLine(doc.title), oneLine(doc.authorName));
    // Title words first, so a word in both is filed with the title bit.
    for (const word of tokenize(doc.title)) this.file(word, (local << 1) | 1, local);
    for (const word of tokenize(doc.body)) this.file(word, local << 1, local);
  }

  private file(word: string, posting: number, local: number): void {
    let id = this.termIds.get(word);
    if (id === undefined) {
      id = this.vocabulary.length;
      this.vocabulary.push(word);
      this.termIds.set(word, id);
      if (id >= this.lastDoc.length) {
        const grown = new Int32Array(this.lastDoc.length * 2);
        grown.set(this.lastDoc);
        this.lastDoc = grown;
      }
      this.lastDoc[id] = -1;
    }
    if (this.lastDoc[id] === local) return;
    this.lastDoc[id] = local;
    if (this.pairCount + 2 > this.pairs.length) {
      const grown = new Uint32Array(this.pairs.length * 2);
      grown.set(this.pairs);
      this.pairs = grown;
    }
    this.pairs[this.pairCount++] = id;
    this.pairs[this.pairCount++] = posting;
  }

  build(): StoredSegment {
    const order = this.vocabulary.map((_, id) => id).sort((a, b) => (this.vocabulary[a]! < this.vocabulary[b]! ? -1 : 1));
    const terms = order.map((id) => this.vocabulary[id]!);
    const rank = new Uint32Array(order.length);
    order.forEach((id, r) => (rank[id] = r));
    // Counting sort of the pairs by term rank; postings stay in document order within a term.
    const offsets = new Uint32Array(terms.length + 1);
    for (let i = 0; i < this.pairCount; i += 2) offsets[rank[this.pairs[i]!]! + 1]! += 1;
    for (let t = 0; t < terms.length; t += 1) offsets[t + 1]! += offsets[t]!;
    const postings = new Uint32Array(this.pairCount / 2);
    const next = offsets.slice(0, terms.length);
    for (let i = 0; i < this.pairCount; i += 2) postings[next[rank[this.pairs[i]!]!]!++] = this.pairs[i + 1]!;
    const seen = Float64Array.from(this.seen);
    orderPostings(postings, offsets, seen);
    const typo = buildTypoTable(terms);
    return {
      format: SEGMENT_FORMAT,
      docs: Uint32Array.from(this.docs),
      slots: Uint8Array.from(this.slots),
      tool: Uint8Array.from(this.tool),
      kind: Uint8Array.from(this.kind),
      place: Uint8Array.from(this.place),
      time: Float64Array.from(this.time),
      seen,
      author: Int32Array.from(this.author),
      authors: [...this.authorKeys.keys()].join('\n'),
      titles: this.titles.join('\n'),
      terms: terms.join('\n'),
      offsets,
      postings,
      typoHashes: typo.hashes,
      typoTerms: typo.termIds,
    };
  }
}

/**
 * How a vocabulary term matched a query word, best first: ranking compares these before relevance
 * (engine.ts), so an exact word always outranks a completion of it, and a completion a one-edit
 * neighbour. The parts of an identifier are words of their own (tokenize.ts), so `labelRestore`
 * matches "label" exactly.
 */
export const MATCH_LEVEL = { exact: 2, prefix: 1, typo: 0 } as const;
export type MatchLevel = (typeof MATCH_LEVEL)[keyof typeof MATCH_LEVEL];
/** Prefix completions per query word: the most frequent ones (a short prefix can have thousands). */
export const MAX_PREFIX_TERMS = 48;

export interface Expansion {
  term: number;
  level: MatchLevel;
}

/**
 * Lines of a newline-joined string, found when first asked for (one indexOf pass) and cut one at a
 * time: splitting a 100,000-document segment's titles and vocabulary into strings on every popup
 * open cost more than reading it.
 */
class Lines {
  private starts: Uint32Array | null = null;

  constructor(private readonly text: string, readonly length: number) {}

  at(i: number): string | undefined {
    if (i < 0 || i >= this.length) return undefined;
    this.starts ??= lineStarts(this.text, this.length);
    const end = i + 1 < this.length ? this.starts[i + 1]! - 1 : this.text.length;
    return this.text.slice(this.starts[i]!, end);
  }
}

function lineStarts(text: string, count: number): Uint32Array {
  const starts = new Uint32Array(count);
  let at = 0;
  for (let i = 1; i < count; i += 1) {
    at = text.indexOf('\n', at) + 1;
    starts[i] = at;
  }
  return starts;
}

/** A stored segment ready to search (its vocabulary and titles are cut into strings only as used). */
export class Segment {
  readonly docs: Uint32Array;
  readonly slots: Uint8Array;
  readonly tool: Uint8Array;
  readonly kind: Uint8Array;
  readonly place: Uint8Array;
  readonly time: Float64Array;
  readonly seen: Float64Array;
  readonly author: Int32Array;
  readonly authorList: string[];
  /** Title then author name of each local document. */
  private readonly titleLines: Lines;
  /** The sorted vocabulary. */
  readonly terms: Lines;
  readonly offsets: Uint32Array;
  readonly postings: Uint32Array;
  private readonly typoHashes: Uint32Array;
  private readonly typoTerms: Uint32Array;
  /** Documents indexed again in a newer segment: their postings here are stale. */
  readonly dead: Uint8Array;
  /** Postings kept outside: the blocks' first terms, and the blocks read so far (most recently used last). */
  readonly external: { key: number; blocks: Uint32Array } | null;
  private readonly blocks = new Map<number, Uint32Array>();
  private blockBytes = 0;
  /** The blocks the query being prepared needs: never let go while it runs. */
  private inUse = new Set<number>();

  constructor(written: StoredSegment) {
    const stored = readableSegment(written);
    if (stored === null) throw new Error(`A search segment in format ${written.format} (this version reads ${SEGMENT_FORMAT}): rebuild the index.`);
    this.docs = stored.docs;
    this.slots = stored.slots;
    this.tool = stored.tool;
    this.kind = stored.kind;
    this.place = stored.place;
    this.time = stored.time;
    this.seen = stored.seen;
    this.author = stored.author;
    this.authorList = stored.authors === '' ? [] : stored.authors.split('\n');
    this.titleLines = new Lines(stored.titles, 2 * stored.docs.length);
    this.terms = new Lines(stored.terms, stored.offsets.length - 1);
    this.offsets = stored.offsets;
    this.postings = stored.postings;
    this.typoHashes = stored.typoHashes;
    this.typoTerms = stored.typoTerms;
    this.dead = new Uint8Array(stored.docs.length);
    this.external = stored.external ?? null;
  }

  /** The block holding a term's postings (external postings only). */
  blockOf(term: number): number {
    const blocks = this.external!.blocks;
    let lo = 0;
    let hi = blocks.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (blocks[mid]! <= term) lo = mid;
      else hi = mid;
    }
    return lo;
  }

  /** Of the blocks holding these terms' postings, those not read yet (none when postings are inline). */
  missingBlocks(terms: Iterable<number>): number[] {
    if (this.external === null) return [];
    const missing = new Set<number>();
    this.inUse = new Set();
    for (const term of terms) {
      const block = this.blockOf(term);
      this.inUse.add(block);
      const held = this.blocks.get(block);
      if (held === undefined) missing.add(block);
      else {
        // Most recently used last: the first ones are dropped when the reader holds too much.
        this.blocks.delete(block);
        this.blocks.set(block, held);
      }
    }
    return [...missing];
  }

  /**
   * Keep blocks just read; blocks used least recently are let go beyond `maxBytes`, never those
   * the query about to run needs.
   */
  holdBlocks(read: ReadonlyArray<[block: number, postings: Uint32Array]>, maxBytes: number): void {
    const incoming = read.reduce((n, [, p]) => n + p.byteLength, 0);
    for (const [block, held] of this.blocks) {
      if (this.blockBytes + incoming <= maxBytes) break;
      if (this.inUse.has(block)) continue;
      this.blocks.delete(block);
      this.blockBytes -= held.byteLength;
    }
    for (const [block, postings] of read) {
      this.blocks.set(block, postings);
      this.blockBytes += postings.byteLength;
    }
  }

  get size(): number {
    return this.docs.length;
  }

  title(local: number): string {
    return this.titleLines.at(2 * local) ?? '';
  }

  authorName(local: number): string {
    return this.titleLines.at(2 * local + 1) ?? '';
  }

  /** The whole vocabulary as strings (for merging). */
  vocabulary(): string[] {
    return Array.from({ length: this.terms.length }, (_, t) => this.terms.at(t)!);
  }

  df(term: number): number {
    return this.offsets[term + 1]! - this.offsets[term]!;
  }

  /** A term's postings, in impact order (of a block read before, when the postings are kept outside). */
  list(term: number): Uint32Array {
    if (this.external === null) return this.postings.subarray(this.offsets[term]!, this.offsets[term + 1]!);
    const block = this.blockOf(term);
    const postings = this.blocks.get(block);
    if (postings === undefined) throw new Error(`Postings block ${block} of segment ${this.external.key} was not read before the search.`);
    const base = this.offsets[this.external.blocks[block]!]!;
    return postings.subarray(this.offsets[term]! - base, this.offsets[term + 1]! - base);
  }

  /** First term id >= `word` in the sorted vocabulary. */
  private lowerBound(word: string): number {
    let lo = 0;
    let hi = this.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.terms.at(mid)! < word) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The vocabulary terms a query word stands for here: itself, its completions, one-edit neighbours. */
  expand(word: string, prefix: boolean): Expansion[] {
    const out: Expansion[] = [];
    const at = this.lowerBound(word);
    const exact = this.terms.at(at) === word ? at : -1;
    if (exact >= 0) out.push({ term: exact, level: MATCH_LEVEL.exact });
    if (prefix) {
      let end = exact >= 0 ? at + 1 : at;
      const completions: number[] = [];
      while (end < this.terms.length && this.terms.at(end)!.startsWith(word)) completions.push(end++);
      if (completions.length > MAX_PREFIX_TERMS) completions.sort((a, b) => this.df(b) - this.df(a)).length = MAX_PREFIX_TERMS;
      for (const term of completions) out.push({ term, level: MATCH_LEVEL.prefix });
    }
    if (word.length >= TYPO_MIN_QUERY && typoEligible(word)) {
      const found = new Set<number>();
      for (const hash of editHashes(word)) lookupHash(this.typoHashes, this.typoTerms, hash, found);
      for (const term of found) {
        const text = this.terms.at(term)!;
        if (term === exact || (prefix && text.startsWith(word))) continue;
        if (withinOneEdit(word, text)) out.push({ term, level: MATCH_LEVEL.typo });
      }
    }
    return out;
  }
}

/**
 * Merge segments (oldest first) into one, straight from their postings (records are not read again):
 * a document indexed again in a newer segment keeps only its newest entry, and `drop` removes documents.
 */
export function mergeSegments(oldestFirst: readonly Segment[], drop: (doc: number) => boolean = () => false): StoredSegment {
  const owner = new Map<number, number>();
  oldestFirst.forEach((segment, s) => segment.docs.forEach((doc) => owner.set(doc, s)));
  const live: Array<[doc: number, segment: number, local: number]> = [];
  oldestFirst.forEach((segment, s) =>
    segment.docs.forEach((doc, local) => {
      if (owner.get(doc) === s && !drop(doc)) live.push([doc, s, local]);
    }),
  );
  live.sort((a, b) => a[0] - b[0]);
  const n = live.length;
  const remap = oldestFirst.map((segment) => new Int32Array(segment.size).fill(-1));
  const docs = new Uint32Array(n);
  const slots = new Uint8Array(n);
  const tool = new Uint8Array(n);
  const kind = new Uint8Array(n);
  const place = new Uint8Array(n);
  const time = new Float64Array(n);
  const seen = new Float64Array(n);
  const author = new Int32Array(n);
  const authorKeys = new Map<string, number>();
  const titles: string[] = [];
  live.forEach(([doc, s, local], i) => {
    const from = oldestFirst[s]!;
    remap[s]![local] = i;
    docs[i] = doc;
    slots[i] = from.slots[local]!;
    tool[i] = from.tool[local]!;
    kind[i] = from.kind[local]!;
    place[i] = from.place[local]!;
    time[i] = from.time[local]!;
    seen[i] = from.seen[local]!;
    titles.push(from.title(local), from.authorName(local));
    const key = from.author[local]! >= 0 ? from.authorList[from.author[local]!]! : null;
    if (key === null) author[i] = -1;
    else {
      const id = authorKeys.get(key) ?? authorKeys.size;
      authorKeys.set(key, id);
      author[i] = id;
    }
  });
  const sources = new Map<string, Array<[segment: number, term: number]>>();
  oldestFirst.forEach((segment, s) =>
    segment.vocabulary().forEach((term, t) => {
      const list = sources.get(term);
      if (list) list.push([s, t]);
      else sources.set(term, [[s, t]]);
    }),
  );
  const vocabulary = [...sources.keys()].sort();
  const kept: string[] = [];
  const offsets: number[] = [0];
  let postings = new Uint32Array(oldestFirst.reduce((sum, s) => sum + s.postings.length, 0));
  let total = 0;
  for (const term of vocabulary) {
    const start = total;
    for (const [s, t] of sources.get(term)!) {
      const segment = oldestFirst[s]!;
      const map = remap[s]!;
      for (let i = segment.offsets[t]!; i < segment.offsets[t + 1]!; i += 1) {
        const p = segment.postings[i]!;
        const local = map[p >>> 1]!;
        if (local >= 0) postings[total++] = (local << 1) | (p & 1);
      }
    }
    if (total > start) {
      kept.push(term);
      offsets.push(total);
    }
  }
  postings = postings.slice(0, total);
  const keptOffsets = Uint32Array.from(offsets);
  orderPostings(postings, keptOffsets, seen);
  const typo = buildTypoTable(kept);
  return {
    format: SEGMENT_FORMAT,
    docs,
    slots,
    tool,
    kind,
    place,
    time,
    seen,
    author,
    authors: [...authorKeys.keys()].join('\n'),
    titles: titles.join('\n'),
    terms: kept.join('\n'),
    offsets: keptOffsets,
    postings,
    typoHashes: typo.hashes,
    typoTerms: typo.termIds,
  };
}
