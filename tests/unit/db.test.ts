import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION, openDatabase, SCHEMA_VERSIONS, type ThanksEntry } from '@/lib/db';
import { loadPeople } from '@/lib/people/directory-store';
import { ingestRecords, setRecordsArchived } from '@/lib/search/index-store';
import { parseQuery } from '@/lib/search/query';
import { countArchived, countRecords, findRecords, newestArchived, newestRecords } from '@/lib/search/record-store';
import { loadSearchIndex, runSearch } from '@/lib/search/search';
import { SEGMENT_FORMAT, SegmentBuilder, type StoredSegment } from '@/lib/search/segment';
import { TOOL_CODES } from '@/lib/search/codes';
import { indexedDoc } from '@/lib/search/stored-record';

/**
 * Migration pattern: for each schema version, open the database as of that version, store data
 * in its shape, then open the latest version and check the data survived in the new shape.
 * Each new version adds a seed for the version before it to `seeds` below.
 */
const seeds: Record<number, { seed: (name: string) => Promise<void>; check: (name: string) => Promise<void> }> = {
  1: {
    seed: async (name) => {
      const db = openDatabase(name, 1);
      await db.people.put({ id: 'priya', name: 'Priya Raman', handles: { github: 'priya-r' }, handleKeys: ['github:priya-r'], updatedAt: 1 });
      await db.featureErrors.add({ featureId: 'x', tool: 'github', page: 'https://github.com/', message: 'm', at: 1 });
      db.close();
    },
    check: async (name) => {
      const db = openDatabase(name);
      // Version 4 moved people from rows into directory chunks.
      expect(await loadPeople(db)).toMatchObject([{ id: 'priya', name: 'Priya Raman', handleKeys: ['github:priya-r'] }]);
      expect(await db.featureErrors.count()).toBe(1);
      expect(await db.pageReports.count()).toBe(0);
      expect(await db.imports.count()).toBe(0);
      db.close();
    },
  },
  2: {
    seed: async (name) => {
      const db = openDatabase(name, 2);
      await db.pageReports.add({ tool: 'gitlab', origin: 'https://gitlab.acme.internal', kind: 'issue', place: 'private', detected: true, path: '/acme/x/-/issues/1', matched: { note: true }, at: 2 });
      db.close();
    },
    check: async (name) => {
      const db = openDatabase(name);
      expect(await db.pageReports.where('[tool+at]').between(['gitlab', 0], ['gitlab', 10]).toArray()).toMatchObject([{ matched: { note: true } }]);
      db.close();
    },
  },
  3: {
    seed: async (name) => {
      const db = openDatabase(name, 3);
      await db.imports.put({ id: 'i1', at: 3, source: 'demo.json', addedIds: ['priya'], before: [] });
      db.close();
    },
    check: async (name) => {
      const db = openDatabase(name);
      expect(await db.imports.get('i1')).toMatchObject({ source: 'demo.json', addedIds: ['priya'] });
      db.close();
    },
  },
  4: {
    seed: async (name) => {
      const db = openDatabase(name, 4);
      await db.directory.bulkPut([
        { chunk: 0, people: [{ id: 'a', name: 'A', handles: {}, handleKeys: [], updatedAt: 4 }] },
        { chunk: 1, people: [{ id: 'b', name: 'B', handles: {}, handleKeys: [], updatedAt: 4 }] },
      ]);
      db.close();
    },
    check: async (name) => {
      const db = openDatabase(name);
      expect((await loadPeople(db)).map((p) => p.id)).toEqual(['a', 'b']);
      db.close();
    },
  },
  5: {
    seed: async (name) => {
      const db = openDatabase(name, 5);
      await db.thanks.put({ id: 't1', direction: 'given', at: 5, tool: 'slack', handle: 'U0LENA0001', personId: 'lena', name: 'Lena K', permalink: 'https://acme.slack.com/archives/C1/p1', excerpt: 'x', note: '', via: 'record', private: false } as ThanksEntry);
      await db.activity.add({ type: 'private-post', at: 5, tool: 'slack', place: 'private', detail: 'Security' });
      db.close();
    },
    check: async (name) => {
      const db = openDatabase(name);
      // Version 7 gave every entry its post key (its permalink, for entries from before).
      expect(await db.thanks.where('[direction+at]').between(['given', 0], ['given', 10]).toArray()).toMatchObject([{ id: 't1', personId: 'lena', postKey: 'https://acme.slack.com/archives/C1/p1' }]);
      expect(await db.activity.where('[type+at]').between(['private-post', 0], ['private-post', 10]).count()).toBe(1);
      db.close();
    },
  },
  6: {
    seed: async (name) => {
      const db = openDatabase(name, 6);
      const row = (doc: number, key: string, title: string, extra: Record<string, unknown> = {}) => ({
        doc, key, type: 'post' as const, tool: 'github' as const, kind: 'issue' as const, place: 'public' as const, private: false, container: 'acme/x',
        title, text: 'It fails', author: 'lena-k', participants: ['lena-k'], mentions: [], mentionIds: [], time: null, url: key, firstSeen: 6, lastSeen: 6, timesSeen: 1, ...extra,
      });
      // Docs 1-2, then a gap (as a failed capture leaves), then 5; one record archived.
      const rows = [
        row(1, 'https://github.com/acme/x/issues/1', 'Flaky deploy', { type: 'page', firstSeen: 2, lastSeen: 9, timesSeen: 4 }),
        row(2, 'https://github.com/acme/x/issues/1#issuecomment-2', 'Rollback plan', { archivedAt: 8, authorId: 'lena', authorName: 'Lena K' }),
        row(5, 'https://github.com/acme/x/issues/3', 'Canary rollout'),
      ];
      await db.searchRecords.bulkPut(rows);
      // The index as version 6 to 8 stored it: no slots.
      const builder = new SegmentBuilder();
      for (const r of rows) builder.add(indexedDoc({ ...r, chunk: r.doc }));
      const { slots: _slots, ...segment } = builder.build();
      await db.searchSegments.put({ id: 1, size: rows.length, data: segment as StoredSegment });
      db.close();
    },
    check: async (name) => {
      const db = openDatabase(name);
      // Version 9 moved the records into chunks, keeping their numbers; the index learned their places.
      const stored = await findRecords(db, ['https://github.com/acme/x/issues/1', 'https://github.com/acme/x/issues/1#issuecomment-2', 'https://github.com/acme/x/issues/3']);
      expect([...stored.byKey.values()].map((r) => [r.doc, r.chunk])).toEqual([[1, 1], [2, 1], [5, 5]]);
      expect(stored.byKey.get('https://github.com/acme/x/issues/1')).toMatchObject({ title: 'Flaky deploy', firstSeen: 2, lastSeen: 9, timesSeen: 4 });
      expect(stored.byKey.get('https://github.com/acme/x/issues/1#issuecomment-2')).toMatchObject({ archivedAt: 8, authorName: 'Lena K' });
      expect(await countRecords(db)).toBe(3);
      expect((await newestArchived(db, 10)).map((r) => r.title)).toEqual(['Rollback plan']);
      expect([...(await db.searchSegments.get(1))!.data.slots]).toEqual([0, 1, 0]);
      const hits = await runSearch(db, await loadSearchIndex(db), parseQuery('canary flaky'), async () => []);
      expect(hits.hits.map((h) => h.record.title).sort()).toEqual(['Canary rollout', 'Flaky deploy']);
      db.close();
    },
  },
  7: {
    seed: async (name) => {
      const db = openDatabase(name, 7);
      await db.thanks.put({ id: 't7', direction: 'given', at: 7, tool: 'github', handle: 'lena-k', personId: 'lena', name: 'Lena K', permalink: 'https://github.com/a/b/issues/1#issuecomment-1', postKey: 'https://github.com/a/b/issues/1#issuecomment-1', excerpt: 'x', note: '', via: 'public', private: false });
      await db.outbox.put({ id: 't7', thanksId: 't7', url: 'http://127.0.0.1:9/hook', payload: { text: 'x' }, status: 'pending', attempts: 1, createdAt: 7, nextAt: 8 });
      db.close();
    },
    check: async (name) => {
      const db = openDatabase(name);
      expect(await db.thanks.where('postKey').equals('https://github.com/a/b/issues/1#issuecomment-1').count()).toBe(1);
      expect(await db.outbox.where('status').equals('pending').toArray()).toMatchObject([{ id: 't7', attempts: 1 }]);
      db.close();
    },
  },
  8: {
    seed: async (name) => {
      const db = openDatabase(name, 8);
      await db.places.put({ key: 'slack|https://app.slack.com|C0PAYCORE01', tool: 'slack', label: '#payments-core', url: 'https://app.slack.com/client/T1/C0PAYCORE01', reason: 'Security', reasonAt: 8, exceptionAt: 8 });
      db.close();
    },
    check: async (name) => {
      const db = openDatabase(name);
      expect(await db.places.where('exceptionAt').above(0).toArray()).toMatchObject([{ label: '#payments-core', reason: 'Security' }]);
      db.close();
    },
  },
  9: {
    seed: async (name) => {
      const db = openDatabase(name, 9);
      const base = { type: 'post' as const, tool: 'slack' as const, kind: 'channel' as const, place: 'public' as const, container: '#deploys', text: 'shipped', author: 'U1', participants: [], mentions: [], mentionIds: [], time: null };
      await ingestRecords(db, [
        { ...base, key: 'https://acme.slack.com/archives/C1/p1', url: 'https://acme.slack.com/archives/C1/p1', title: 'Release 42' },
        { ...base, key: 'https://acme.slack.com/archives/C1/p2', url: 'https://acme.slack.com/archives/C1/p2', title: 'Release 43' },
      ], true, 9);
      await setRecordsArchived(db, ['https://acme.slack.com/archives/C1/p2'], true, 10);
      db.close();
    },
    check: async (name) => {
      const db = openDatabase(name);
      expect(await countRecords(db)).toBe(2);
      expect(await countArchived(db)).toBe(1);
      expect((await newestRecords(db, 5, () => true)).map((r) => [r.title, r.lastSeen, r.archivedAt])).toEqual([['Release 43', 9, 10], ['Release 42', 9, undefined]]);
      db.close();
    },
  },
  10: {
    seed: async (name) => {
      const db = openDatabase(name, 10);
      await db.importStaging.put({ importId: 'i1', part: 0, records: [], at: 10 });
      // Two records and their index segment as format 1 wrote it: no format field, codes as list positions of the day.
      await ingestRecords(db, [formatOneRecord('https://slack.com/a', 'slack'), formatOneRecord('https://github.com/a', 'github')], true, 10);
      const [row] = await db.searchSegments.toArray();
      const { format: _format, ...legacy } = row!.data;
      await db.searchSegments.put({ ...row!, data: legacy as StoredSegment });
      db.close();
    },
    check: async (name) => {
      const db = openDatabase(name);
      expect(await db.importStaging.where('importId').equals('i1').count()).toBe(1);
      // Version 11 rewrote the format 1 segment in the current format, filters reading it as written.
      const rows = await db.searchSegments.toArray();
      expect(rows.map((r) => r.data.format)).toEqual([SEGMENT_FORMAT]);
      expect([...rows[0]!.data.tool]).toEqual([TOOL_CODES.slack, TOOL_CODES.github]);
      const find = async (text: string) => (await runSearch(db, await loadSearchIndex(db), parseQuery(text), async () => [])).hits.map((h) => h.record.key);
      expect(await find('rollout tool:slack')).toEqual(['https://slack.com/a']);
      expect((await find('rollout')).sort()).toEqual(['https://github.com/a', 'https://slack.com/a']);
      db.close();
    },
  },
  11: {
    seed: async (name) => {
      const db = openDatabase(name, 11);
      await ingestRecords(db, [formatOneRecord('https://gitlab.com/a', 'gitlab')], true, 11);
      db.close();
    },
    check: async (name) => {
      const db = openDatabase(name);
      expect((await db.searchSegments.toArray()).map((r) => r.data.format)).toEqual([SEGMENT_FORMAT]);
      expect((await runSearch(db, await loadSearchIndex(db), parseQuery('rollout tool:gitlab'), async () => [])).hits.map((h) => h.record.key)).toEqual(['https://gitlab.com/a']);
      db.close();
    },
  },
  12: {
    seed: async (name) => {
      const db = openDatabase(name, 12);
      await ingestRecords(db, [formatOneRecord('https://gitlab.com/b', 'gitlab')], true, 12);
      await db.searchPostings.put({ segment: 1, block: 0, postings: Uint32Array.of(3, 5) });
      db.close();
    },
    check: async (name) => {
      const db = openDatabase(name);
      expect([...(await db.searchPostings.get([1, 0]))!.postings]).toEqual([3, 5]);
      db.close();
    },
  },
};

function formatOneRecord(key: string, tool: 'github' | 'gitlab' | 'slack'): Parameters<typeof ingestRecords>[1][number] {
  return { key, type: 'post', tool, kind: 'issue', place: 'public', container: 'acme/x', title: 'Canary rollout', text: '', author: 'lena-k', participants: ['lena-k'], mentions: [], mentionIds: [], time: '2026-01-02T10:00:00Z', url: key };
}

const names: string[] = [];
afterEach(async () => {
  await Promise.all(names.splice(0).map((n) => Dexie.delete(n)));
});

describe('database', () => {
  it('lists versions in increasing order, ending at the latest', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(versions.at(-1)).toBe(LATEST_VERSION);
  });

  it('has a migration seed for every version', () => {
    expect(Object.keys(seeds).map(Number)).toEqual(SCHEMA_VERSIONS.map((v) => v.version));
  });

  it.each(SCHEMA_VERSIONS.map((v) => v.version))('keeps version %i data when opened at the latest version', async (version) => {
    const name = `daylight-migration-${version}`;
    names.push(name);
    await seeds[version]!.seed(name);
    await seeds[version]!.check(name);
    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    db.close();
  });
});
