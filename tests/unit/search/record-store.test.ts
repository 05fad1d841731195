import { describe, expect, it } from 'vitest';
import { freshDatabases } from './fresh-database';
import type { SearchRecordRow } from '@/lib/db';
import { importRecords } from '@/lib/search/export';
import { ingestRecords, setRecordsArchived, type IncomingRecord } from '@/lib/search/index-store';
import {
  CHUNK_CHARS, CHUNK_RECORDS, chunkStoredRecords, countArchived, countRecords, findRecords, keyRuns, newestArchived, newestRecords, readRecords,
} from '@/lib/search/record-store';

const fresh = freshDatabases('record-store-test');

const PAGE = 'https://github.com/acme/x/issues/1';
function post(key: string, text = 'words', extra: Partial<IncomingRecord> = {}): IncomingRecord {
  return {
    key, type: 'post', tool: 'github', kind: 'issue', place: 'public', container: 'acme/x', title: 'Flaky deploy', text, author: 'lena-k',
    participants: [], mentions: [], mentionIds: [], time: null, url: key, pageKey: PAGE, ...extra,
  };
}
const page = (comments: number, from = 0) => [
  post(PAGE, 'the page', { type: 'page', pageKey: undefined }),
  ...Array.from({ length: comments }, (_, i) => post(`${PAGE}#issuecomment-${1000 + from + i}`, `comment ${from + i}`)),
];

function row(doc: number, text: string, extra: Partial<SearchRecordRow> = {}): SearchRecordRow {
  return {
    doc, chunk: 0, key: `https://g/${doc}`, type: 'post', tool: 'github', kind: 'issue', place: 'public', private: false, container: 'c', title: 't', text,
    author: null, participants: [], mentions: [], mentionIds: [], time: null, url: `https://g/${doc}`, firstSeen: 1, lastSeen: doc, timesSeen: 1, ...extra,
  };
}

describe('record chunks', () => {
  it('packs consecutive documents, bounded by count and size, starting anew at a gap', () => {
    const many = Array.from({ length: CHUNK_RECORDS + 3 }, (_, i) => row(i + 1, 'x'));
    expect(chunkStoredRecords(many, Infinity).map((c) => [c.id, c.keys.length])).toEqual([[1, CHUNK_RECORDS], [CHUNK_RECORDS + 1, 3]]);
    expect(chunkStoredRecords(many).every((c) => c.records.join('').length <= CHUNK_CHARS)).toBe(true);
    const big = [row(1, 'y'.repeat(CHUNK_CHARS)), row(2, 'small'), row(3, 'small'), row(7, 'after a gap', { archivedAt: 5 })];
    const chunks = chunkStoredRecords(big);
    expect(chunks.map((c) => [c.id, c.keys.length])).toEqual([[1, 1], [2, 2], [7, 1]]);
    expect(big.map((r) => r.chunk)).toEqual([1, 2, 2, 7]);
    expect(chunks.map((c) => [c.lastSeen, c.archived])).toEqual([[1, []], [3, []], [7, [[5, 7]]]]);
  });

  it('looks a page and its permalinks up as one range, other keys on their own', () => {
    expect(keyRuns([PAGE, `${PAGE}#issuecomment-1`, `${PAGE}#issuecomment-2`, 'https://github.com/acme/y/pull/2', 'https://acme.slack.com/archives/C1/p1'].sort())).toEqual([
      ['https://acme.slack.com/archives/C1/p1'],
      [PAGE, `${PAGE}#issuecomment-1`, `${PAGE}#issuecomment-2`],
      ['https://github.com/acme/y/pull/2'],
    ]);
  });

  it('stores a page of 200 comments in a few rows, and a revisit updates them in place', async () => {
    const db = fresh();
    expect(await ingestRecords(db, page(200), true, 10)).toEqual({ added: 201, updated: 0 });
    const chunks = await db.searchChunks.count();
    expect(chunks).toBeGreaterThan(1);
    expect(chunks).toBeLessThanOrEqual(Math.ceil(201 / 8));
    expect(await countRecords(db)).toBe(201);
    // The revisit brings 10 new comments: the old ones keep their documents, the new go to new chunks.
    const before = await findRecords(db, [PAGE, `${PAGE}#issuecomment-1150`]);
    expect(await ingestRecords(db, page(210), true, 20)).toEqual({ added: 10, updated: 201 });
    const added = (await db.searchChunks.count()) - chunks;
    expect(added).toBeGreaterThanOrEqual(1);
    expect(added).toBeLessThanOrEqual(2);
    const after = await findRecords(db, [PAGE, `${PAGE}#issuecomment-1150`, `${PAGE}#issuecomment-1205`]);
    expect([...after.byKey.values()].sort((a, b) => a.doc - b.doc).map((r) => [r.key, r.timesSeen, r.firstSeen, r.lastSeen])).toEqual([
      [PAGE, 2, 10, 20], [`${PAGE}#issuecomment-1150`, 2, 10, 20], [`${PAGE}#issuecomment-1205`, 1, 20, 20],
    ]);
    expect(after.byKey.get(PAGE)!.doc).toBe(before.byKey.get(PAGE)!.doc);
    expect(after.byKey.get(`${PAGE}#issuecomment-1150`)!.doc).toBe(before.byKey.get(`${PAGE}#issuecomment-1150`)!.doc);
  });

  it('never stores a key twice, even seen from another page or with many keys between its neighbours', async () => {
    const db = fresh();
    // 300 stored keys sort between the two looked up: their range is given up for lookups key by key.
    await ingestRecords(db, Array.from({ length: 300 }, (_, i) => post(`https://g/b/${String(i).padStart(3, '0')}`, 'filler', { pageKey: 'https://g/b' })), true, 1);
    await ingestRecords(db, [post('https://g/a', 'first'), post('https://g/c', 'last')], true, 2);
    expect(await ingestRecords(db, [post('https://g/a', 'first again', { pageKey: 'https://other' }), post('https://g/b/150', 'moved'), post('https://g/c', 'last')], true, 3)).toEqual({ added: 0, updated: 3 });
    expect(await countRecords(db)).toBe(302);
    const found = await findRecords(db, ['https://g/a', 'https://g/b/150', 'https://g/c']);
    expect(['https://g/a', 'https://g/b/150', 'https://g/c'].map((key) => found.byKey.get(key)?.text)).toEqual(['first again', 'moved', 'last']);
  });

  it('reads records by place, lists the newest and the archived ones', async () => {
    const db = fresh();
    await ingestRecords(db, page(30), true, 100);
    await ingestRecords(db, [post('https://github.com/acme/x/issues/2', 'later')], true, 200);
    await ingestRecords(db, [post(`${PAGE}#issuecomment-1003`, 'comment 3')], false, 300);
    expect((await newestRecords(db, 3, () => true)).map((r) => [r.key, r.lastSeen])).toEqual([
      [`${PAGE}#issuecomment-1003`, 300], ['https://github.com/acme/x/issues/2', 200], [`${PAGE}#issuecomment-1029`, 100],
    ]);
    await setRecordsArchived(db, ['https://github.com/acme/x/issues/2'], true, 400);
    await setRecordsArchived(db, [`${PAGE}#issuecomment-1004`, `${PAGE}#issuecomment-1005`], true, 500);
    expect((await newestRecords(db, 2, (r) => r.archivedAt === undefined)).map((r) => r.key)).toEqual([`${PAGE}#issuecomment-1003`, `${PAGE}#issuecomment-1029`]);
    expect(await countArchived(db)).toBe(3);
    expect((await newestArchived(db, 2)).map((r) => r.key)).toEqual([`${PAGE}#issuecomment-1005`, `${PAGE}#issuecomment-1004`]);
    await setRecordsArchived(db, [`${PAGE}#issuecomment-1004`], false);
    expect(await countArchived(db)).toBe(2);
    const stored = await findRecords(db, [`${PAGE}#issuecomment-1010`]);
    const known = stored.byKey.get(`${PAGE}#issuecomment-1010`)!;
    expect((await readRecords(db, [known, { doc: 9_999, chunk: known.chunk }, { doc: 9_999, chunk: 9_999 }])).map((r) => r?.text)).toEqual(['comment 10', undefined, undefined]);
  });

  it('imports keep one record per key and the newer version', async () => {
    const db = fresh();
    await ingestRecords(db, [post('https://g/1', 'stored')], true, 50);
    const base = { ...post('https://g/1', ''), private: false, firstSeen: 10, timesSeen: 3 };
    const result = await importRecords(db, [{ ...base, text: 'older', lastSeen: 40 }, { ...base, key: 'https://g/2', url: 'https://g/2', text: 'new', lastSeen: 40 }, { ...base, key: 'https://g/2', url: 'https://g/2', text: 'new twice', lastSeen: 41 }]);
    expect(result).toEqual({ added: 1, updated: 1 });
    expect(await countRecords(db)).toBe(2);
    const found = await findRecords(db, ['https://g/1', 'https://g/2']);
    expect(['https://g/1', 'https://g/2'].map((key) => found.byKey.get(key)).map((r) => [r?.text, r?.firstSeen, r?.timesSeen])).toEqual([['stored', 10, 3], ['new twice', 10, 3]]);
  });
});
