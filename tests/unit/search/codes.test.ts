import { describe, expect, it } from 'vitest';
import { KIND_CODES, MAX_CODE, PLACE_CODES, TOOL_CODES } from '@/lib/search/codes';
import { NO_FILTERS, SearchIndex } from '@/lib/search/engine';
import { compactIndex, ingestRecords, type IncomingRecord } from '@/lib/search/index-store';
import { parseQuery } from '@/lib/search/query';
import { loadSearchIndex, runSearch } from '@/lib/search/search';
import { readableSegment, Segment, SEGMENT_FORMAT, SegmentBuilder, type IndexedDoc, type StoredSegment } from '@/lib/search/segment';
import { PAGE_KINDS, PLACES } from '@/lib/tools/page';
import { TOOL_IDS } from '@/lib/tools/tool-ids';
import { freshDatabases } from './fresh-database';

/**
 * Stored segments keep numbers for tool, kind and place; those numbers must mean the same thing to
 * every later version of Daylight (issue 17: they were list positions, so inserting a kind before
 * `other` would have remapped every stored document's filters).
 */

// The lists as they stood when segments stored positions in them (segment format 1).
const FORMAT_1_TOOLS = ['github', 'gitlab', 'slack', 'mattermost', 'asana', 'phabricator'] as const;
const FORMAT_1_KINDS = ['issue', 'pull_request', 'merge_request', 'discussion', 'commit', 'wiki', 'task', 'differential_revision', 'channel', 'private-channel', 'dm', 'group-dm', 'thread', 'other'] as const;
const FORMAT_1_PLACES = ['public', 'private', 'unknown'] as const;

function tableChecks(name: string, table: Readonly<Record<string, number>>, list: readonly string[], format1: readonly string[]) {
  describe(`${name} codes`, () => {
    it('every value has a code, and no two share one', () => {
      expect(Object.keys(table).sort()).toEqual([...list].sort());
      const codes = Object.values(table);
      expect(new Set(codes).size).toBe(codes.length);
      for (const code of codes) expect(Number.isInteger(code) && code >= 0 && code <= MAX_CODE).toBe(true);
    });

    it('a value stored by format 1 keeps its number (codes never move, whatever the list order)', () => {
      format1.forEach((value, position) => expect([value, table[value]]).toEqual([value, position]));
    });
  });
}

tableChecks('tool', TOOL_CODES, TOOL_IDS, FORMAT_1_TOOLS);
tableChecks('kind', KIND_CODES, PAGE_KINDS, FORMAT_1_KINDS);
tableChecks('place', PLACE_CODES, PLACES, FORMAT_1_PLACES);

const NOW = Date.UTC(2026, 0, 15);

function segmentOf(...docs: Array<Partial<IndexedDoc> & { doc: number; title: string }>): StoredSegment {
  const builder = new SegmentBuilder();
  for (const d of docs) builder.add({ slot: 0, tool: 'github', kind: 'issue', place: 'public', time: NOW, seen: NOW, author: null, authorName: '', body: '', ...d });
  return builder.build();
}

describe('segment format', () => {
  it('segments are written with the current format, and their codes come from the tables', () => {
    const stored = segmentOf({ doc: 1, title: 'rollout', tool: 'slack', kind: 'thread', place: 'private' });
    expect(stored.format).toBe(SEGMENT_FORMAT);
    expect([stored.tool[0], stored.kind[0], stored.place[0]]).toEqual([TOOL_CODES.slack, KIND_CODES.thread, PLACE_CODES.private]);
  });

  it('a format 1 segment (no format field) is migrated and filtered as it was written', () => {
    const { format, ...legacy } = segmentOf({ doc: 1, title: 'rollout', tool: 'slack', kind: 'thread' }, { doc: 2, title: 'rollout', tool: 'github', kind: 'issue' });
    expect(format).toBe(SEGMENT_FORMAT);
    // Format 1 wrote list positions: slack was 2, thread 12.
    expect([legacy.tool[0], legacy.kind[0]]).toEqual([2, 12]);
    expect(readableSegment(legacy)?.format).toBe(SEGMENT_FORMAT);
    const index = new SearchIndex([legacy]);
    const found = (filters: typeof NO_FILTERS) => index.search([{ word: 'rollout', prefix: false }], filters, 10, NOW).candidates.map((c) => c.doc);
    expect(found({ ...NO_FILTERS, tools: [TOOL_CODES.slack] })).toEqual([1]);
    expect(found({ ...NO_FILTERS, kinds: [KIND_CODES.issue] })).toEqual([2]);
  });

  it('a segment in a format this code does not know is never read: skipped by the reader, refused by Segment', () => {
    const unknown = { ...segmentOf({ doc: 1, title: 'rollout', tool: 'slack' }), format: SEGMENT_FORMAT + 1 };
    expect(readableSegment(unknown)).toBeNull();
    expect(() => new Segment(unknown)).toThrow(/format/);
    const index = new SearchIndex([unknown, segmentOf({ doc: 2, title: 'rollout' })]);
    expect(index.search([{ word: 'rollout', prefix: false }], NO_FILTERS, 10, NOW).candidates.map((c) => c.doc)).toEqual([2]);
  });

  const fresh = freshDatabases('codes-test');
  it('the index is rebuilt from the records when a stored segment is in an unknown format', async () => {
    const db = fresh();
    const record = (key: string, tool: IncomingRecord['tool']): IncomingRecord => ({
      key, type: 'post', tool, kind: 'issue', place: 'public', container: 'acme/x', title: 'Canary rollout', text: '', author: 'lena-k',
      participants: ['lena-k'], mentions: [], mentionIds: [], time: '2026-01-02T10:00:00Z', url: key,
    });
    await ingestRecords(db, [record('https://g/1', 'github'), record('https://s/1', 'slack')], true, NOW);
    // As a newer version of Daylight would have written it: unreadable here.
    const rows = await db.searchSegments.toArray();
    await db.searchSegments.bulkPut(rows.map((r) => ({ ...r, data: { ...r.data, format: SEGMENT_FORMAT + 1 } })));
    const find = async (text: string) => (await runSearch(db, await loadSearchIndex(db), parseQuery(text), async () => [])).hits.map((h) => h.record.key);
    expect(await find('rollout tool:slack')).toEqual([]);
    expect(await compactIndex(db)).toBe(false);
    expect((await db.searchSegments.toArray()).every((r) => r.data.format === SEGMENT_FORMAT)).toBe(true);
    expect(await find('rollout tool:slack')).toEqual(['https://s/1']);
    expect((await find('rollout')).sort()).toEqual(['https://g/1', 'https://s/1']);
  });
});
