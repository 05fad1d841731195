import { describe, expect, it } from 'vitest';
import { SearchIndex, NO_FILTERS, type QueryWord } from '@/lib/search/engine';
import { mergeSegments, Segment, SegmentBuilder, type IndexedDoc } from '@/lib/search/segment';
import { KIND_CODES, PLACE_CODES, TOOL_CODES } from '@/lib/search/codes';

const NOW = Date.UTC(2026, 0, 15);
const DAY = 24 * 3600 * 1000;

function doc(doc: number, title: string, body = '', extra: Partial<IndexedDoc> = {}): IndexedDoc {
  return { doc, slot: 0, tool: 'github', kind: 'issue', place: 'public', time: NOW - DAY, seen: NOW - DAY, author: null, authorName: '', title, body, ...extra };
}

function indexOf(...segments: IndexedDoc[][]): SearchIndex {
  // Newest first, as stored segments are loaded.
  return new SearchIndex(
    segments
      .map((docs) => {
        const b = new SegmentBuilder();
        docs.forEach((d) => b.add(d));
        return b.build();
      })
      .reverse(),
  );
}

const words = (text: string, typing = false): QueryWord[] =>
  text.split(' ').map((word, i, all) => ({ word, prefix: typing && i === all.length - 1 }));
const docsOf = (index: SearchIndex, text: string, typing = false, filters = NO_FILTERS) =>
  index.search(words(text, typing), filters, 10, NOW).candidates.map((c) => c.doc);

describe('search index', () => {
  const index = indexOf([
    doc(1, 'Deploy pipeline fails on Kubernetes', 'the rollout of payments stalls'),
    doc(2, 'Invoice export is slow', 'fetchInvoiceItems takes 4 seconds for kubernetes clusters'),
    doc(3, 'Welcome to the handbook', 'read this first'),
  ]);

  it('finds exact words in titles and text, title first', () => {
    expect(docsOf(index, 'kubernetes')).toEqual([1, 2]);
    expect(docsOf(index, 'handbook')).toEqual([3]);
  });

  it('tolerates one edit in words of five letters or more, not in shorter ones', () => {
    expect(docsOf(index, 'kubernets')).toEqual([1, 2]); // deletion
    expect(docsOf(index, 'kuberentes')).toEqual([1, 2]); // swap
    expect(docsOf(index, 'pipelime')).toEqual([1]); // substitution
    expect(docsOf(index, 'invoicee')).toEqual([2]); // insertion
    expect(docsOf(index, 'slwo')).toEqual([]); // 4 letters: exact or prefix only
    expect(docsOf(index, 'kubrnetse')).toEqual([]); // two edits
  });

  it('matches the word being typed as a prefix, and code identifiers by their parts', () => {
    expect(docsOf(index, 'depl', true)).toEqual([1]);
    expect(docsOf(index, 'depl', false)).toEqual([]);
    expect(docsOf(index, 'invoice items')).toEqual([2]);
  });

  it('ranks documents with every word above those with some', () => {
    expect(docsOf(index, 'kubernetes payments')).toEqual([1, 2]);
    const answer = index.search(words('kubernetes payments'), NO_FILTERS, 10, NOW);
    expect(answer.candidates.map((c) => c.words)).toEqual([2, 1]);
  });

  it('boosts what was seen recently among equally relevant documents', () => {
    const recent = indexOf([doc(1, 'retro notes', '', { seen: NOW - 300 * DAY }), doc(2, 'retro notes', '', { seen: NOW - DAY })]);
    expect(docsOf(recent, 'retro')).toEqual([2, 1]);
  });

  it('filters by tool, kind, place, time and author before reading any record', () => {
    const mixed = indexOf([
      doc(1, 'release plan', '', { tool: 'slack', kind: 'channel', author: 'slack:U0LENA0001', time: NOW - 10 * DAY }),
      doc(2, 'release plan', '', { tool: 'github', kind: 'issue', place: 'private', author: 'github:lena-k', time: NOW - 2 * DAY }),
      doc(3, 'release plan', '', { tool: 'gitlab', kind: 'merge_request', author: 'gitlab:nadia.o', time: NOW - DAY }),
    ]);
    const f = (filters: Partial<typeof NO_FILTERS>) => docsOf(mixed, 'release', false, { ...NO_FILTERS, ...filters }).sort();
    expect(f({ tools: [TOOL_CODES.slack] })).toEqual([1]);
    expect(f({ kinds: [KIND_CODES.merge_request] })).toEqual([3]);
    expect(f({ places: [PLACE_CODES.private] })).toEqual([2]);
    expect(f({ after: NOW - 3 * DAY })).toEqual([2, 3]);
    expect(f({ before: NOW - 3 * DAY })).toEqual([1]);
    expect(f({ authors: new Set(['slack:U0LENA0001', 'github:lena-k']) })).toEqual([1, 2]);
    // Operators alone list the newest matching documents.
    expect(mixed.search([], { ...NO_FILTERS, tools: [TOOL_CODES.gitlab, TOOL_CODES.slack] }, 10, NOW).candidates.map((c) => c.doc).sort()).toEqual([1, 3]);
  });

  it('a document indexed again in a newer segment answers only with its new words', () => {
    const updated = indexOf([doc(1, 'old title words')], [doc(1, 'fresh title')]);
    expect(docsOf(updated, 'old')).toEqual([]);
    expect(docsOf(updated, 'fresh')).toEqual([1]);
  });

  it('merging segments keeps every live document and its words', () => {
    const a = new SegmentBuilder();
    a.add(doc(1, 'alpha beta'));
    a.add(doc(2, 'gamma'));
    const b = new SegmentBuilder();
    b.add(doc(1, 'delta'));
    b.add(doc(3, 'gamma epsilon', '', { tool: 'slack', author: 'slack:U1' }));
    const merged = mergeSegments([new Segment(a.build()), new Segment(b.build())]);
    expect([...merged.docs]).toEqual([1, 2, 3]);
    const index = new SearchIndex([merged]);
    expect(docsOf(index, 'alpha')).toEqual([]);
    expect(docsOf(index, 'delta')).toEqual([1]);
    expect(docsOf(index, 'gamma').sort()).toEqual([2, 3]);
    expect(docsOf(index, 'epsilon', false, { ...NO_FILTERS, tools: [TOOL_CODES.slack], authors: new Set(['slack:U1']) })).toEqual([3]);
    expect(new SearchIndex([mergeSegments([new Segment(a.build())], (d) => d === 2)]).size).toBe(1);
  });

  it('reads a common word best first and answers exactly as reading every posting would', () => {
    // 3,000 documents, most with "deploy" (in the title or not), seen at distinct times; some
    // indexed again in a newer segment. The same word twice takes the path that reads everything.
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const older: IndexedDoc[] = [];
    for (let i = 1; i <= 3000; i += 1) {
      const r = next();
      // "deploy" and "deployment" always together: a prefix reaches the same document by two equal terms.
      const title = r < 0.2 ? 'deploy deployment notes' : 'weekly notes';
      const body = next() < 0.8 ? 'the deploy deployment went fine' : 'nothing to report';
      older.push(doc(i, title, body, { seen: NOW - Math.floor(next() * 400 * DAY), tool: next() < 0.5 ? 'slack' : 'github' }));
    }
    const newer = [doc(5, 'deploy again', '', { seen: NOW - 2 * DAY }), doc(6, 'no longer', '', { seen: NOW - DAY })];
    const big = indexOf(older, newer);
    const ranked = (query: QueryWord[], filters = NO_FILTERS) => big.search(query, filters, 50, NOW).candidates.map((c) => [c.doc, c.words]);
    for (const [word, prefix] of [['deploy', false], ['deplo', true], ['deplyo', false]] as const) {
      const one = ranked([{ word, prefix }]);
      const twice = ranked([{ word, prefix }, { word, prefix }]);
      expect(new Set(one.map(([d]) => d)).size).toBe(50);
      expect(one.map(([d]) => d)).toEqual(twice.map(([d]) => d));
      const slack = { ...NO_FILTERS, tools: [TOOL_CODES.slack] };
      expect(ranked([{ word, prefix }], slack).map(([d]) => d)).toEqual(ranked([{ word, prefix }, { word, prefix }], slack).map(([d]) => d));
    }
    expect(ranked([{ word: 'deploy', prefix: false }])[0]).toEqual([5, 1]);
    expect(docsOf(big, 'deploy')).not.toContain(6);
  });
});
