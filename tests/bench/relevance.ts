/**
 * Judged queries for the relevance benchmark (relevance.bench.ts): each query with its relevant
 * documents and their gains, decided by predicates over the corpus's text with a word splitter of
 * its own (not lib/search/tokenize.ts), so no property of the index can leak into the ground truth.
 * What is searched is what Daylight promises to search: title, container, author and text; a code
 * identifier holds its parts as words (`restoreBackup`: restore, backup; `canary_rollout`: canary,
 * rollout).
 */
import type { ExportedRecord } from '../../lib/search/export';
import type { ToolId } from '../../lib/tools/tool-ids';
import { random, TOOL_SHARE, TOPICS } from './search-corpus';

export const CLASSES = ['one word', 'several words', 'prefix as typed', 'misspelled', 'tool: filtered', 'from: filtered'] as const;
export type JudgedClass = (typeof CLASSES)[number];

export interface Judged {
  kind: JudgedClass;
  /** As typed in the popup: operators included, no trailing space (the last word is being typed). */
  text: string;
  /** The words alone, for the libraries, which take `tool` and `author` as filters. */
  words: string;
  tool?: ToolId;
  author?: string;
  /** Relevant documents (positions in the corpus) and their gain: 2 when the title holds the match, else 1. */
  gains: Map<number, number>;
}

/** Lower-case words of the text, each identifier also as its camelCase parts (snake_case splits at `_` anyway). */
function wordsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const token of text.match(/[A-Za-z0-9]+/g) ?? []) {
    out.add(token.toLowerCase());
    for (const part of token.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+/g) ?? []) out.add(part.toLowerCase());
  }
  return out;
}

/** Word → documents holding it, each as doc × 2 + 1 when in the title, doc × 2 otherwise. */
function holders(records: readonly ExportedRecord[]): Map<string, number[]> {
  const map = new Map<string, number[]>();
  const add = (word: string, value: number) => {
    const list = map.get(word);
    if (list) list.push(value);
    else map.set(word, [value]);
  };
  records.forEach((r, doc) => {
    const title = wordsOf(r.title);
    for (const w of title) add(w, doc * 2 + 1);
    for (const w of wordsOf(`${r.container} ${r.author ?? ''} ${r.text}`)) if (!title.has(w)) add(w, doc * 2);
  });
  return map;
}

const gainsOf = (entries: readonly number[]) => {
  const gains = new Map<number, number>();
  for (const e of entries) gains.set(e >> 1, Math.max(gains.get(e >> 1) ?? 0, e & 1 ? 2 : 1));
  return gains;
};

export function judgedQueries(records: readonly ExportedRecord[], perClass: number, seed = 11): Judged[] {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const index = holders(records);
  // Sorted, so the words starting with a prefix are one run found by binary search.
  const vocabulary = [...index.keys()].sort();
  const startingWith = (prefix: string) => {
    let lo = 0;
    let hi = vocabulary.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (vocabulary[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < vocabulary.length && vocabulary[i]!.startsWith(prefix); i += 1) out.push(vocabulary[i]!);
    return out;
  };
  const domainWords = new Set(TOPICS.flat());
  const domain = [...domainWords].filter((w) => index.has(w));
  const long = domain.filter((w) => w.length >= 6);
  const queries: Judged[] = [];
  const add = (q: Omit<Judged, 'words'> & { words?: string }) => q.gains.size > 0 && queries.push({ ...q, words: q.words ?? q.text });
  const count = (kind: JudgedClass) => queries.filter((q) => q.kind === kind).length;
  const until = (kind: JudgedClass, make: () => void) => {
    for (let tries = 0; count(kind) < perClass && tries < 100 * perClass; tries += 1) make();
  };

  until('one word', () => {
    const w = pick(domain);
    add({ kind: 'one word', text: w, gains: gainsOf(index.get(w)!) });
  });
  until('several words', () => {
    const topic = pick(TOPICS).filter((w) => index.has(w));
    const chosen = new Set<string>();
    const n = 2 + Math.floor(rnd() * 2);
    while (chosen.size < Math.min(n, topic.length)) chosen.add(pick(topic));
    const words = [...chosen];
    // Relevant: every word; gain 2 when the title holds them all.
    const per = words.map((w) => gainsOf(index.get(w)!));
    const gains = new Map<number, number>();
    for (const [doc, g] of per[0]!) if (per.every((p) => p.has(doc))) gains.set(doc, g === 2 && per.every((p) => p.get(doc) === 2) ? 2 : 1);
    add({ kind: 'several words', text: words.join(' '), gains });
  });
  until('prefix as typed', () => {
    const prefix = pick(long).slice(0, 3 + Math.floor(rnd() * 4));
    add({ kind: 'prefix as typed', text: prefix, gains: gainsOf(startingWith(prefix).flatMap((v) => index.get(v)!)) });
  });
  until('misspelled', () => {
    // One edit, never on the first letter, and neither a word of the corpus nor the start of one.
    const w = pick(long);
    const at = 1 + Math.floor(rnd() * (w.length - 1));
    const letter = 'abcdefghijklmnopqrstuvwxyz'[Math.floor(rnd() * 26)]!;
    const typos = [w.slice(0, at) + w.slice(at + 1), w.slice(0, at) + letter + w.slice(at), w.slice(0, at) + letter + w.slice(at + 1), at < w.length - 1 ? w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2) : w];
    const typo = typos[Math.floor(rnd() * typos.length)]!;
    if (typo === w || startingWith(typo).length > 0) return;
    add({ kind: 'misspelled', text: typo, gains: gainsOf(index.get(w)!) });
  });
  until('tool: filtered', () => {
    const tool = pick(TOOL_SHARE)[0];
    const w = pick(domain);
    const gains = gainsOf(index.get(w)!.filter((e) => records[e >> 1]!.tool === tool));
    add({ kind: 'tool: filtered', text: `tool:${tool} ${w}`, words: w, tool, gains });
  });
  until('from: filtered', () => {
    // Someone's own words: a record's author and a topic word the record holds.
    const r = pick(records);
    if (!r.author) return;
    const words = [...wordsOf(`${r.title} ${r.text}`)].filter((w) => domainWords.has(w) && index.has(w));
    if (words.length === 0) return;
    const w = pick(words);
    const gains = gainsOf(index.get(w)!.filter((e) => records[e >> 1]!.author === r.author));
    // (index.get(w) holds every document with w: the filter is the predicate, not a lookup.)
    add({ kind: 'from: filtered', text: `from:${r.author} ${w}`, words: w, author: r.author, gains });
  });
  return queries;
}

export function recallAt10(q: Judged, top: readonly number[]): number {
  const hits = top.slice(0, 10).filter((d) => q.gains.has(d)).length;
  return hits / Math.min(10, q.gains.size);
}

export function ndcgAt10(q: Judged, top: readonly number[]): number {
  const dcg = top.slice(0, 10).reduce((sum, d, i) => sum + (q.gains.get(d) ?? 0) / Math.log2(i + 2), 0);
  const ideal = [...q.gains.values()].sort((a, b) => b - a).slice(0, 10).reduce((sum, g, i) => sum + g / Math.log2(i + 2), 0);
  return dcg / ideal;
}
