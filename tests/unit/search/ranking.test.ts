import { describe, expect, it } from 'vitest';
import { SearchIndex, NO_FILTERS, type QueryWord } from '@/lib/search/engine';
import { SegmentBuilder, type IndexedDoc } from '@/lib/search/segment';
import { ingestRecords, type IncomingRecord } from '@/lib/search/index-store';
import { parseQuery } from '@/lib/search/query';
import { loadSearchIndex, runSearch } from '@/lib/search/search';
import { freshDatabases } from './fresh-database';

/**
 * Ranking keeps its promise (issue 14): for one query word an exact match outranks a completion of
 * it, which outranks a one-edit neighbour, at equal field and recency, however rare the completion
 * or the neighbour is; documents with every query word come first.
 */

const NOW = Date.UTC(2026, 0, 15);
const DAY = 24 * 3600 * 1000;

function doc(doc: number, title: string, body = ''): IndexedDoc {
  return { doc, slot: 0, tool: 'github', kind: 'issue', place: 'public', time: NOW - DAY, seen: NOW - DAY, author: null, authorName: '', title, body };
}

function indexOf(docs: IndexedDoc[]): SearchIndex {
  const builder = new SegmentBuilder();
  docs.forEach((d) => builder.add(d));
  return new SearchIndex([builder.build()]);
}

/** The query as the popup builds it: the last word is a prefix while it is being typed (no trailing space). */
function words(text: string): QueryWord[] {
  const parts = text.trim().split(/\s+/);
  const typing = !/\s$/.test(text);
  return parts.map((word, i) => ({ word, prefix: typing && i === parts.length - 1 }));
}

const ranked = (index: SearchIndex, text: string, limit = 20) => index.search(words(text), NO_FILTERS, limit, NOW).candidates.map((c) => c.doc);

describe('ranking: exact > completion > neighbour', () => {
  // The reproduction: ten exact title matches, a rare completion ("labels") and an identifier
  // that contains the word ("labelRestore").
  const releases = Array.from({ length: 10 }, (_, i) => doc(i + 1, `Add a label to the release ${i + 1}`));
  const reproduction = indexOf([...releases, doc(11, 'Flaky labels test', 'labels flaky'), doc(12, 'Cleanup of the restore path', 'calls labelRestore twice')]);
  const tenExact = releases.map((d) => d.doc);

  it('ranks the ten exact title matches first for "label" as typed (a prefix too)', () => {
    const answer = ranked(reproduction, 'label');
    expect(answer.slice(0, 10).sort((a, b) => a - b)).toEqual(tenExact);
    // The identifier holds the word itself (label + restore): exact, in the body, before the completion.
    expect(answer.slice(10)).toEqual([12, 11]);
  });

  it('ranks the ten exact title matches first for "label " (typed, then a space)', () => {
    const answer = ranked(reproduction, 'label ');
    expect(answer.slice(0, 10).sort((a, b) => a - b)).toEqual(tenExact);
    // "labels" is one edit from "label": still found, last.
    expect(answer.slice(10)).toEqual([12, 11]);
  });

  it('an exact match outranks a rare completion in the same field', () => {
    const index = indexOf([doc(1, 'deploy notes'), doc(2, 'deploy plan'), doc(3, 'deploy review'), doc(4, 'deployments notes')]);
    const answer = ranked(index, 'deploy');
    expect(answer.slice(0, 3).sort()).toEqual([1, 2, 3]);
    expect(answer[3]).toBe(4);
  });

  it('a completion outranks a rare one-edit neighbour in the same field', () => {
    // "rollouts" completes "rollout" and is common; "rolout" is one edit from it and rare.
    const common = Array.from({ length: 30 }, (_, i) => doc(100 + i, `rollback ${i}`));
    const completions = Array.from({ length: 5 }, (_, i) => doc(i + 1, `rollouts paused ${i}`));
    const answer = ranked(indexOf([...common, ...completions, doc(6, 'rolout paused')]), 'rollout');
    expect(answer.slice(0, 5).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(answer.slice(5)).toEqual([6]);
  });

  it('an exact match outranks a rare one-edit neighbour in the same field', () => {
    const exact = ['green', 'red', 'blue', 'late'].map((what, i) => doc(i + 1, `pipeline ${what}`));
    const answer = ranked(indexOf([...exact, doc(5, 'pipelines broken'), doc(6, 'pipelime typo')]), 'pipeline ');
    expect(answer.slice(0, 4).sort()).toEqual([1, 2, 3, 4]);
    // Both are one edit away and not being typed: neighbours, after every exact match.
    expect(answer.slice(4).sort()).toEqual([5, 6]);
  });

  it('a snake_case identifier counts as exact for the words it contains', () => {
    const identifiers = [1, 2, 3].map((i) => doc(i, 'Retry', `see fetch_invoice_items ${i}`));
    const answer = ranked(indexOf([...identifiers, doc(4, 'Retry', 'invoices are late')]), 'invoice ');
    expect(answer.slice(0, 3).sort()).toEqual([1, 2, 3]);
    expect(answer.slice(3)).toEqual([4]);
  });

  it('an exact title match outranks an exact body match, and typos still find what was meant', () => {
    const index = indexOf([doc(1, 'notes', 'kubernetes upgrade'), doc(2, 'kubernetes upgrade', 'notes')]);
    expect(ranked(index, 'kubernetes ')).toEqual([2, 1]);
    expect(ranked(index, 'kuberentes ')).toEqual([2, 1]);
    expect(ranked(index, 'kube')).toEqual([2, 1]);
  });
});

describe('ranking: several words', () => {
  it('puts documents with every word first, however rare the others', () => {
    const filler = Array.from({ length: 40 }, (_, i) => doc(100 + i, `rollout ${i}`));
    const index = indexOf([...filler, doc(1, 'zeppelin', 'rare word alone'), doc(2, 'canary rollout'), doc(3, 'zeppelin rollout', 'both words')]);
    expect(ranked(index, 'zeppelin rollout ')[0]).toBe(3);
    expect(ranked(index, 'zeppelin rollout ')[1]).toBe(1);
  });

  it('among documents with every word, exact matches of each rank before completions and neighbours', () => {
    const index = indexOf([doc(1, 'canary rollouts'), doc(2, 'canary rollout'), doc(3, 'canaries rolout'), doc(4, 'canary')]);
    // Both words exact; "rollouts" one edit from "rollout"; then one word: exact, then a neighbour.
    expect(ranked(index, 'canary rollout ')).toEqual([2, 1, 4, 3]);
    // The last word as typed is a prefix: "rollout" and "rollouts" both complete it.
    const typing = ranked(index, 'canary rollou');
    expect(typing.slice(0, 2).sort()).toEqual([1, 2]);
    expect(typing.slice(2)).toEqual([4]);
  });
});

describe('ranking on the popup path (index, Fuse re-rank, records read)', () => {
  const fresh = freshDatabases('ranking-test');
  const record = (key: string, title: string, text: string): IncomingRecord => ({
    key, type: 'post', tool: 'github', kind: 'issue', place: 'public', container: 'acme/x', title, text, author: 'lena-k',
    participants: ['lena-k'], mentions: [], mentionIds: [], time: '2026-01-02T10:00:00Z', url: key,
  });

  it('Fuse re-ranks only within equal quality: the reproduction keeps the ten exact matches first', async () => {
    const db = fresh();
    const releases = Array.from({ length: 10 }, (_, i) => record(`https://g/${i + 1}`, `Add a label to the release ${i + 1}`, ''));
    await ingestRecords(db, [...releases, record('https://g/flaky', 'Flaky labels test', 'labels flaky'), record('https://g/cleanup', 'Cleanup of the restore path', 'calls labelRestore twice')], true, NOW);
    const index = await loadSearchIndex(db);
    for (const text of ['label', 'label ']) {
      const keys = (await runSearch(db, index, parseQuery(text), async () => [])).hits.map((h) => h.record.key);
      expect(keys.slice(0, 10).sort()).toEqual(releases.map((r) => r.key).sort());
      expect(keys.slice(10)).toEqual(['https://g/cleanup', 'https://g/flaky']);
    }
  });
});
