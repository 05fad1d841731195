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

  it('reads long postings best first, one word or several, and answers exactly as reading every posting', () => {
    // 3,000 documents: common words in titles and text, seen at distinct times, of two tools; some
    // indexed again in a newer segment. The reference reads every posting (earlyStop false).
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const pick = (words: string[]) => words.filter(() => next() < 0.5).join(' ');
    const older: IndexedDoc[] = [];
    for (let i = 1; i <= 3000; i += 1) {
      const r = next();
      // "deploy" and "deployment" always together: a prefix reaches the same document by two equal terms.
      const title = `${r < 0.2 ? 'deploy deployment notes' : 'weekly notes'} ${pick(['canary', 'rollout', 'review'])}`;
      const body = `${next() < 0.8 ? 'the deploy deployment went fine' : 'nothing to report'} ${pick(['canary', 'rollback', 'rollout', 'reviews', 'invoice'])}${i % 97 === 0 ? ' zebra' : ''}`;
      older.push(doc(i, title, body, { seen: NOW - Math.floor(next() * 400 * DAY), tool: next() < 0.5 ? 'slack' : 'github', author: i % 150 === 0 ? 'github:lena' : `github:p${i % 5}` }));
    }
    const newer = [doc(5, 'deploy again', '', { seen: NOW - 2 * DAY }), doc(6, 'no longer', '', { seen: NOW - DAY })];
    const build = (docs: IndexedDoc[]) => {
      const b = new SegmentBuilder();
      docs.forEach((d) => b.add(d));
      return b.build();
    };
    const stored = [build(newer), build(older)];
    const fast = new SearchIndex(stored);
    const everything = new SearchIndex(stored, false);
    const slack = { ...NO_FILTERS, tools: [TOOL_CODES.slack] };
    const answer = (index: SearchIndex, query: QueryWord[], filters = NO_FILTERS) =>
      index.search(query, filters, 50, NOW).candidates.map((c) => [c.doc, c.words, c.quality, Math.round(c.score * 1e4)]);
    const queries: QueryWord[][] = [
      [{ word: 'deploy', prefix: false }],
      [{ word: 'deplo', prefix: true }],
      [{ word: 'deplyo', prefix: false }],
      [{ word: 'deploy', prefix: false }, { word: 'canary', prefix: false }],
      [{ word: 'notes', prefix: false }, { word: 'deploy', prefix: false }, { word: 'ro', prefix: true }],
      [{ word: 'deploy', prefix: false }, { word: 'invoice', prefix: false }],
      [{ word: 'canary', prefix: false }, { word: 'revie', prefix: true }],
      [{ word: 'weekly', prefix: false }, { word: 'rollbak', prefix: false }],
      [{ word: 'deploy', prefix: false }, { word: 'nowhere', prefix: false }],
      // A rare word beside common ones: its documents are looked up in the others' runs.
      [{ word: 'notes', prefix: false }, { word: 'zebra', prefix: false }],
      [{ word: 'zebra', prefix: false }, { word: 'deplo', prefix: true }, { word: 'the', prefix: false }],
    ];
    // One author's twenty documents: found first by author, then looked up in the words' runs.
    const lena = { ...NO_FILTERS, authors: new Set(['github:lena']) };
    for (const query of queries) {
      const reference = answer(everything, query);
      expect(reference.length).toBe(50);
      expect(answer(fast, query)).toEqual(reference);
      expect(answer(fast, query, slack)).toEqual(answer(everything, query, slack));
      expect(answer(fast, query, lena)).toEqual(answer(everything, query, lena));
    }
    expect(answer(everything, queries[0]!, lena).length).toBeGreaterThan(10);
    expect(answer(fast, [{ word: 'deploy', prefix: false }])[0]!.slice(0, 2)).toEqual([5, 1]);
    expect(docsOf(fast, 'deploy')).not.toContain(6);
  });
});
